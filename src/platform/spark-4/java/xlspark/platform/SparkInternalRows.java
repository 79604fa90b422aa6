package xlspark.platform;

import org.apache.spark.rdd.RDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.types.StructType;
import xlspark.spark.core.InternalRows;

/** Spark 4: the job runs on the classic (non-Connect) session, whose Dataset and SparkSession have these calls. */
public final class SparkInternalRows implements InternalRows {
  @Override
  public RDD<InternalRow> rdd(Dataset<Row> data) {
    return ((org.apache.spark.sql.classic.Dataset<Row>) data).queryExecution().toRdd();
  }

  @Override
  public Dataset<Row> dataFrame(SparkSession spark, RDD<InternalRow> rows, StructType schema) {
    return ((org.apache.spark.sql.classic.SparkSession) spark).internalCreateDataFrame(rows, schema, false);
  }
}

package xlspark.platform;

import org.apache.spark.rdd.RDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.types.StructType;
import xlspark.spark.core.InternalRows;

/** Spark 3.5 (Scala 2.12 and 2.13): the Dataset and the session are the classic classes. */
public final class SparkInternalRows implements InternalRows {
  @Override
  public RDD<InternalRow> rdd(Dataset<Row> data) {
    return data.queryExecution().toRdd();
  }

  @Override
  public Dataset<Row> dataFrame(SparkSession spark, RDD<InternalRow> rows, StructType schema) {
    return spark.internalCreateDataFrame(rows, schema, false);
  }
}

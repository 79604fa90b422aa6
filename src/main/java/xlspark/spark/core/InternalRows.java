package xlspark.spark.core;

import org.apache.spark.rdd.RDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.types.StructType;

/**
 * Between a Dataset and the RDD of Spark's internal rows it runs as: the job reads, evaluates and writes internal
 * rows, so that no cell goes through Spark's external {@link Row} and back. Spark 3.5's Dataset and SparkSession
 * are the classic ones; Spark 4's are interfaces whose classic implementations have these calls. The
 * implementation is the one {@code xlspark.platform.SparkInternalRows} of the build's platform
 * ({@code src/platform/NAME/java}).
 */
public interface InternalRows {
  /** This build's implementation. */
  InternalRows PLATFORM = new xlspark.platform.SparkInternalRows();

  /** The rows {@code data}'s plan produces (planned now, run lazily); they may be reused objects. */
  RDD<InternalRow> rdd(Dataset<Row> data);

  /** A DataFrame of {@code rows} with {@code schema}, lazily. */
  Dataset<Row> dataFrame(SparkSession spark, RDD<InternalRow> rows, StructType schema);
}

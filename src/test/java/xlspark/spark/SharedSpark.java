package xlspark.spark;

import org.apache.spark.sql.SparkSession;

/**
 * The one local SparkSession of a test JVM: {@code local[2]}, UI off, few shuffle partitions, on 127.0.0.1, set up
 * for Delta Lake tables (as {@code conf/spark-defaults.conf} sets up the job) when this build has Delta.
 * Never stopped by tests; Spark's shutdown hook stops it when the JVM exits.
 */
public final class SharedSpark {
  private static SparkSession session;

  private SharedSpark() {}

  public static synchronized SparkSession session() {
    if (session == null) {
      SparkSession.Builder builder = SparkSession.builder();
      if (hasDelta()) {
        builder.config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
            .config("spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog")
            // Delta rebuilds a table's state in 50 tasks by default: 2 for the tests' tables of a few files
            .config("spark.databricks.delta.snapshotPartitions", "2");
      }
      session = builder
          .master("local[2]")
          .appName("xlspark-tests")
          .config("spark.ui.enabled", "false")
          .config("spark.sql.shuffle.partitions", "4")
          .config("spark.driver.host", "127.0.0.1")
          .config("spark.driver.bindAddress", "127.0.0.1")
          .config("spark.sql.warehouse.dir", "target/spark-warehouse")
          .getOrCreate();
    }
    return session;
  }

  /** Whether Delta Lake is on the test classpath (its data source class loads). */
  public static boolean hasDelta() {
    try {
      Class.forName("org.apache.spark.sql.delta.sources.DeltaDataSource", false, SharedSpark.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }
}

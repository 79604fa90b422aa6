package xlspark.notebook;

import org.apache.spark.sql.SparkSession;
import scala.Option;

/** What the kernel does to the cells' Spark session: cancel its jobs on an interrupt, stop it on shutdown. */
final class SparkHooks {
  private SparkHooks() {}

  static void cancelJobs() {
    Option<SparkSession> s = SparkSession.getDefaultSession();
    if (s.isDefined()) {
      s.get().sparkContext().cancelAllJobs();
    }
  }

  static void stopSession() {
    Option<SparkSession> s = SparkSession.getDefaultSession();
    if (s.isDefined()) {
      s.get().stop();
    }
  }
}

package xlspark.cli;

import java.io.PrintWriter;
import org.apache.spark.sql.SparkSession;

/**
 * Where commands get their SparkSession: built from spark-submit's configuration by {@link Main}, or an
 * existing session (tests, notebooks) that is never stopped by xlspark.
 */
public interface SessionSource {
  /**
   * @param taskSlots with a local master, run {@code local[taskSlots]}; 0 leaves the master as configured
   */
  SparkSession open(String appName, int taskSlots, PrintWriter err);

  /** An existing session; {@code taskSlots} cannot change it and is reported as ignored. */
  static SessionSource of(SparkSession session) {
    return (appName, taskSlots, err) -> {
      if (taskSlots > 0) {
        err.println("xlspark: --task-slots ignored: the session already runs");
      }
      return session;
    };
  }
}

package xlspark.spark;

import org.apache.spark.util.LongAccumulator;

/** Told when a run starts evaluating, so that something (the CLI's progress line) can follow it. */
public interface RunProgress {
  /** Follows nothing: the run adds no counter. */
  RunProgress NONE = (total, rows) -> { };

  /**
   * The run is about to evaluate {@code total} rows; {@code rows} counts the rows evaluated (on the driver: those
   * of finished tasks; running tasks report theirs with Spark's executor heartbeats).
   */
  void evaluating(long total, LongAccumulator rows);
}

package xlspark.spark.timing;

import java.io.Serializable;

/**
 * One completed stage attempt as Spark's listener saw it. Times in milliseconds unless named otherwise;
 * {@code runMillis}, {@code cpuNanos}, {@code deserializeMillis} and {@code gcMillis} are summed over the
 * stage's tasks (so they exceed {@code wallMillis} when tasks ran in parallel).
 *
 * @param jobId             the first job that ran this stage
 * @param wallMillis        submission to completion on the driver's clock
 * @param taskMinMillis     shortest task (launch to finish); -1 without task events
 * @param taskMedianMillis  median task
 * @param taskMaxMillis     longest task
 * @param failure           why the stage failed; null when it succeeded
 */
public record StageTiming(int stageId, int attempt, int jobId, String name, int tasks, long submittedAt,
                          long completedAt, long wallMillis, long runMillis, long cpuNanos,
                          long deserializeMillis, long gcMillis, long inputBytes, long inputRecords,
                          long outputBytes, long outputRecords, long shuffleReadBytes, long shuffleReadRecords,
                          long shuffleWriteBytes, long shuffleWriteRecords, long taskMinMillis,
                          long taskMedianMillis, long taskMaxMillis, String failure) implements Serializable {

  /** Records a stage consumed: read from its input plus read from shuffles. */
  public long recordsIn() {
    return inputRecords + shuffleReadRecords;
  }

  /** Records a stage produced: written to output plus written to shuffles. */
  public long recordsOut() {
    return outputRecords + shuffleWriteRecords;
  }
}

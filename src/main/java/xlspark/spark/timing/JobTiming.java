package xlspark.spark.timing;

import java.io.Serializable;
import java.util.List;

/**
 * One Spark job of a run.
 *
 * @param description the job description the driver set ({@code spark.job.description}), or null
 * @param stageIds    every stage of the job, including stages skipped because their output was reused
 * @param succeeded   false when the job failed; null while it runs
 */
public record JobTiming(int jobId, String description, long submittedAt, long completedAt, List<Integer> stageIds,
                        Boolean succeeded) implements Serializable {
  public JobTiming {
    stageIds = List.copyOf(stageIds);
  }

  public long wallMillis() {
    return completedAt > 0 ? completedAt - submittedAt : 0;
  }
}

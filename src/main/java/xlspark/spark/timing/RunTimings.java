package xlspark.spark.timing;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * The Spark jobs and completed stages of one run, in order of job id and stage completion, and the peak heaps.
 *
 * @param complete          false when the listener bus did not drain in time, so late stages may be missing
 * @param firstTaskAt       when the run's first task was launched (epoch milliseconds); 0 when none ran
 * @param driverPeakHeap    the largest heap in use in the driver's JVM during the run (bytes; before a collection)
 * @param driverMaxHeap     the driver's maximum heap (bytes)
 * @param executorPeakHeap  per executor id, the largest JVM heap Spark's executor metrics saw during the run's
 *                          tasks (bytes; polled at {@code spark.executor.metrics.pollingInterval}, by default at
 *                          each heartbeat, so short runs may have none); in local mode the executor is the driver
 *                          JVM
 */
public record RunTimings(List<JobTiming> jobs, List<StageTiming> stages, boolean complete, long firstTaskAt,
                         long driverPeakHeap, long driverMaxHeap, Map<String, Long> executorPeakHeap)
    implements Serializable {
  public static final RunTimings NONE = new RunTimings(List.of(), List.of(), true, 0, 0, 0, Map.of());

  public RunTimings {
    jobs = List.copyOf(jobs);
    stages = List.copyOf(stages);
    executorPeakHeap = Map.copyOf(executorPeakHeap);
  }

  /** The largest executor peak heap (bytes); 0 when Spark reported none. */
  public long executorPeakHeapMax() {
    return executorPeakHeap.values().stream().mapToLong(Long::longValue).max().orElse(0);
  }

  /** Total tasks over all completed stages. */
  public long tasks() {
    return stages.stream().mapToLong(StageTiming::tasks).sum();
  }

  /**
   * Driver wall time covered by at least one running job: the union of the jobs' intervals, so jobs running
   * at the same time count once. The rest of a run's wall time is driver-side work outside Spark jobs.
   */
  public long jobWallMillis() {
    List<JobTiming> sorted = jobs.stream().filter(j -> j.completedAt() > 0)
        .sorted((a, b) -> Long.compare(a.submittedAt(), b.submittedAt())).toList();
    long total = 0;
    long start = -1;
    long end = -1;
    for (JobTiming j : sorted) {
      if (j.submittedAt() > end) {
        total += end - start;
        start = j.submittedAt();
        end = j.completedAt();
      } else {
        end = Math.max(end, j.completedAt());
      }
    }
    return total + end - start;
  }
}

package xlspark.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Tasks mode reads a small input in few partitions: its read only keys rows by group before the shuffle. */
class TasksReadPartitionsTest {
  private static final long MB = 1L << 20;

  @Test
  void aSmallInputIsOneReadPartitionWhateverTheSlots() {
    assertEquals(1, EvaluationJob.tasksReadPartitions(64, 400 * 1024), "W5: 0.4 MB on 64 slots");
    assertEquals(1, EvaluationJob.tasksReadPartitions(64, 0), "an empty file");
    assertEquals(4, EvaluationJob.tasksReadPartitions(64, 100 * MB), "32 MB each at least");
    assertEquals(8, EvaluationJob.tasksReadPartitions(8, 10_000 * MB), "never more than the slots");
    assertEquals(64, EvaluationJob.tasksReadPartitions(64, -1), "size unknown (Delta): one per slot");
  }
}

package xlspark.spark.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Tasks mode reads a small input in few partitions: its read only keys rows by group before the shuffle. */
class TasksReadPartitionsTest {
  private static final long MB = 1L << 20;

  @Test
  void aSmallInputIsOneReadPartitionWhateverTheSlots() {
    assertEquals(1, SplitSpec.tasksReadPartitions(64, 400 * 1024), "W5: 0.4 MB on 64 slots");
    assertEquals(1, SplitSpec.tasksReadPartitions(64, 0), "an empty file");
    assertEquals(4, SplitSpec.tasksReadPartitions(64, 100 * MB), "32 MB each at least");
    assertEquals(8, SplitSpec.tasksReadPartitions(8, 10_000 * MB), "never more than the slots");
    assertEquals(64, SplitSpec.tasksReadPartitions(64, -1), "size unknown (Delta): one per slot");
    SplitSpec tasks = new SplitSpec(StrategyKind.TASKS, 0, 10, "group", 400);
    assertEquals(1, tasks.readPartitions(64, () -> 400 * 1024));
    assertEquals(1, new SplitSpec(StrategyKind.SERIAL, 0, 10, "group", 400).readPartitions(64, () -> -1));
    assertEquals(64, new SplitSpec(StrategyKind.POOL, 0, 10, "group", 400).readPartitions(64, () -> 1));
    assertEquals(64, new SplitSpec(StrategyKind.AUTO, 0, 10, "group", 400).readPartitions(64, () -> 1));
  }
}

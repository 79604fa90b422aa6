package xlspark.spark.strategy;

import java.io.Serializable;
import java.util.function.LongSupplier;
import xlspark.spark.core.UsageException;

/**
 * How a run splits its work over Spark, shared by {@code evaluate} and {@code workbook}.
 *
 * @param mode             serial, pool, tasks or auto
 * @param partitions       pool partitions; 0: the default parallelism (total executor cores)
 * @param maxTasks         tasks mode refuses more groups (or workbooks) than this
 * @param groupColumn      evaluate's tasks mode: one task per distinct value; absent column: one per expression
 * @param autoSerialMillis auto mode picks serial when the estimated serial time is below this
 */
public record SplitSpec(StrategyKind mode, int partitions, int maxTasks, String groupColumn, long autoSerialMillis)
    implements Serializable {
  public static final String DEFAULT_GROUP_COLUMN = "group";
  public static final int DEFAULT_MAX_TASKS = 10_000;
  public static final long DEFAULT_AUTO_SERIAL_MILLIS = 400;
  /** Bytes a tasks-mode read partition takes at least: its map side only keys rows by group. */
  static final long TASKS_READ_BYTES = 32L << 20;

  /** Checks the values: a usage error (exit 2) names the option at fault. */
  public SplitSpec {
    UsageException.require(mode != null, "--mode is required");
    UsageException.require(partitions >= 0, "--partitions must not be negative");
    UsageException.require(maxTasks >= 1, "--max-tasks must be at least 1");
    UsageException.require(groupColumn != null && !groupColumn.isBlank(), "--group-column must not be empty");
  }

  /** The defaults: auto mode, default parallelism, {@value #DEFAULT_MAX_TASKS} tasks at most. */
  public static SplitSpec defaults() {
    return new SplitSpec(StrategyKind.AUTO, 0, DEFAULT_MAX_TASKS, DEFAULT_GROUP_COLUMN, DEFAULT_AUTO_SERIAL_MILLIS);
  }

  /** The pool partitions to use given {@code slots} task slots. */
  public int poolPartitions(int slots) {
    return partitions > 0 ? partitions : slots;
  }

  /**
   * The partitions to read the input in: serial one; pool (and auto, which decides after the read) its pool
   * partitions; tasks, which evaluates one task per group after a shuffle and only keys the rows while reading, few
   * for a small input ({@value #TASKS_READ_BYTES} bytes each at least, at most the pool partitions; W5's 0.4 MB on
   * 64 slots was 64 read tasks in each of its three stages). {@code bytes}, asked for in tasks mode only, gives the
   * input's size, negative when unknown (Delta): then one per pool partition.
   */
  public int readPartitions(int slots, LongSupplier bytes) {
    return switch (mode) {
      case SERIAL -> 1;
      case TASKS -> tasksReadPartitions(poolPartitions(slots), bytes.getAsLong());
      case POOL, AUTO -> poolPartitions(slots);
    };
  }

  static int tasksReadPartitions(int slots, long bytes) {
    if (bytes < 0) {
      return slots;
    }
    return (int) Math.max(1, Math.min(slots, (bytes + TASKS_READ_BYTES - 1) / TASKS_READ_BYTES));
  }
}

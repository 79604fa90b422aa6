package xlspark.spark.workbook;

import java.util.List;
import java.util.Locale;
import xlspark.spark.core.UsageException;
import xlspark.spark.strategy.StrategyKind;

/**
 * How the workbooks are split over Spark. A workbook is the unit of work (its cells depend on each other), so
 * serial runs them one after another on the driver, tasks gives each its own task, and pool packs them into
 * partitions of about equal bytes, in input order. Auto: serial for one workbook or a small input, tasks for
 * a few workbooks per task slot, pool for many.
 */
record WorkbookPlan(StrategyKind kind, String reason, int partitions, int[] partitionOf) {
  static final long SMALL_INPUT_BYTES = 1 << 20;

  static WorkbookPlan choose(WorkbookConfig config, List<WorkbookFiles.Entry> files, int slots) {
    int n = files.size();
    long bytes = files.stream().mapToLong(WorkbookFiles.Entry::bytes).sum();
    StrategyKind kind = config.mode();
    String reason;
    if (kind == StrategyKind.AUTO) {
      if (n == 1) {
        kind = StrategyKind.SERIAL;
        reason = "one workbook (" + size(bytes) + "): evaluated on the driver, a workbook is never split";
      } else if (bytes < SMALL_INPUT_BYTES && n <= 8) {
        kind = StrategyKind.SERIAL;
        reason = n + " small workbooks (" + size(bytes) + "): below what a parallel Spark stage costs";
      } else if (n <= 2L * slots && n <= config.split().maxTasks()) {
        kind = StrategyKind.TASKS;
        reason = n + " workbooks for " + slots + " task slots: one task per workbook";
      } else {
        kind = StrategyKind.POOL;
        reason = n + " workbooks (" + size(bytes) + ") packed by size into " + poolPartitions(config, n, slots)
            + " partitions for " + slots + " task slots";
      }
    } else {
      reason = switch (kind) {
        case SERIAL -> n + " workbooks one after another on the driver";
        case TASKS -> "one task per workbook (" + n + " tasks)";
        default -> n + " workbooks packed by size into " + poolPartitions(config, n, slots) + " partitions";
      };
    }
    if (kind == StrategyKind.TASKS && n > config.split().maxTasks()) {
      throw new UsageException(n + " workbooks would be " + n + " tasks, more than --max-tasks "
          + config.split().maxTasks() + "; use --mode pool (or auto) to pack them into fewer tasks");
    }
    return switch (kind) {
      case TASKS -> new WorkbookPlan(kind, reason, n, identity(n));
      case POOL -> pack(kind, reason, files, poolPartitions(config, n, slots));
      default -> new WorkbookPlan(kind, reason, 1, new int[n]);
    };
  }

  private static int poolPartitions(WorkbookConfig config, int n, int slots) {
    return Math.max(1, Math.min(n, config.split().poolPartitions(slots)));
  }

  private static int[] identity(int n) {
    int[] p = new int[n];
    for (int i = 0; i < n; i++) {
      p[i] = i;
    }
    return p;
  }

  /** Contiguous runs of workbooks of about total/partitions bytes each, so the output stays in input order. */
  private static WorkbookPlan pack(StrategyKind kind, String reason, List<WorkbookFiles.Entry> files, int parts) {
    long total = Math.max(1, files.stream().mapToLong(e -> Math.max(1, e.bytes())).sum());
    int[] partitionOf = new int[files.size()];
    long seen = 0;
    for (int i = 0; i < files.size(); i++) {
      long mid = seen + Math.max(1, files.get(i).bytes()) / 2;
      partitionOf[i] = (int) Math.min(parts - 1, mid * parts / total);
      seen += Math.max(1, files.get(i).bytes());
    }
    return new WorkbookPlan(kind, reason, parts, partitionOf);
  }

  static String size(long bytes) {
    return bytes >= 1 << 20 ? String.format(Locale.ROOT, "%.1f MB", bytes / 1048576.0)
        : String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
  }
}

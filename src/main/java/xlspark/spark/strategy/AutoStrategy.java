package xlspark.spark.strategy;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;
import org.apache.spark.sql.Row;
import xlspark.spark.core.RowEvaluator;

/**
 * Picks serial, pool or tasks from a small timed sample evaluated on the driver and the group count:
 * serial when the whole job would take less than a parallel stage costs, tasks when rows mostly wait
 * (wall time far above CPU time) and the groups fit {@code --max-tasks}, pool otherwise.
 */
public final class AutoStrategy implements EvaluationStrategy {
  static final int SAMPLE_ROWS = 64;
  static final long SAMPLE_BUDGET_NANOS = 250_000_000L;
  /**
   * Waiting rows spend at most this share of their wall time on the CPU (a web call: ~1%). The load average lags
   * and misses the JIT and GC threads: in the benchmark, W1g's cold CPU-bound sample ran at 6% on a busy machine.
   */
  static final double MAX_WAITING_CPU_SHARE = 0.03;

  @Override
  public StrategyKind kind() {
    return StrategyKind.AUTO;
  }

  @Override
  public Evaluated evaluate(EvaluationInput in) {
    Choice c = choose(in);
    Evaluated e = switch (c.kind) {
      case SERIAL -> new SerialStrategy().evaluate(in);
      case TASKS -> GroupTaskStrategy.run(in, c.groups, c.reason);
      case POOL, AUTO -> new PartitionPoolStrategy().evaluate(in);
    };
    return new Evaluated(e.rows(), e.kind(), c.reason, e.parallelism());
  }

  record Choice(StrategyKind kind, String reason, GroupIndex groups) {}

  /**
   * The sample's cost per row.
   *
   * @param cpuShare the CPU share a busy thread can expect on this machine now (cores / load, at most 1): on a
   *                 saturated machine, time off the CPU is queueing for a core, not waiting
   */
  record Sample(int rows, double wallNanosPerRow, double cpuNanosPerRow, double cpuShare) {
    boolean waits() {
      return wallNanosPerRow > 1_000_000
          && cpuNanosPerRow < wallNanosPerRow * Math.min(cpuShare / 3, MAX_WAITING_CPU_SHARE);
    }
  }

  static double cpuShare() {
    double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    int cores = Runtime.getRuntime().availableProcessors();
    return load <= cores ? 1.0 : cores / load;
  }

  private Choice choose(EvaluationInput in) {
    Sample s = sample(in.input().head(SAMPLE_ROWS), in.evaluator().withInput(in.input().rows().schema())
        .withProgress(null));
    return decide(in.input().count(), in.slots(), s, in.split(), max -> GroupIndex.find(in, max));
  }

  /**
   * The mode for {@code n} rows that each cost what the sample measured, on {@code slots} task slots; the groups
   * are counted (a Spark job) only when the rows wait. A function of its arguments alone, so it is tested with
   * samples made up for the purpose rather than timed.
   */
  static Choice decide(long n, int slots, Sample s, SplitSpec split, IntFunction<GroupIndex> groupsUpTo) {
    double estimatedMillis = s.wallNanosPerRow() * n / 1e6;
    String cost = String.format(Locale.ROOT, "%d rows x %s/row ~ %s serial", n, nanos(s.wallNanosPerRow()),
        millis(estimatedMillis));
    if (estimatedMillis < split.autoSerialMillis() || slots <= 1 && !s.waits()) {
      return new Choice(StrategyKind.SERIAL, cost + ", below the ~" + split.autoSerialMillis()
          + " ms a parallel Spark stage costs", null);
    }
    if (s.waits()) {
      int max = split.maxTasks();
      GroupIndex groups = groupsUpTo.apply(max);
      if (groups.count() <= max) {
        return new Choice(StrategyKind.TASKS, cost + ", rows wait (CPU " + Math.round(100 * s.cpuNanosPerRow()
            / s.wallNanosPerRow()) + "% of wall): one task per group, " + groups.count() + " groups on "
            + slots + " task slots", groups);
      }
    }
    // CPU-bound rows: one task per group never beats even ranges over the slots (the benchmark's W1g: the group
    // count job and a second shuffle make tasks slower than pool), so groups are not even counted.
    return new Choice(StrategyKind.POOL, cost + ", CPU-bound: rows spread over " + slots + " task slots", null);
  }

  /** Times the sample on the driver; the first row (class loading, JIT) is not counted. */
  static Sample sample(List<Row> rows, RowEvaluator evaluator) {
    if (rows.isEmpty()) {
      return new Sample(0, 0, 0, 1);
    }
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    boolean cpu = mx.isCurrentThreadCpuTimeSupported();
    RowEvaluator.Run run = evaluator.newRun();
    long w0 = System.nanoTime();
    long c0 = cpu ? mx.getCurrentThreadCpuTime() : 0;
    run.evaluate(rows.get(0));
    if (rows.size() == 1) {
      long wall = System.nanoTime() - w0;
      return new Sample(1, wall, cpu ? mx.getCurrentThreadCpuTime() - c0 : wall, cpuShare());
    }
    long start = System.nanoTime();
    long cpuStart = cpu ? mx.getCurrentThreadCpuTime() : 0;
    int timed = 0;
    for (int i = 1; i < rows.size() && System.nanoTime() - start < SAMPLE_BUDGET_NANOS; i++) {
      run.evaluate(rows.get(i));
      timed++;
    }
    long wall = System.nanoTime() - start;
    long cpuTime = cpu ? mx.getCurrentThreadCpuTime() - cpuStart : wall;
    return new Sample(timed, (double) wall / timed, (double) cpuTime / timed, cpuShare());
  }

  private static String nanos(double ns) {
    return ns >= 1e6 ? String.format(Locale.ROOT, "%.1f ms", ns / 1e6) : String.format(Locale.ROOT, "%.1f us", ns / 1e3);
  }

  private static String millis(double ms) {
    return ms >= 1000 ? String.format(Locale.ROOT, "%.1f s", ms / 1000) : String.format(Locale.ROOT, "%.0f ms", ms);
  }
}

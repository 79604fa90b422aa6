package xlspark.spark.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xlspark.spark.EvaluationJob;
import xlspark.spark.JobConfig;
import xlspark.spark.JobResult;
import xlspark.spark.SharedSpark;
import xlspark.spark.Tables;

/**
 * Auto mode decides from the cost per row, not from the row count. The decision is tested with made-up samples
 * (a test must not depend on how fast this machine is today: 600-term rows fell from 2.5 ms to 0.4 ms as the engine
 * improved); the job is checked to time its sample on the real rows.
 */
class AutoModeSparkTest {
  static final int ROWS = 600;
  private static final double US = 1_000;
  private static final JobConfig CONFIG = JobConfig.builder("in.csv").dryRun(true).autoSerialMillis(400).build();

  @TempDir
  Path dir;

  @Test
  void equalSizeInputsWithDifferentCostPerRowGetDifferentModes() {
    AutoStrategy.Sample cheap = new AutoStrategy.Sample(63, 30 * US, 30 * US, 1.0);
    AutoStrategy.Sample heavy = new AutoStrategy.Sample(63, 2_000 * US, 2_000 * US, 1.0);
    AutoStrategy.Sample web = new AutoStrategy.Sample(63, 50_000 * US, 500 * US, 1.0);
    assertEquals(StrategyKind.SERIAL, decide(ROWS, 2, cheap, 10).kind(), "600 x 30 us is 18 ms");
    assertEquals(StrategyKind.POOL, decide(ROWS, 2, heavy, 10).kind(), "600 x 2 ms is 1.2 s");
    assertEquals(StrategyKind.POOL, decide(1_000_000, 2, cheap, 10).kind(), "a million cheap rows are 30 s");
    assertEquals(StrategyKind.SERIAL, decide(ROWS, 1, heavy, 10).kind(), "one task slot: nothing to spread over");
    AutoStrategy.Choice waiting = decide(200, 2, web, 200);
    assertEquals(StrategyKind.TASKS, waiting.kind(), waiting.reason());
    assertTrue(waiting.reason().contains("rows wait (CPU 1% of wall)"), waiting.reason());
    assertEquals(StrategyKind.POOL, decide(200, 2, web, CONFIG.split().maxTasks() + 1).kind(),
        "more groups than --max-tasks");
    assertTrue(decide(ROWS, 2, heavy, 10).reason().startsWith("600 rows x 2.0 ms/row ~ 1.2 s serial"));
  }

  private static AutoStrategy.Choice decide(long rows, int slots, AutoStrategy.Sample s, long groups) {
    return AutoStrategy.decide(rows, slots, s, CONFIG.split(), max -> GroupIndex.perRow(groups, 1));
  }

  @Test
  void theJobTimesItsSampleOnTheRows() throws IOException {
    List<List<String>> heavy = new ArrayList<>(List.of(List.of("expression")));
    Random r = new Random(1);
    for (int i = 0; i < ROWS; i++) {
      heavy.add(List.of(longDistinctExpression(r)));
    }
    Path in = Tables.csv(dir.resolve("heavy.csv"), heavy);
    JobConfig config = JobConfig.builder(in.toString())
        .output(xlspark.spark.io.OutputSpec.to(dir.resolve("out").toString()).build()).build();
    JobResult result = EvaluationJob.run(SharedSpark.session(), config);
    assertTrue(result.reason().startsWith(ROWS + " rows x "), result.reason());
    assertTrue(result.used() == StrategyKind.SERIAL || result.used() == StrategyKind.POOL, result.reason());
    assertEquals(ROWS, result.rows());
  }

  @Test
  void offCpuTimeIsWaitingOnlyWhenTheMachineHasCoresToSpare() {
    double ms = 1_000_000;
    assertEquals(true, new AutoStrategy.Sample(10, 50 * ms, 1 * ms, 1.0).waits(), "a web call on an idle machine");
    assertEquals(false, new AutoStrategy.Sample(10, 12 * ms, 1.6 * ms, 0.1).waits(), "CPU work queueing for a core");
    assertEquals(true, new AutoStrategy.Sample(10, 50 * ms, 0.5 * ms, 0.1).waits(), "a web call on a busy machine");
    assertEquals(false, new AutoStrategy.Sample(10, 0.5 * ms, 0.01 * ms, 1.0).waits(), "too short to matter");
    assertEquals(false, new AutoStrategy.Sample(10, 10.8 * ms, 0.65 * ms, 0.2).waits(),
        "CPU work on a machine busier than its load average says (the benchmark's W1g)");
  }

  /** 1,000 terms with operators and nesting drawn at random: a new shape per row. */
  static String longDistinctExpression(Random r) {
    StringBuilder b = new StringBuilder("=ROUND(");
    String[] ops = {"+", "-", "*", "+", "-"};
    for (int i = 0; i < 1000; i++) {
      if (i > 0) {
        b.append(ops[r.nextInt(ops.length)]);
      }
      b.append(r.nextInt(4) == 0 ? "SUM(" + r.nextInt(9) + "," + r.nextInt(9) + ")" : String.valueOf(r.nextInt(9) + 1));
    }
    return b.append(",2)").toString();
  }
}

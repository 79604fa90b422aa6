package xlspark.spark.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;

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

/** Auto mode decides from the cost per row, not from the row count. */
class AutoModeSparkTest {
  static final int ROWS = 600;

  @TempDir
  Path dir;

  @Test
  void equalSizeInputsWithDifferentCostPerRowGetDifferentModes() throws IOException {
    List<List<String>> cheap = new ArrayList<>(List.of(List.of("expression")));
    List<List<String>> heavy = new ArrayList<>(List.of(List.of("expression")));
    Random r = new Random(1);
    for (int i = 0; i < ROWS; i++) {
      cheap.add(List.of("=1+" + i));
      heavy.add(List.of(longDistinctExpression(r)));
    }
    Path cheapInput = Tables.csv(dir.resolve("cheap.csv"), cheap);
    run(cheapInput);  // a cold test JVM (class loading, JIT) samples even =1+i at over a millisecond a row
    JobResult cheapRun = run(cheapInput);
    JobResult heavyRun = run(Tables.csv(dir.resolve("heavy.csv"), heavy));
    assertEquals(StrategyKind.SERIAL, cheapRun.used(), cheapRun.reason());
    assertEquals(StrategyKind.POOL, heavyRun.used(), heavyRun.reason());
    assertEquals(ROWS, heavyRun.rows());
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

  /**
   * 1,000 terms with operators and nesting drawn at random: a new shape per row. 120 terms fell to ~0.6 ms late in
   * the full suite, and 600 terms to ~1 ms once cold shapes were interpreted instead of compiled: at the 300 ms
   * threshold for 600 rows (0.5 ms a row) this keeps a margin of about 3x.
   */
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

  private JobResult run(Path input) {
    JobConfig config = JobConfig.builder(input.toString()).output(dir.resolve(input.getFileName() + ".out").toString())
        .overwrite(true).autoSerialMillis(300).build();
    JobResult result = EvaluationJob.run(SharedSpark.session(), config);
    System.out.println(result.summaryLine() + " / " + result.reason());
    return result;
  }
}

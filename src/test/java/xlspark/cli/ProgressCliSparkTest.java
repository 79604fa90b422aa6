package xlspark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xlspark.spark.Tables;

/** The progress line of {@code evaluate}: on with --progress, off with --quiet and off a terminal by default. */
class ProgressCliSparkTest {
  @TempDir
  Path dir;

  private String sample() {
    return Tables.project().resolve("data/sample.csv").toString();
  }

  @Test
  void progressGivesTheFinalCountOnStderr() {
    CliRun run = CliRun.of("evaluate", "--input", sample(), "--output", dir.resolve("out").toString(),
        "--mode", "pool", "--progress");
    assertEquals(0, run.exitCode(), run::toString);
    assertTrue(run.err().contains("xlspark progress: 12 of 12 rows (100.0%), "), run::toString);
    assertTrue(run.err().strip().endsWith("done"), run::toString);
    assertFalse(run.out().contains("xlspark progress"), run::toString);
    assertTrue(run.out().contains("xlspark: 12 rows, 2 errors"), run::toString);
  }

  @Test
  void offByDefaultWhenStderrIsNotATerminal() {
    CliRun run = CliRun.of("evaluate", "--input", sample(), "--output", dir.resolve("out").toString());
    assertEquals(0, run.exitCode(), run::toString);
    assertFalse(run.err().contains("xlspark progress"), run::toString);
    assertTrue(run.out().contains("  read: "), run::toString);
  }

  @Test
  void quietDropsTheLineAndTheTimingTableButKeepsTheSummary() {
    CliRun loud = CliRun.of("evaluate", "--input", sample(), "--output", dir.resolve("a").toString());
    CliRun run = CliRun.of("evaluate", "--input", sample(), "--output", dir.resolve("b").toString(), "--quiet");
    assertEquals(0, run.exitCode(), run::toString);
    assertFalse(run.err().contains("xlspark progress"), run::toString);
    assertTrue(run.out().contains("xlspark: 12 rows, 2 errors"), run::toString);
    assertTrue(run.out().lines().count() < loud.out().lines().count() - 3, run::toString);
    CliRun both = CliRun.of("evaluate", "--input", sample(), "--output", dir.resolve("c").toString(),
        "--quiet", "--progress");
    assertEquals(2, both.exitCode(), both::toString);
    assertTrue(both.err().contains("--quiet and --progress exclude each other"), both::toString);
  }
}

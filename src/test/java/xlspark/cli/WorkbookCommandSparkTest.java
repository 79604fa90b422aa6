package xlspark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xlspark.spark.Tables;
import xlspark.workbook.WorkbookGenerator;
import xlspark.workbook.WorkbookRun;

/** The workbook command in-process: every mode gives the same rows; summaries, timings, write-back, usage errors. */
class WorkbookCommandSparkTest {
  @TempDir
  Path dir;

  private Path corpus() throws IOException {
    Path in = dir.resolve("in");
    WorkbookGenerator.corpus(in);
    return in;
  }

  @Test
  void allModesGiveTheSameRowsInInputOrder() throws IOException {
    Path in = corpus();
    int books = (int) Files.list(in).count();
    List<Map<String, String>> first = null;
    for (String mode : new String[] {"serial", "pool", "tasks", "auto"}) {
      Path out = dir.resolve("out-" + mode + ".csv");
      CliRun run = CliRun.of("workbook", "--input", in.toString(), "--output", out.toString(), "--single-file",
          "--mode", mode, "--timings", dir.resolve(mode + ".json").toString());
      assertEquals(0, run.exitCode(), run::toString);
      assertTrue(run.out().contains("xlspark: " + books + " workbooks"), run::toString);
      if (mode.equals("tasks")) {
        assertTrue(run.out().contains("one task per workbook (" + books + " tasks)"), run::toString);
      }
      List<Map<String, String>> rows = Tables.readCsv(out);
      assertEquals(List.of("workbook", "sheet", "cell", "formula", "type", "value", "number", "message",
          "cached_type", "cached_value", "matches_cached"), Tables.header(out));
      if (first == null) {
        first = rows;
        assertEquals("basics.xlsx", rows.get(0).get("workbook"));
      } else {
        assertEquals(first.size(), rows.size(), mode);
        for (int i = 0; i < rows.size(); i++) {
          Map<String, String> a = first.get(i);
          Map<String, String> b = rows.get(i);
          for (String col : List.of("workbook", "sheet", "cell", "formula", "type", "value")) {
            assertEquals(a.get(col), b.get(col), mode + " row " + i + " " + col);
          }
        }
      }
      String json = Files.readString(dir.resolve(mode + ".json"));
      assertTrue(json.contains("\"workbookCount\":" + books) && json.contains("\"formulaCells\":"), json);
    }
  }

  @Test
  void tasksModeRunsExactlyOneTaskPerWorkbook() throws Exception {
    Path in = corpus();
    int books = (int) Files.list(in).count();
    java.util.concurrent.atomic.AtomicInteger tasks = new java.util.concurrent.atomic.AtomicInteger();
    org.apache.spark.scheduler.SparkListener listener = new org.apache.spark.scheduler.SparkListener() {
      @Override
      public void onTaskEnd(org.apache.spark.scheduler.SparkListenerTaskEnd end) {
        tasks.incrementAndGet();
      }
    };
    var spark = xlspark.spark.SharedSpark.session();
    spark.sparkContext().listenerBus().waitUntilEmpty();
    spark.sparkContext().addSparkListener(listener);
    try {
      CliRun run = CliRun.of("workbook", "--input", in.toString(), "--mode", "tasks");
      assertEquals(0, run.exitCode(), run::toString);
      spark.sparkContext().listenerBus().waitUntilEmpty();
      assertEquals(books, tasks.get(), run::toString);
    } finally {
      spark.sparkContext().removeSparkListener(listener);
    }
  }

  @Test
  void writesRecomputedValuesAsCachedResults() throws IOException {
    Path in = corpus();
    Path values = dir.resolve("values");
    CliRun run = CliRun.of("workbook", "--input", in.resolve("chains.xlsx").toString(), "--write-values",
        values.toString());
    assertEquals(0, run.exitCode(), run::toString);
    WorkbookRun.Outcome again = WorkbookRun.run(values.resolve("chains.xlsx"), "chains.xlsx", 0,
        xlspark.eval.EngineOptions.defaults(), false);
    assertTrue(again.summary().formulaCells() > 80);
    assertEquals(again.summary().formulaCells(), again.summary().matched(), again.summary().line());
    assertEquals("=B2+A3", again.cells().stream().filter(c -> c.cell().equals("B3")).findFirst().orElseThrow()
        .formula());
  }

  @Test
  void usageErrorsStopBeforeAnyWork() throws IOException {
    CliRun missing = CliRun.of("workbook", "--input", dir.resolve("nope").toString());
    assertEquals(2, missing.exitCode(), missing::toString);
    assertTrue(missing.err().contains("input not found"), missing::toString);
    Path in = corpus();
    CliRun tooMany = CliRun.of("workbook", "--input", in.toString(), "--mode", "tasks", "--max-tasks", "2");
    assertEquals(2, tooMany.exitCode(), tooMany::toString);
    assertTrue(tooMany.err().contains("--mode pool"), tooMany::toString);
    Path empty = Files.createDirectories(dir.resolve("empty"));
    CliRun none = CliRun.of("workbook", "--input", empty.toString());
    assertEquals(2, none.exitCode(), none::toString);
  }

  /** Issue 12: a folder is read recursively; hidden files and folders and Excel's lock files are skipped. */
  @Test
  void foldersAreReadRecursivelySkippingHiddenAndLockFiles() throws IOException {
    Path in = corpus();
    int books = (int) Files.list(in).count();
    Path basics = in.resolve("basics.xlsx");
    Files.createDirectories(in.resolve("2024/q1"));
    Files.copy(basics, in.resolve("2024/q1/nested.xlsx"));
    Files.createDirectories(in.resolve(".hidden"));
    Files.copy(basics, in.resolve(".hidden/secret.xlsx"));
    Files.copy(basics, in.resolve("~$basics.xlsx"));
    Files.copy(basics, in.resolve(".dot.xlsx"));
    Path out = dir.resolve("nested.csv");
    CliRun run = CliRun.of("workbook", "--input", in.toString(), "--output", out.toString(), "--single-file",
        "--mode", "serial");
    assertEquals(0, run.exitCode(), run::toString);
    assertTrue(run.out().contains("xlspark: " + (books + 1) + " workbooks"), run::toString);
    java.util.Set<String> names = new java.util.TreeSet<>();
    for (Map<String, String> r : Tables.readCsv(out)) {
      names.add(r.get("workbook"));
    }
    assertTrue(names.contains("2024/q1/nested.xlsx"), names::toString);
    assertEquals(books + 1, names.size(), names::toString);
  }

  @Test
  void anUnreadableFileIsReportedNotFatal() throws IOException {
    Path in = corpus();
    Files.writeString(in.resolve("broken.xlsx"), "this is not a workbook");
    CliRun run = CliRun.of("workbook", "--input", in.toString(), "--mode", "pool");
    assertEquals(0, run.exitCode(), run::toString);
    assertTrue(run.out().contains("broken.xlsx: not evaluated"), run::toString);
    assertTrue(run.out().contains("1 unreadable"), run::toString);
  }
}

package xlspark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xlspark.spark.Tables;
import xlspark.workbook.WorkbookGenerator;
import xlspark.workbook.WorkbookLimitsAccess;

/**
 * Issue 16 section 3, end to end: a folder where one workbook claims a cell at A2000000000 and another an
 * array formula over the whole grid. Before the fix either exhausted the executor's memory and the job exited 1
 * with no output for any workbook; now every workbook is evaluated and the out-of-grid cell is an error row.
 */
class WorkbookHostileSizesSparkTest {
  @TempDir
  Path dir;

  @Test
  void issue16_hostileSizesDoNotStopTheOtherWorkbooks() throws Exception {
    Path in = dir.resolve("in");
    WorkbookGenerator.corpus(in);
    int books = (int) Files.list(in).count();
    WorkbookLimitsAccess.hostile(in);
    Path out = dir.resolve("out.csv");
    CliRun run = CliRun.of("workbook", "--input", in.toString(), "--output", out.toString(), "--single-file");
    assertEquals(0, run.exitCode(), run::toString);
    assertTrue(run.out().contains("xlspark: " + (books + 2) + " workbooks"), run::toString);
    List<Map<String, String>> rows = Tables.readCsv(out);
    assertTrue(rows.stream().anyMatch(r -> r.get("workbook").equals("basics.xlsx")), "the corpus is evaluated");
    Map<String, String> giant = rows.stream().filter(r -> r.get("cell").equals("A2000000000")).findFirst()
        .orElseThrow();
    assertEquals("#REF!", giant.get("value"));
    assertTrue(giant.get("message").contains("outside Excel's grid"), giant::toString);
    assertTrue(rows.stream().anyMatch(r -> r.get("workbook").equals("whole-grid-array.xlsx")
        && r.get("cell").equals("A1") && r.get("value").equals("1")), "the whole-grid array formula evaluates");
  }
}

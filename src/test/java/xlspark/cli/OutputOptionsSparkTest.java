package xlspark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xlspark.workbook.WorkbookGenerator;

/** The shared output options behave the same in both commands. */
class OutputOptionsSparkTest {
  @TempDir
  Path dir;

  @Test
  void workbookRefusesWriteValuesInsideItsOutput() throws IOException {
    Path in = dir.resolve("in");
    WorkbookGenerator.corpus(in);
    Path out = dir.resolve("out");
    CliRun run = CliRun.of("workbook", "--input", in.toString(), "--output", out.toString(),
        "--write-values", out.resolve("copies").toString());
    assertEquals(2, run.exitCode(), run::toString);
    assertTrue(run.err().contains("--write-values") && run.err().contains("overlaps --output"), run::toString);
    assertFalse(Files.exists(out.resolve("copies")));
  }

  @Test
  void bothCommandsRefuseAnOutputInsideTheirInput() throws IOException {
    Path in = dir.resolve("in");
    WorkbookGenerator.corpus(in);
    CliRun workbook = CliRun.of("workbook", "--input", in.toString(), "--output", in.resolve("out").toString());
    assertEquals(2, workbook.exitCode(), workbook::toString);
    assertTrue(workbook.err().contains("overlaps the input"), workbook::toString);
    Path csv = Files.createDirectories(dir.resolve("table"));
    Files.writeString(csv.resolve("a.csv"), "expression\n=1\n");
    CliRun evaluate = CliRun.of("evaluate", "--input", csv.toString(), "--output", csv.resolve("out").toString());
    assertEquals(2, evaluate.exitCode(), evaluate::toString);
    assertTrue(evaluate.err().contains("overlaps the input"), evaluate::toString);
  }

  @Test
  void workbookTimingsAreWrittenTheSameWayAsEvaluates() throws IOException {
    Path in = dir.resolve("in");
    WorkbookGenerator.corpus(in);
    Path timings = dir.resolve("deep/er/run.json");
    CliRun run = CliRun.of("workbook", "--input", in.toString(), "--mode", "serial", "--timings", timings.toString());
    assertEquals(0, run.exitCode(), run::toString);
    String json = Files.readString(timings);
    assertTrue(json.endsWith("}\n") && json.contains("\"command\":\"workbook\""), json);
  }
}

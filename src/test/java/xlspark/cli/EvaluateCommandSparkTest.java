package xlspark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xlspark.spark.NeedsSparkExcel;
import xlspark.spark.Tables;

/** The evaluate command in-process against the shared session: results, options and exit codes. */
class EvaluateCommandSparkTest {
  @TempDir
  Path dir;

  private String sample() {
    return Tables.project().resolve("data/sample.csv").toString();
  }

  @Test
  void sampleGivesExcelResultsInInputOrder() throws IOException {
    Path out = dir.resolve("out.csv");
    CliRun run = CliRun.of("evaluate", "--input", sample(), "--output", out.toString(), "--single-file");
    assertEquals(0, run.exitCode(), run::toString);
    assertTrue(run.out().contains("xlspark: 12 rows, 2 errors"), run::toString);
    assertTrue(Files.isRegularFile(out));
    assertEquals(List.of("id", "expression", "price", "qty", "name", "group", "type", "value", "number", "message"),
        Tables.header(out));
    List<Map<String, String>> rows = Tables.readCsv(out);
    assertEquals(12, rows.size());
    for (int i = 0; i < rows.size(); i++) {
      assertEquals(String.valueOf(i + 1), rows.get(i).get("id"));
    }
    assertResult(rows.get(0), "NUMBER", "3");
    assertResult(rows.get(1), "NUMBER", "10");
    assertEquals("3.0", rows.get(0).get("number"));
    assertResult(rows.get(3), "TEXT", "expensive");
    assertEquals("", rows.get(3).get("number"));
    assertResult(rows.get(7), "ERROR", "#DIV/0!");
    assertResult(rows.get(8), "ERROR", "#ERROR!");
    assertFalse(rows.get(8).get("message").isBlank());
  }

  @Test
  @NeedsSparkExcel
  void sampleXlsxGivesTheSameResultsAsTheCsv() throws IOException {
    Path fromCsv = dir.resolve("csv.csv");
    Path fromXlsx = dir.resolve("xlsx.csv");
    assertEquals(0, CliRun.of("evaluate", "--input", sample(), "--output", fromCsv.toString(), "--single-file")
        .exitCode());
    CliRun run = CliRun.of("evaluate", "--input", Tables.project().resolve("data/sample.xlsx").toString(),
        "--output", fromXlsx.toString(), "--single-file", "--output-format", "csv");
    assertEquals(0, run.exitCode(), run::toString);
    List<Map<String, String>> a = Tables.readCsv(fromCsv);
    List<Map<String, String>> b = Tables.readCsv(fromXlsx);
    assertEquals(a.stream().map(r -> r.get("type") + " " + r.get("value")).toList(),
        b.stream().map(r -> r.get("type") + " " + r.get("value")).toList());
  }

  static void assertResult(Map<String, String> row, String type, String value) {
    assertEquals(type, row.get("type"), row::toString);
    assertEquals(value, row.get("value"), row::toString);
  }

  @Test
  void addsIdsWhenTheInputHasNone() throws IOException {
    Path in = Tables.csv(dir.resolve("in.csv"), List.of(List.of("expression", "a"),
        List.of("=a*2", "21"), List.of("=a&\"!\"", "hi"), List.of("", "")));
    Path out = dir.resolve("out");
    CliRun run = CliRun.of("evaluate", "--input", in.toString(), "--output", out.toString(), "--mode", "pool");
    assertEquals(0, run.exitCode(), run::toString);
    assertEquals(List.of("id", "expression", "a", "type", "value", "number", "message"), Tables.header(out));
    List<Map<String, String>> rows = Tables.readCsv(out);
    assertEquals(List.of("1", "2", "3"), rows.stream().map(r -> r.get("id")).toList());
    assertResult(rows.get(0), "NUMBER", "42");
    assertResult(rows.get(1), "TEXT", "hi!");
    assertResult(rows.get(2), "BLANK", "");
  }

  @Test
  void csvOutputKeepsLeadingAndTrailingSpacesAndControlCharacters() throws IOException {
    // Excel's own results (excel-truth xl00570, xl07858, xl01151) that Spark's CSV writer trimmed by default
    Path in = Tables.csv(dir.resolve("in.csv"), List.of(List.of("expression"), List.of("=\" \""),
        List.of("=LEFT(\"a string\",2)"), List.of("=\"x\"&CHAR(10)"), List.of("=CHAR(1)"),
        List.of("=LOWER(\" Begins\")")));
    for (String mode : List.of("pool", "serial")) {
      Path out = dir.resolve("out-" + mode + ".csv");
      CliRun run = CliRun.of("evaluate", "--input", in.toString(), "--output", out.toString(), "--single-file",
          "--mode", mode);
      assertEquals(0, run.exitCode(), run::toString);
      assertEquals(List.of(" ", "a ", "x\n", "\u0001", " begins"),
          Tables.readCsv(out).stream().map(r -> r.get("value")).toList(), mode);
    }
  }

  @Test
  void existingOutputNeedsOverwrite() throws IOException {
    Path out = Files.writeString(dir.resolve("out.csv"), "old");
    CliRun run = CliRun.of("evaluate", "--input", sample(), "--output", out.toString(), "--single-file");
    assertEquals(2, run.exitCode(), run::toString);
    assertTrue(run.err().contains("--overwrite"), run::toString);
    assertEquals("old", Files.readString(out));

    CliRun again = CliRun.of("evaluate", "--input", sample(), "--output", out.toString(), "--single-file",
        "--overwrite");
    assertEquals(0, again.exitCode(), again::toString);
    assertEquals(12, Tables.readCsv(out).size());
  }

  @Test
  void fileLevelProblemsExitTwoAndLeaveTheOutputAlone() throws IOException {
    Path out = Files.writeString(dir.resolve("out.csv"), "old");
    Path noExpression = Tables.csv(dir.resolve("noexpr.csv"), List.of(List.of("formula"), List.of("=1")));
    Path garbageParquet = Files.writeString(dir.resolve("bad.parquet"), "this is not parquet");
    Path corruptXlsx = Files.write(dir.resolve("bad.xlsx"), new byte[] {'P', 'K', 3, 4, 1, 2, 3});
    Path notJson = Files.writeString(dir.resolve("bad.json"), "no json here\nnor here\n");
    List<List<String>> cases = List.of(
        List.of("--input", dir.resolve("missing.csv").toString()),
        List.of("--input", noExpression.toString()),
        List.of("--input", garbageParquet.toString()),
        List.of("--input", corruptXlsx.toString()),
        List.of("--input", notJson.toString()),
        List.of("--input", sample(), "--mode", "fast"),
        List.of("--input", sample(), "--max-error-rate", "1.5"),
        List.of("--input", sample(), "--output-format", "xml"),
        List.of("--input", sample(), "--no-such-option"));
    for (List<String> c : cases) {
      String[] args = Stream.concat(Stream.of("evaluate", "--output", out.toString(), "--overwrite",
          "--single-file"), c.stream()).toArray(String[]::new);
      CliRun run = CliRun.of(args);
      assertEquals(2, run.exitCode(), () -> c + "\n" + run);
      assertFalse(run.err().isBlank(), () -> c + "\n" + run);
      assertEquals("old", Files.readString(out), c::toString);
    }
  }

  @Test
  void unexpectedFailureExitsOneWithTheReason() throws IOException {
    Path file = Files.writeString(dir.resolve("a-file"), "x");
    CliRun run = CliRun.of("evaluate", "--input", sample(), "--output", file.resolve("out").toString());
    assertEquals(1, run.exitCode(), run::toString);
    assertTrue(run.err().contains("xlspark: failed:") && run.err().contains("driver log"), run::toString);
    assertEquals("x", Files.readString(file));
  }

  @Test
  void maxErrorRateExitsThreeAfterWriting() throws IOException {
    Path out = dir.resolve("out");
    CliRun strict = CliRun.of("evaluate", "--input", sample(), "--output", out.toString(), "--max-error-rate", "0.1");
    assertEquals(3, strict.exitCode(), strict::toString);
    assertEquals(12, Tables.readCsv(out).size());
    CliRun lenient = CliRun.of("evaluate", "--input", sample(), "--output", out.toString(), "--overwrite",
        "--max-error-rate", "0.5");
    assertEquals(0, lenient.exitCode(), lenient::toString);
  }

  @Test
  void tasksModeRefusesTooManyGroupsBeforeAnyWork() throws IOException {
    Path in = Tables.csv(dir.resolve("in.csv"), List.of(List.of("expression"),
        List.of("=1"), List.of("=2"), List.of("=3"), List.of("=4")));
    Path out = Files.writeString(dir.resolve("out.csv"), "old");
    CliRun run = CliRun.of("evaluate", "--input", in.toString(), "--output", out.toString(), "--overwrite",
        "--single-file", "--mode", "tasks", "--max-tasks", "3");
    assertEquals(2, run.exitCode(), run::toString);
    assertTrue(run.err().contains("--mode pool") && run.err().contains("--mode auto"), run::toString);
    assertEquals("old", Files.readString(out));
  }

  @Test
  void resultColumnClashNeedsAPrefix() throws IOException {
    Path in = Tables.csv(dir.resolve("in.csv"), List.of(List.of("expression", "value"), List.of("=value+1", "1")));
    Path out = dir.resolve("out");
    CliRun clash = CliRun.of("evaluate", "--input", in.toString(), "--output", out.toString());
    assertEquals(2, clash.exitCode(), clash::toString);
    assertTrue(clash.err().contains("--result-prefix"), clash::toString);
    assertFalse(Files.exists(out));
    CliRun prefixed = CliRun.of("evaluate", "--input", in.toString(), "--output", out.toString(),
        "--result-prefix", "xl_");
    assertEquals(0, prefixed.exitCode(), prefixed::toString);
    assertEquals(List.of("id", "expression", "value", "xl_type", "xl_value", "xl_number", "xl_message"),
        Tables.header(out));
    assertEquals("2", Tables.readCsv(out).get(0).get("xl_value"));
  }

  @Test
  void dryRunReportsProblemsWithoutEvaluating() throws IOException {
    Path in = Tables.csv(dir.resolve("in.csv"), List.of(List.of("expression", "a"),
        List.of("=a+1", "1"), List.of("=SUM(1,", "1"), List.of("=1/0", "1"), List.of("=zz+1", "1"),
        List.of("=NOSUCHFUNCTION(a)", "1")));
    CliRun run = CliRun.of("evaluate", "--input", in.toString(), "--dry-run");
    assertEquals(0, run.exitCode(), run::toString);
    assertTrue(run.out().contains("xlspark: 5 rows, 3 errors"), run::toString);
    assertTrue(run.out().contains("  4: ") && run.out().contains("  5: "), run::toString);
    assertTrue(run.out().contains("  2: "), run::toString);
    Path out = dir.resolve("out.csv");
    CliRun written = CliRun.of("evaluate", "--input", in.toString(), "--dry-run", "--output", out.toString(),
        "--single-file");
    assertEquals(0, written.exitCode(), written::toString);
    List<Map<String, String>> rows = Tables.readCsv(out);
    assertEquals("BLANK", rows.get(2).get("type"), "1/0 is not evaluated in a dry run");
    assertEquals("ERROR", rows.get(1).get("type"));
  }

  @Test
  void varsCsvOptionsAndFormulaEscaping() throws IOException {
    Path in = dir.resolve("in.csv");
    Files.writeString(in, "expression;qty\n=rate*qty;4\n=\"=1+1\";\n=-5;\n", StandardCharsets.UTF_8);
    Path out = dir.resolve("out.csv");
    CliRun run = CliRun.of("evaluate", "--input", in.toString(), "--output", out.toString(), "--single-file",
        "--csv-option", "delimiter=;", "--var", "rate=0.5", "--csv-escape-formulas");
    assertEquals(0, run.exitCode(), run::toString);
    List<String> lines = Files.readAllLines(out);
    assertEquals("id;expression;qty;type;value;number;message", lines.get(0));
    assertTrue(lines.get(1).startsWith("1;'=rate*qty;4;NUMBER;2;2.0"), lines::toString);
    assertTrue(lines.get(2).contains(";TEXT;'=1+1;"), lines::toString);
    assertTrue(lines.get(3).contains(";NUMBER;-5;-5.0"), lines::toString);
  }

  @Test
  void clockAndSeedComeFromTheOptions() throws IOException {
    Path in = Tables.csv(dir.resolve("in.csv"), List.of(List.of("expression"), List.of("=TODAY()"),
        List.of("=RAND()"), List.of("=RAND()")));
    List<List<Map<String, String>>> runs = new java.util.ArrayList<>();
    for (String mode : List.of("serial", "pool")) {
      Path out = dir.resolve("out-" + mode + ".csv");
      CliRun run = CliRun.of("evaluate", "--input", in.toString(), "--output", out.toString(), "--single-file",
          "--now", "2024-01-31T23:30:00Z", "--time-zone", "Europe/Paris", "--seed", "5", "--mode", mode);
      assertEquals(0, run.exitCode(), run::toString);
      runs.add(Tables.readCsv(out));
    }
    assertEquals("45323", runs.get(0).get(0).get("value"), "2024-02-01 in Paris");
    assertFalse(runs.get(0).get(1).get("value").equals(runs.get(0).get(2).get("value")), "RAND differs per row");
    assertEquals(runs.get(0), runs.get(1), "same seed, same results whatever the mode");
  }

  @Test
  void emptyInputSucceedsWithAWarning() throws IOException {
    Path in = Files.writeString(dir.resolve("in.csv"), "id,expression\n");
    Path out = dir.resolve("out");
    CliRun run = CliRun.of("evaluate", "--input", in.toString(), "--output", out.toString());
    assertEquals(0, run.exitCode(), run::toString);
    assertTrue(run.err().contains("no rows"), run::toString);
    assertTrue(run.out().contains("xlspark: 0 rows"), run::toString);
  }

  @Test
  void timingsJsonIsWritten() throws IOException {
    Path timings = dir.resolve("t/run.json");
    CliRun run = CliRun.of("evaluate", "--input", sample(), "--output", dir.resolve("out").toString(),
        "--mode", "serial", "--timings", timings.toString(), "--now", "2024-01-31T12:00:00Z", "--seed", "7",
        "--time-zone", "Europe/Paris", "--template-cache", "100", "--expression-timeout", "2s",
        "--allow-url", "http://127.0.0.1:1/");
    assertEquals(0, run.exitCode(), run::toString);
    String json = Files.readString(timings);
    assertTrue(json.contains("\"rows\":12") && json.contains("\"usedMode\":\"serial\""), json);
  }
}

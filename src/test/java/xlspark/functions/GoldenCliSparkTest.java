package xlspark.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xlspark.cli.CliRun;
import xlspark.eval.EvalOutcome;
import xlspark.eval.GoldenCheck;
import xlspark.eval.ResultType;
import xlspark.spark.Tables;

/**
 * A sample of the golden rows through the real command line ({@code evaluate} on a CSV, as a user runs it): every
 * row with input cells, whose typing is the product's ({@code CellTyping.fromText}, the same function as the golden
 * test's {@code Coerce.typeCell}), and every fourth other row. Each row's inputs are columns of its line of the
 * input CSV. A golden row that passes in process must pass here too.
 */
class GoldenCliSparkTest {
  /** Every how many rows without inputs one goes into the sample. */
  private static final int STRIDE = 4;

  @TempDir
  Path dir;

  record Sampled(FunctionsGoldenTest.Row row, Map<String, String> inputs) {
  }

  @Test
  void sampledGoldenRowsGiveTheirExpectedValuesThroughTheCli() throws IOException {
    List<Sampled> sample = sample();
    Set<String> columns = new LinkedHashSet<>();
    sample.forEach(s -> columns.addAll(s.inputs().keySet()));
    List<List<String>> table = new ArrayList<>();
    List<String> header = new ArrayList<>(List.of("id", "expression"));
    header.addAll(columns);
    table.add(header);
    for (int i = 0; i < sample.size(); i++) {
      List<String> line = new ArrayList<>(List.of(String.valueOf(i + 1), sample.get(i).row().formula()));
      for (String c : columns) {
        line.add(sample.get(i).inputs().getOrDefault(c, ""));
      }
      table.add(line);
    }
    Path in = Tables.csv(dir.resolve("golden-sample.csv"), table);
    Path out = dir.resolve("out.csv");
    CliRun run = CliRun.of("evaluate", "--input", in.toString(), "--output", out.toString(), "--single-file",
        "--now", "2024-06-15T12:00:00Z", "--time-zone", "UTC", "--seed", "42");
    assertEquals(0, run.exitCode(), run::toString);
    List<Map<String, String>> results = Tables.readCsv(out);
    assertEquals(sample.size(), results.size(), "one output row per input row");
    List<String> failures = new ArrayList<>();
    for (int i = 0; i < sample.size(); i++) {
      Map<String, String> r = results.get(i);
      assertEquals(String.valueOf(i + 1), r.get("id"));
      String number = r.get("number");
      EvalOutcome o = new EvalOutcome(ResultType.valueOf(r.get("type")), r.get("value"),
          number == null || number.isEmpty() ? null : Double.valueOf(number), r.get("message"));
      FunctionsGoldenTest.Row row = sample.get(i).row();
      if (!GoldenCheck.matches(row.expected(), o)) {
        failures.add(row.file() + ":" + row.line() + " " + row.formula() + " " + sample.get(i).inputs()
            + ": expected " + row.expected() + ", got " + o);
      }
    }
    assertTrue(sample.size() > 400, "sample of " + sample.size() + " rows");
    assertTrue(failures.isEmpty(), failures.size() + " of " + sample.size() + " golden rows differ through the CLI:\n"
        + String.join("\n", failures));
  }

  /**
   * The rows with inputs and every STRIDE-th other row, leaving out the web functions (they need a server and
   * {@code --allow-url}) and rows that name a column another row defines (there it would be a column, not #NAME?
   * or a LET name).
   */
  private static List<Sampled> sample() throws IOException {
    List<Sampled> rows = new ArrayList<>();
    Set<String> names = new LinkedHashSet<>();
    for (Path f : FunctionsGoldenTest.files()) {
      if (f.getFileName().toString().equals("web.csv")) {
        continue;
      }
      int k = 0;
      for (FunctionsGoldenTest.Row row : FunctionsGoldenTest.rows(f)) {
        Map<String, String> inputs = inputs(row.inputs());
        if (!inputs.isEmpty() || k++ % STRIDE == 0) {
          rows.add(new Sampled(row, inputs));
          names.addAll(inputs.keySet());
        }
      }
    }
    List<Sampled> out = new ArrayList<>();
    for (Sampled s : rows) {
      String code = s.row().formula().replaceAll("\"[^\"]*\"", "\"\"").toUpperCase(Locale.ROOT);
      boolean foreign = names.stream().anyMatch(n -> !s.inputs().containsKey(n)
          && Pattern.compile("(?<![A-Z0-9_.$!:])" + Pattern.quote(n) + "(?![A-Z0-9_.(])").matcher(code).find());
      if (!foreign) {
        out.add(s);
      }
    }
    return out;
  }

  private static Map<String, String> inputs(String spec) {
    Map<String, String> m = new TreeMap<>();
    if (!spec.isBlank()) {
      for (String kv : spec.split(";")) {
        int eq = kv.indexOf('=');
        m.put(kv.substring(0, eq).trim().toUpperCase(Locale.ROOT), kv.substring(eq + 1));
      }
    }
    return m;
  }
}

package xlspark.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import xlspark.eval.EngineOptions;
import xlspark.eval.EvalOutcome;
import xlspark.eval.FormulaEvaluator;
import xlspark.eval.GoldenCheck;
import xlspark.functions.library.FunctionRegistry;
import xlspark.value.Coerce;

/**
 * Table-driven function tests: {@code src/test/resources/golden/<category>.csv} with columns
 * {@code formula,inputs,expected,note}. Inputs are {@code NAME=cell;NAME=cell} typed as Excel types a cell;
 * expected is {@code "text"}, a number, TRUE/FALSE, an error code, or empty for blank. Every registered
 * function must have at least three rows in its category's file.
 */
class FunctionsGoldenTest {
  static final Path DIR = Path.of("src/test/resources/golden");
  static final EngineOptions OPTIONS = new EngineOptions(Instant.parse("2024-06-15T12:00:00Z"), ZoneId.of("UTC"),
      42, 10_000, 5_000, List.of(), Map.of());

  record Row(String file, long line, String formula, String inputs, String expected, String note) {
  }

  static List<Row> rows(Path file) throws IOException {
    List<Row> out = new ArrayList<>();
    try (Reader r = Files.newBufferedReader(file)) {
      for (CSVRecord rec : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
          .setCommentMarker('#').build().parse(r)) {
        out.add(new Row(file.getFileName().toString(), rec.getRecordNumber() + 1, rec.get("formula"),
            rec.get("inputs"), rec.get("expected"), rec.isMapped("note") ? rec.get("note") : ""));
      }
    }
    return out;
  }

  static List<Path> files() throws IOException {
    try (Stream<Path> s = Files.list(DIR)) {
      return s.filter(p -> p.toString().endsWith(".csv")).sorted().toList();
    }
  }

  @TestFactory
  Stream<DynamicTest> goldenRows() throws IOException {
    FormulaEvaluator ev = new FormulaEvaluator(OPTIONS);
    List<DynamicTest> tests = new ArrayList<>();
    for (Path f : files()) {
      for (Row row : rows(f)) {
        tests.add(DynamicTest.dynamicTest(row.file() + ":" + row.line() + " " + row.formula(), () -> {
          Map<String, Object> vars = new HashMap<>();
          if (!row.inputs().isBlank()) {
            for (String kv : row.inputs().split(";")) {
              int eq = kv.indexOf('=');
              vars.put(kv.substring(0, eq).trim().toUpperCase(Locale.ROOT), Coerce.typeCell(kv.substring(eq + 1)));
            }
          }
          EvalOutcome o = ev.evaluate(row.formula(), n -> vars.containsKey(n) ? vars.get(n)
              : xlspark.eval.VariableSource.UNKNOWN, row.line());
          assertTrue(GoldenCheck.matches(row.expected(), o),
              () -> row.formula() + ": expected " + row.expected() + " but got " + o + " (" + row.note() + ")");
        }));
      }
    }
    return tests.stream();
  }

  private static final Pattern CALL = Pattern.compile("([A-Za-z_][A-Za-z0-9_.]*)\\s*\\(");

  @Test
  void everyFunctionHasThreeGoldenRowsInItsCategory() throws IOException {
    Map<String, Map<String, Integer>> counts = new HashMap<>();
    for (Path f : files()) {
      String category = f.getFileName().toString().replace(".csv", "");
      for (Row row : rows(f)) {
        Matcher m = CALL.matcher(row.formula());
        java.util.Set<String> seen = new java.util.HashSet<>();
        while (m.find()) {
          seen.add(m.group(1).toUpperCase(Locale.ROOT));
        }
        for (String name : seen) {
          counts.computeIfAbsent(category, k -> new HashMap<>()).merge(name, 1, Integer::sum);
        }
      }
    }
    Map<String, String> missing = new TreeMap<>();
    for (FunctionSpec s : FunctionRegistry.standard().all()) {
      int n = counts.getOrDefault(s.category().id(), Map.of()).getOrDefault(s.name(), 0);
      if (n < 3) {
        missing.put(s.name(), s.category() + " has " + n);
      }
    }
    assertEquals(Map.of(), missing, "functions with fewer than 3 golden rows in their category file");
  }
}

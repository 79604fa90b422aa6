package xlspark.eval;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/**
 * Evaluates the shared conformance corpus (Excel cases on which LibreOffice and Gnumeric agree), writes
 * {@code target/conformance/actual.csv} for {@code check.py}, prints a per-category report and fails below 97%.
 */
class ConformanceTest {
  /** The pass rate this build must hold (the README states the current figure). */
  static final double REQUIRED = 0.97;

  @Test
  void publicCorpusPassesAtLeast97Percent() throws IOException {
    Path out = Path.of("target", "conformance");
    Files.createDirectories(out);
    EngineOptions opts = new EngineOptions(Instant.parse("2024-06-15T12:00:00Z"), ZoneId.of("UTC"), 42,
        10_000, 5_000, List.of(), Map.of());
    FormulaEvaluator ev = new FormulaEvaluator(opts);
    Map<String, int[]> perCategory = new TreeMap<>();
    StringBuilder failures = new StringBuilder();
    int passed = 0;
    int total = 0;
    try (Reader r = Files.newBufferedReader(Path.of("src/test/resources/conformance/public.csv"));
         Writer w = Files.newBufferedWriter(out.resolve("actual.csv"), StandardCharsets.UTF_8);
         CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setHeader("id", "type", "value", "message").build())) {
      for (CSVRecord rec : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(r)) {
        EvalOutcome o = ev.evaluate(rec.get("expression"), VariableSource.NONE, total + 1);
        p.printRecord(rec.get("id"), o.type(), o.value(), o.message());
        boolean ok = Expected.matches(rec.get("expected_type"), rec.get("expected_value"), o);
        int[] c = perCategory.computeIfAbsent(rec.get("category"), k -> new int[2]);
        c[1]++;
        total++;
        if (ok) {
          c[0]++;
          passed++;
        } else {
          failures.append(String.format("  %s %s%n      expected %s %s, got %s %s (%s)%n", rec.get("id"),
              rec.get("expression"), rec.get("expected_type"), rec.get("expected_value"), o.type(), o.value(),
              o.message()));
        }
      }
    }
    StringBuilder report = new StringBuilder();
    perCategory.forEach((k, v) -> report.append(String.format("%-16s %5d / %5d  %6.1f%%%n", k, v[0], v[1],
        100.0 * v[0] / v[1])));
    report.append(String.format("conformance: %d/%d passed (%.1f%%)%n", passed, total, 100.0 * passed / total));
    Files.writeString(out.resolve("report.txt"), report + "\nfailures:\n" + failures);
    System.out.print(report);
    assertTrue(passed >= REQUIRED * total, "conformance " + passed + "/" + total + " is below " + 100 * REQUIRED + "%; see "
        + out.resolve("report.txt"));
  }
}

package xlspark.eval;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * A corpus of reference results ({@code id,category,expression,expected_type,expected_value}) evaluated in process
 * against an explicit list of the cases allowed to fail ({@code id,kind,reason}). The run writes
 * {@code actual.csv} in the shared checkers' format ({@code id,type,value,message}) and {@code report.txt}; the
 * verdict lists every case that fails without being allowed, every allowed case that now passes (remove it from the
 * list), and every entry that is malformed or names no case of the corpus.
 */
final class ReferenceCorpus {
  /** Why a case may fail; the report counts entries per kind. */
  enum Kind {
    /** The engine lacks Excel's behaviour here (the reason names the function). */
    ENGINE_GAP("engine-gap"),
    /** Excel's cached result depends on the locale or settings of the machine that saved it. */
    LOCALE("locale"),
    /** A LibreOffice/Gnumeric case where Excel computes something else; the engine follows Excel. */
    EXCEL_DIFFERS("excel-differs"),
    /**
     * An {@code -inlined} case whose cached value does not follow from the literals put in place of its references
     * (the workbook cached a value computed from other inputs): nothing the engine could reproduce.
     */
    INLINING("inlining");

    final String label;

    Kind(String label) {
      this.label = label;
    }

    static Kind of(String s) {
      for (Kind k : values()) {
        if (k.label.equals(s.trim())) {
          return k;
        }
      }
      return null;
    }
  }

  /** One corpus case and what the engine answered. */
  record Case(String id, String category, String expression, String expectedType, String expectedValue,
      EvalOutcome outcome, boolean passed) {
  }

  /** The outcome of one run: the cases in file order and the problems that fail the test (empty if none). */
  record Run(List<Case> cases, List<String> problems, String report) {
    long passed(java.util.function.Predicate<Case> which) {
      return cases.stream().filter(which).filter(Case::passed).count();
    }

    long count(java.util.function.Predicate<Case> which) {
      return cases.stream().filter(which).count();
    }
  }

  private ReferenceCorpus() {
  }

  /** The options of every reference run: a fixed clock, UTC, a fixed seed, default limits. */
  static EngineOptions options() {
    return new EngineOptions(Instant.parse("2024-06-15T12:00:00Z"), ZoneId.of("UTC"), 42, 10_000, 5_000, List.of(),
        Map.of());
  }

  static Run run(Path corpus, Path allowedFile, Path outDir) throws IOException {
    Files.createDirectories(outDir);
    Map<String, String[]> allowed = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    readAllowed(allowedFile, allowed, problems);
    FormulaEvaluator ev = new FormulaEvaluator(options());
    List<Case> cases = new ArrayList<>();
    try (Reader r = Files.newBufferedReader(corpus, StandardCharsets.UTF_8);
         Writer w = Files.newBufferedWriter(outDir.resolve("actual.csv"), StandardCharsets.UTF_8);
         CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setHeader("id", "type", "value", "message")
             .build())) {
      for (CSVRecord rec : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(r)) {
        EvalOutcome o = ev.evaluate(rec.get("expression"), VariableSource.NONE, cases.size() + 1);
        p.printRecord(rec.get("id"), o.type(), o.value(), o.message());
        boolean ok = Expected.matches(rec.get("expected_type"), rec.get("expected_value"), o);
        cases.add(new Case(rec.get("id"), rec.get("category"), rec.get("expression"), rec.get("expected_type"),
            rec.get("expected_value"), o, ok));
      }
    }
    Set<String> ids = new java.util.HashSet<>();
    StringBuilder failures = new StringBuilder();
    for (Case c : cases) {
      ids.add(c.id());
      if (c.passed()) {
        if (allowed.containsKey(c.id())) {
          problems.add(c.id() + " passes now: remove it from " + allowedFile + " (" + c.expression() + " = "
              + c.outcome().value() + ")");
        }
        continue;
      }
      String line = String.format("  %s [%s] %s%n      expected %s %s, got %s %s (%s)%n", c.id(), c.category(),
          c.expression(), c.expectedType(), c.expectedValue(), c.outcome().type(), c.outcome().value(),
          c.outcome().message());
      if (allowed.containsKey(c.id())) {
        failures.append(line.replaceFirst("^  ", "  (allowed) "));
      } else {
        failures.append(line);
        problems.add(String.format("%s fails and is not in %s: %s expected %s %s, got %s %s (%s)", c.id(),
            allowedFile, c.expression(), c.expectedType(), c.expectedValue(), c.outcome().type(),
            c.outcome().value(), c.outcome().message()));
      }
    }
    for (String id : allowed.keySet()) {
      if (!ids.contains(id)) {
        problems.add(id + " is in " + allowedFile + " but not in " + corpus);
      }
    }
    String report = report(cases, allowed) + "\nfailures:\n" + failures;
    Files.writeString(outDir.resolve("report.txt"), report);
    return new Run(cases, problems, report);
  }

  private static void readAllowed(Path file, Map<String, String[]> allowed, List<String> problems)
      throws IOException {
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      for (CSVRecord rec : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
          .setCommentMarker('#').build().parse(r)) {
        String id = rec.get("id").trim();
        String kind = rec.get("kind").trim();
        String reason = rec.get("reason").trim();
        if (Kind.of(kind) == null) {
          problems.add(file + " line " + rec.getRecordNumber() + ": kind '" + kind + "' is none of engine-gap, "
              + "locale, excel-differs");
        }
        if (reason.length() < 10) {
          problems.add(file + " line " + rec.getRecordNumber() + ": " + id + " has no reason");
        }
        if (allowed.put(id, new String[] {kind, reason}) != null) {
          problems.add(file + ": " + id + " is listed twice");
        }
      }
    }
  }

  private static String report(List<Case> cases, Map<String, String[]> allowed) {
    Map<String, int[]> perCategory = new TreeMap<>();
    int passed = 0;
    for (Case c : cases) {
      int[] n = perCategory.computeIfAbsent(c.category(), k -> new int[2]);
      n[1]++;
      if (c.passed()) {
        n[0]++;
        passed++;
      }
    }
    StringBuilder sb = new StringBuilder();
    perCategory.forEach((k, v) -> sb.append(String.format("%-28s %5d / %5d  %6.1f%%%n", k, v[0], v[1],
        100.0 * v[0] / v[1])));
    sb.append(String.format("%-28s %5d / %5d  %6.1f%%%n", "TOTAL", passed, cases.size(),
        100.0 * passed / cases.size()));
    Map<String, Integer> perKind = new TreeMap<>();
    allowed.values().forEach(e -> perKind.merge(e[0], 1, Integer::sum));
    sb.append("allowed to fail: ").append(allowed.size()).append(' ').append(perKind).append('\n');
    return sb.toString();
  }
}

package xlspark.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.jexl3.JexlScript;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import xlspark.compile.FormulaCompiler;
import xlspark.compile.JexlSandbox;
import xlspark.eval.EngineOptions;
import xlspark.eval.EvalOutcome;
import xlspark.eval.FormulaEvaluator;
import xlspark.eval.GoldenCheck;
import xlspark.eval.ResultType;
import xlspark.eval.VariableSource;
import xlspark.functions.EvalContext;
import xlspark.functions.library.FunctionRegistry;
import xlspark.value.Value;

/**
 * The injection corpus ({@code src/test/resources/safety/injection.csv}: expression, what it tries, expected)
 * through the whole engine, then straight into the JEXL sandbox as if a compiler bug let the text through.
 * Expected is an Excel value in golden-file form when the text is valid Excel, or {@code ERROR} for a
 * rejected formula ({@code #ERROR!}). Throughout, the {@link Canary} class must never be loaded or called.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InjectionCorpusTest {
  static final String RESOURCE = "/safety/injection.csv";
  static final EngineOptions OPTIONS = new EngineOptions(Instant.parse("2024-06-15T12:00:00Z"), ZoneId.of("UTC"),
      7, 1_000, 2_000, List.of(), Map.of());
  /** Variables in scope for the corpus: X is text, Y a number; everything else is unknown. */
  static final VariableSource VARS = name -> switch (name) {
    case "X" -> "a";
    case "Y" -> 2.0;
    default -> VariableSource.UNKNOWN;
  };

  record Entry(long line, String expression, String what, String expected) {
  }

  static List<Entry> corpus() throws IOException {
    List<Entry> out = new ArrayList<>();
    try (Reader r = new InputStreamReader(Objects.requireNonNull(InjectionCorpusTest.class.getResourceAsStream(RESOURCE)),
        StandardCharsets.UTF_8)) {
      for (CSVRecord rec : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(r)) {
        out.add(new Entry(rec.getRecordNumber() + 1, rec.get("expression"), rec.get("what_it_tries"),
            rec.get("expected")));
      }
    }
    return out;
  }

  @BeforeAll
  static void resetMarker() throws IOException {
    CanaryMarker.reset();
  }

  @AfterAll
  static void cleanUp() throws IOException {
    CanaryMarker.reset();
  }

  @Test
  @Order(1)
  void everyEntryGivesItsExpectedOutcomeThroughTheEvaluator() throws IOException {
    List<Entry> corpus = corpus();
    assertTrue(corpus.size() >= 100, "corpus has " + corpus.size() + " entries");
    FormulaEvaluator ev = new FormulaEvaluator(OPTIONS);
    List<String> report = new ArrayList<>();
    List<String> wrong = new ArrayList<>();
    int errors = 0;
    for (Entry e : corpus) {
      EvalOutcome o = ev.evaluate(e.expression(), VARS, e.line());
      errors += o.isError() ? 1 : 0;
      report.add(e.line() + "\t" + o.type() + "\t" + o.value() + "\t" + o.message() + "\t" + printable(e.expression()));
      if (!matches(e.expected(), o)) {
        wrong.add("line " + e.line() + " " + printable(e.expression()) + " (" + e.what() + "): expected "
            + e.expected() + ", got " + o);
      }
    }
    write("injection-evaluator.tsv", report);
    System.out.println("injection corpus: " + corpus.size() + " entries through the evaluator, " + errors
        + " error rows, " + (corpus.size() - errors) + " plain Excel values");
    assertEquals(List.of(), wrong);
    assertFalse(CanaryMarker.tripped(), "the canary was reached");
  }

  static boolean matches(String expected, EvalOutcome o) {
    if (expected.equals("ERROR")) {
      return o.type() == ResultType.ERROR && o.value().equals("#ERROR!") && o.message() != null;
    }
    return GoldenCheck.matches(expected, o);
  }

  /**
   * The same texts compiled and run by the JEXL sandbox directly (without the leading '='), with four Excel
   * values bound to the parameter names the compiler generates: each must be refused at compile or run time,
   * or produce nothing but an Excel value.
   */
  @Test
  @Order(2)
  void everyEntryFailsOrStaysAnExcelValueInTheSandboxDirectly() throws IOException {
    JexlSandbox sandbox = new FormulaCompiler(FunctionRegistry.standard(), 10).sandbox();
    Object[] args = {Value.num(1), Value.text("a"), Value.TRUE,
        new Value.Arr(1, 2, new Value[] {Value.num(1), Value.num(2)})};
    int compileRefused = 0;
    int runRefused = 0;
    int excelValues = 0;
    List<String> report = new ArrayList<>();
    List<String> leaks = new ArrayList<>();
    for (Entry e : corpus()) {
      String text = e.expression().startsWith("=") ? e.expression().substring(1) : e.expression();
      JexlScript script;
      try {
        script = sandbox.compile(text);
      } catch (RuntimeException ex) {
        compileRefused++;
        report.add(e.line() + "\tcompile\t" + oneLine(ex) + "\t" + printable(text));
        continue;
      }
      try {
        Object r = sandbox.run(script, args.clone(), EvalContext.forTesting());
        if (r instanceof Value) {
          excelValues++;
          report.add(e.line() + "\tvalue\t" + r + "\t" + printable(text));
        } else {
          leaks.add("line " + e.line() + " " + printable(text) + " produced " + r);
        }
      } catch (RuntimeException ex) {
        runRefused++;
        report.add(e.line() + "\trun\t" + oneLine(ex) + "\t" + printable(text));
      }
    }
    write("injection-sandbox.tsv", report);
    System.out.println("injection corpus straight into the sandbox: " + compileRefused + " refused at compile time, "
        + runRefused + " at run time, " + excelValues + " gave an Excel value");
    assertEquals(List.of(), leaks, "non-Excel values out of the sandbox");
    assertFalse(CanaryMarker.tripped(), "the canary was reached");
  }

  /** Hostile text arriving as data (a column value), not as a formula, stays inert text. */
  @Test
  @Order(3)
  void hostileVariableValuesStayInertText() throws IOException {
    FormulaEvaluator ev = new FormulaEvaluator(OPTIONS);
    for (Entry e : corpus()) {
      String payload = e.expression();
      VariableSource vars = name -> name.equals("V") ? payload : VariableSource.UNKNOWN;
      EvalOutcome plain = ev.evaluate("=v", vars, e.line());
      assertEquals(ResultType.TEXT, plain.type(), () -> "=v with " + printable(payload) + ": " + plain);
      assertEquals(payload, plain.value());
      EvalOutcome joined = ev.evaluate("=v&\"\"", vars, e.line());
      assertEquals(payload.length() > 32_767 ? "#VALUE!" : payload, joined.value());
      EvalOutcome len = ev.evaluate("=LEN(v)", vars, e.line());
      assertEquals(String.valueOf(payload.length()), len.value());
      EvalOutcome upper = ev.evaluate("=UPPER(v)", vars, e.line());
      assertEquals(payload.toUpperCase(java.util.Locale.ROOT), upper.value());
      EvalOutcome sum = ev.evaluate("=v+1", vars, e.line());
      assertEquals("#VALUE!", sum.value(), () -> "=v+1 with " + printable(payload));
    }
    assertFalse(CanaryMarker.tripped(), "the canary was reached");
  }

  /** The control: the canary does trip when its class is really loaded, so silence above means something. */
  @Test
  @Order(4)
  void canaryTripsWhenReallyLoaded() throws Exception {
    assertFalse(CanaryMarker.tripped(), "the canary was reached before the control");
    Class.forName(corpus().stream().map(Entry::expression).filter(s -> s.startsWith("=xlspark.safety.Canary"))
        .findFirst().orElseThrow().substring(1), true, getClass().getClassLoader());
    assertTrue(CanaryMarker.contents().contains("class initialized"));
  }

  static String printable(String s) {
    StringBuilder sb = new StringBuilder();
    int limit = Math.min(s.length(), 120);
    for (int i = 0; i < limit; i++) {
      char c = s.charAt(i);
      sb.append(c < 32 || c > 126 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
    }
    return s.length() > limit ? sb + "...(" + s.length() + " chars)" : sb.toString();
  }

  private static String oneLine(Throwable t) {
    String m = t.getClass().getSimpleName() + ": " + t.getMessage();
    return m.replace('\n', ' ').replace('\t', ' ');
  }

  private static void write(String name, List<String> lines) throws IOException {
    Path dir = Path.of("target", "safety");
    Files.createDirectories(dir);
    Files.write(dir.resolve(name), lines, StandardCharsets.UTF_8);
  }
}

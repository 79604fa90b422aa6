package xlspark.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import xlspark.eval.EngineOptions;
import xlspark.eval.EvalOutcome;
import xlspark.eval.FormulaEvaluator;
import xlspark.eval.ResultType;
import xlspark.eval.VariableSource;
import xlspark.formula.FormulaSyntaxException;
import xlspark.formula.Parser;
import xlspark.formula.SourceSpan;
import xlspark.functions.FunctionSpec;
import xlspark.functions.library.FunctionRegistry;

/**
 * Seeded fuzzing with plain JUnit loops (reproducible: fixed seeds; a failure names its formula), bounded in
 * tries (about a minute in all on two cores): token soups never make the parser
 * throw anything but a positioned {@link FormulaSyntaxException}; random well-formed formulas over the whole
 * registry never make evaluation throw or fail inside the engine, and evaluate the same twice (volatile
 * functions included: the clock and the seed are fixed).
 */
class FuzzTest {
  static final EngineOptions OPTIONS = new EngineOptions(Instant.parse("2024-06-15T12:00:00Z"), ZoneId.of("UTC"),
      42, 10_000, 5_000, List.of(), Map.of());
  static final VariableSource VARS = name -> switch (name) {
    case "N" -> 3.5;
    case "T" -> "text";
    case "B" -> null;
    case "E" -> "";
    case "Z" -> 0.0;
    default -> VariableSource.UNKNOWN;
  };
  static final AtomicLong SOUPS = new AtomicLong();
  static final AtomicLong FORMULAS = new AtomicLong();
  static final AtomicLong CALLS = new AtomicLong();
  static final AtomicLong ERRORS = new AtomicLong();
  static final long START = System.nanoTime();
  /** Engine failures (exceptions turned into #ERROR! by the catch boundary) by function, for the report. */
  static final Map<String, String> ENGINE_FAILURES = new ConcurrentHashMap<>();
  /** Formulas slower than 200 ms, for the report. */
  static final Map<String, String> SLOW = new ConcurrentHashMap<>();

  private static final String[] TOKENS = {"1", "0", "1.5", ".5", "1E3", "1e-7", "1E", "1E+", "99999999999999999999",
      "\"a\"", "\"\"", "\"", "\"\"\"", "TRUE", "FALSE", "#N/A", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!",
      "#NULL!", "#", "#X", "(", ")", "(", ")", ",", ",", ";", "{", "}", "[", "]", "[@a b]", "@", "+", "-", "*", "/",
      "^", "&", "%", "=", "<>", "<", ">", "<=", ">=", ":", "!", "~", "|", "$", "\\", "?", ".", "'", "`", "x",
      "abc", "SUM", "IF", "ROUND", "xl", "s0", "new", "var", "ABS(", "SUM(", "IF(", "_xlfn.", "é", "\u00a0", " ",
      "\t", "\n", "\u0000", "\u200b", "\uff0b", "😀", "\ud800", "A1", "$A$1", "1:2", "a.b", "x?", "{1,2;3}"};

  /** A token soup (three times in four) or up to 60 arbitrary UTF-16 chars, always with a leading '='. */
  static String soup(SplittableRandom r) {
    StringBuilder sb = new StringBuilder();
    if (r.nextInt(4) < 3) {
      int n = r.nextInt(41);
      for (int i = 0; i < n; i++) {
        sb.append(TOKENS[r.nextInt(TOKENS.length)]);
      }
    } else {
      int n = r.nextInt(61);
      for (int i = 0; i < n; i++) {
        sb.append((char) (r.nextBoolean() ? r.nextInt(128) : r.nextInt(0x10000)));
      }
    }
    String s = sb.toString();
    return s.startsWith("=") ? s : "=" + s;
  }

  @Test
  void parserThrowsOnlyPositionedSyntaxErrors() {
    SplittableRandom r = new SplittableRandom(20260601L);
    for (int i = 0; i < 20_000; i++) {
      String text = soup(r);
      SOUPS.incrementAndGet();
      try {
        assertNotNull(Parser.parse(text));
      } catch (FormulaSyntaxException e) {
        SourceSpan s = e.span();
        assertNotNull(s, text);
        assertTrue(s.start() >= 0 && s.start() <= s.end() && s.end() <= text.length(),
            () -> "span " + s + " outside " + text.length() + " chars of " + text);
        assertTrue(e.getMessage().endsWith("at column " + s.column()), e::getMessage);
      }
    }
  }

  @Test
  void soupsNeverBreakTheEvaluator() {
    SplittableRandom r = new SplittableRandom(20260602L);
    for (int i = 0; i < 3_000; i++) {
      String text = soup(r);
      FormulaEvaluator ev = new FormulaEvaluator(OPTIONS);
      check(text, ev.evaluate(text, VARS, 1));
    }
  }

  @Test
  void wellFormedFormulasEvaluateToValuesDeterministically() {
    SplittableRandom r = new SplittableRandom(20260603L);
    for (int i = 0; i < 6_000; i++) {
      long seed = r.nextLong();
      evaluateTwice(new FormulaGen(seed).formula(3), seed);
    }
  }

  /** Every function of the registry, twenty random calls each, nested in random arguments. */
  @Test
  void everyFunctionOfTheRegistryIsFuzzed() {
    List<FunctionSpec> all = FunctionRegistry.standard().all();
    FormulaGen gen = new FormulaGen(20260604L);
    for (FunctionSpec f : all) {
      for (int i = 0; i < 20; i++) {
        CALLS.incrementAndGet();
        evaluateTwice("=" + gen.call(f, 2), i);
      }
    }
    System.out.println("fuzz: " + all.size() + " functions x 20 calls");
  }

  static void evaluateTwice(String formula, long rowId) {
    FORMULAS.incrementAndGet();
    long t0 = System.nanoTime();
    EvalOutcome a = new FormulaEvaluator(OPTIONS).evaluate(formula, VARS, rowId);
    long ms = (System.nanoTime() - t0) / 1_000_000;
    if (ms > 200) {
      SLOW.put(formula, ms + " ms " + a.value() + " " + a.message());
    }
    EvalOutcome b = new FormulaEvaluator(OPTIONS).evaluate(formula, VARS, rowId);
    check(formula, a);
    if (!isTimeout(a) && !isTimeout(b)) {
      assertEquals(a, b, () -> "not deterministic: " + formula);
    }
  }

  static void check(String formula, EvalOutcome o) {
    assertNotNull(o, formula);
    assertNotNull(o.type(), formula);
    if (o.type() == ResultType.ERROR) {
      ERRORS.incrementAndGet();
      String m = o.message() == null ? "" : o.message();
      if (m.startsWith("evaluation failed") || m.startsWith("formula could not be compiled")
          || m.startsWith("formula did not produce")) {
        ENGINE_FAILURES.putIfAbsent(m.length() > 120 ? m.substring(0, 120) : m, formula);
        if (System.getenv("XLSPARK_FUZZ_EXPLORE") != null) {
          return;
        }
        fail("engine failure (an exception inside the engine) for " + formula + ": " + m);
      }
    } else if (o.type() == ResultType.NUMBER) {
      assertTrue(Double.isFinite(o.number()), formula);
    } else if (o.type() == ResultType.TEXT) {
      assertTrue(o.value().length() <= 32_767, formula);
    }
  }

  static boolean isTimeout(EvalOutcome o) {
    return o.message() != null && o.message().startsWith("time-out");
  }

  @AfterAll
  static void report() {
    double secs = (System.nanoTime() - START) / 1e9;
    List<String> failures = new ArrayList<>();
    ENGINE_FAILURES.forEach((m, f) -> failures.add(m + " <- " + f));
    SLOW.forEach((f, m) -> System.out.println("fuzz: slow " + m + ": " + f));
    System.out.printf("fuzz: %d token soups parsed, %d formulas evaluated twice (%d registry calls), %d error outcomes,"
        + " %.1f s; engine failures: %s%n", SOUPS.get(), FORMULAS.get(), CALLS.get(), ERRORS.get(), secs, failures);
  }
}

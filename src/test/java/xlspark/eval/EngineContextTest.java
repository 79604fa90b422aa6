package xlspark.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import xlspark.compile.FormulaCompiler;
import xlspark.functions.library.FunctionRegistry;

/**
 * Issue 15 section 2: the run's limits travel in its context, while the engine (registry, sandbox, template cache)
 * is the JVM's. A template compiled by one run must not carry that run's limits into another.
 */
class EngineContextTest {
  static final EngineOptions OPTIONS = new EngineOptions(Instant.parse("2024-06-15T12:00:00Z"), ZoneId.of("UTC"),
      1, 100, 5_000, List.of(), Map.of());

  /** {@code =SUM({1,2,...,n})}: one array constant of n cells. */
  static String sumOfConstant(int n) {
    StringBuilder sb = new StringBuilder("=SUM({");
    for (int i = 1; i <= n; i++) {
      sb.append(i == 1 ? "" : ",").append(i);
    }
    return sb.append("})").toString();
  }

  @Test
  void issue15_arrayConstantsFollowTheRunsLimitInBothTiers() {
    String f = sumOfConstant(200);
    for (int compileAfter : new int[] {1, 1_000}) {
      FormulaCompiler engine = new FormulaCompiler(FunctionRegistry.standard(), 100);
      engine.setCompileAfter(compileAfter);
      FormulaEvaluator wide = new FormulaEvaluator(OPTIONS, engine);
      assertEquals("20100", wide.evaluate(f, VariableSource.NONE, 1).value());
      // The same shape in a run allowing 100 cells: refused as a compile with that limit refuses it, although the
      // JVM's cache holds the template the first run compiled (compileAfter 1) or the interpreter runs it (1,000).
      FormulaEvaluator narrow = new FormulaEvaluator(OPTIONS.withLimits(100, 1_000), engine);
      EvalOutcome o = narrow.evaluate(f, VariableSource.NONE, 2);
      assertTrue(o.isError() && o.message().contains("Array constant larger than 100 cells"),
          () -> "compile after " + compileAfter + ": " + o);
      assertTrue(narrow.check(f, v -> true).message().contains("Array constant larger than 100 cells"));
      assertEquals("20100", wide.evaluate(f, VariableSource.NONE, 3).value(), "the wider run still runs it");
    }
  }

  @Test
  void theJvmsEngineIsSizedOnce() {
    FormulaCompiler first = FormulaCompiler.shared(1_234);
    assertSame(first, FormulaCompiler.shared(99));
    int size = first.cache().maxSize();
    new FormulaEvaluator(OPTIONS);
    assertEquals(size, first.cache().maxSize(), "an evaluator does not resize the JVM's template cache");
  }
}

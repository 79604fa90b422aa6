package xlspark.functions.engineering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import xlspark.eval.EngineOptions;
import xlspark.eval.EvalOutcome;
import xlspark.eval.FormulaEvaluator;
import xlspark.eval.ResultType;
import xlspark.eval.VariableSource;

/** Bessel recurrences run once per order: a huge order is cut off by the row's time budget, not left running. */
class BesselLimitsTest {
  private static final EngineOptions OPTIONS = new EngineOptions(Instant.parse("2024-06-15T12:00:00Z"),
      ZoneId.of("UTC"), 7, 1_000, 300, List.of(), Map.of());

  @Test
  void aHugeOrderIsATimeOutRowAndTheNextRowRuns() {
    FormulaEvaluator ev = new FormulaEvaluator(OPTIONS);
    for (String f : List.of("=BESSELJ(1,5E8)", "=BESSELI(1,5E8)")) {
      EvalOutcome o = ev.evaluate(f, VariableSource.NONE, 1);
      assertEquals(ResultType.ERROR, o.type(), o::toString);
      assertTrue(o.message() != null && o.message().startsWith("time-out"), o::toString);
    }
    assertEquals("#NUM!", ev.evaluate("=BESSELY(1,1E9)", VariableSource.NONE, 2).value(), "overflows to #NUM! early");
    assertEquals("0", ev.evaluate("=BESSELK(1E7,2.3)", VariableSource.NONE, 3).value());
  }
}

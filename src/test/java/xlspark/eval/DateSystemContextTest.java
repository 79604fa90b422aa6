package xlspark.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import xlspark.compile.FormulaCompiler;
import xlspark.functions.library.FunctionRegistry;
import xlspark.value.DateSystem;

/**
 * A workbook's date system is part of its run's context (the {@code Limits} its evaluator carries), not of the
 * thread: two evaluators on one thread, one counting serials from 1904 and one from 1900, evaluated in turn, each
 * give their own dates. Before, a thread-local flag set around a workbook's evaluation decided for every
 * evaluation on the thread.
 */
class DateSystemContextTest {
  private static final EngineOptions OPTIONS = new EngineOptions(Instant.parse("2024-06-15T12:00:00Z"),
      ZoneId.of("UTC"), 1, 100, 5_000, List.of(), Map.of());

  /** Formula, its value in the 1900 system, its value in the 1904 system. */
  private static final String[][] CASES = {
      {"DATE(2003,2,1)", "37653", "36191"},
      {"TEXT(1,\"yyyy-mm-dd\")", "1900-01-01", "1904-01-02"},
      {"TEXT(DATE(2003,2,1),\"ddd yyyy-mm-dd\")", "Sat 2003-02-01", "Sat 2003-02-01"},
      {"\"2003-02-01\"+0", "37653", "36191"},
      {"DATEVALUE(\"1904-01-05\")", "1466", "4"},
      {"YEAR(17816.6)", "1948", "1952"},
      {"WEEKDAY(36191)", "1", "7"},
      {"NETWORKDAYS(36191,36200)", "7", "6"},
      {"TEXT(EDATE(36191,1),\"yyyy-mm-dd\")", "1999-02-28", "2003-03-01"},
      {"YEAR(COUPNCD(36191,39844,2))", "1999", "2003"},
      {"-\"2003-02-01\"", "-37653", "-36191"},
      {"DATE(1903,12,31)", "1461", "#NUM!"},
      {"COUNTIF({36191},\"2003-02-01\")", "0", "1"},
      {"TODAY()", "45458", "43996"},
  };

  @Test
  void twoEvaluatorsOnOneThreadKeepTheirOwnDateSystems() {
    for (int compileAfter : new int[] {1, 1_000}) {
      FormulaCompiler engine = new FormulaCompiler(FunctionRegistry.standard(), 100);
      engine.setCompileAfter(compileAfter);
      FormulaEvaluator mac = new FormulaEvaluator(OPTIONS, engine, System::nanoTime, DateSystem.EXCEL_1904);
      FormulaEvaluator windows = new FormulaEvaluator(OPTIONS, engine, System::nanoTime, DateSystem.EXCEL_1900);
      long row = 0;
      for (int round = 0; round < 2; round++) {
        for (String[] c : CASES) {
          String tier = "compile after " + compileAfter + ", " + c[0];
          EvalOutcome w = windows.evaluate(c[0], VariableSource.NONE, row++);
          assertEquals(c[1], w.value(), tier + " (1900): " + w.message());
          EvalOutcome m = mac.evaluate(c[0], VariableSource.NONE, row++);
          assertEquals(c[2], m.value(), tier + " (1904): " + m.message());
        }
      }
    }
  }
}

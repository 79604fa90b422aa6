package xlspark.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import xlspark.eval.EngineOptions;
import xlspark.eval.EvalOutcome;
import xlspark.eval.FormulaEvaluator;
import xlspark.eval.ResultType;
import xlspark.eval.VariableSource;

/** The registry's knowledge of Excel's function names: not implemented versus unknown. */
class FunctionRegistryTest {
  private final FunctionRegistry registry = FunctionRegistry.standard();

  @Test
  void knowsExcelsFunctionNamesWhetherImplementedOrNot() {
    assertTrue(registry.isExcelFunction("CUBEVALUE"), "listed in excel-functions.txt, never implemented here");
    assertTrue(registry.isExcelFunction("ERROR.TYPE"));
    assertTrue(registry.isExcelFunction("LEN"));
    assertFalse(registry.isExcelFunction("FOOBARBAZ"));
  }

  @Test
  void anExcelFunctionNotImplementedIsNameWithNotImplemented() {
    EvalOutcome o = evaluate("CUBEVALUE(\"x\")");
    assertEquals(ResultType.ERROR, o.type());
    assertEquals("#NAME?", o.value());
    assertNotNull(o.message());
    assertTrue(o.message().contains("CUBEVALUE: not implemented"), o.message());
  }

  @Test
  void anUnknownFunctionIsNameWithUnknownFunction() {
    EvalOutcome o = evaluate("FOOBARBAZ(1)");
    assertEquals(ResultType.ERROR, o.type());
    assertEquals("#NAME?", o.value());
    assertTrue(o.message().contains("unknown function FOOBARBAZ"), o.message());
    assertFalse(o.message().contains("not implemented"), o.message());
  }

  @Test
  void theNameListIsExcelsWholeList() {
    String[] sample = {"ABS", "XLOOKUP", "TEXTSPLIT", "NORM.S.INV", "Z.TEST", "WORKDAY.INTL", "LAMBDA"};
    for (String name : sample) {
      assertTrue(registry.isExcelFunction(name), name);
    }
  }

  private static EvalOutcome evaluate(String formula) {
    return new FormulaEvaluator(EngineOptions.defaults()).evaluate(formula, VariableSource.NONE, 1);
  }
}

package xlspark.functions.library;

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

  /**
   * Of Excel's function list, only the functions that need Excel's host or the internet are left, each named with
   * its reason in docs/functions.md's "Not implemented" item.
   */
  @Test
  void onlyHostAndInternetFunctionsAreNotImplementedAndEachIsDocumented() throws java.io.IOException {
    String docs = java.nio.file.Files.readString(java.nio.file.Path.of("docs/functions.md"));
    int at = docs.indexOf("- Not implemented, because they need Excel's host or the internet");
    assertTrue(at >= 0, "docs/functions.md lists the functions not implemented");
    String item = docs.substring(at, docs.indexOf("\n- ", at + 1) < 0 ? docs.length() : docs.indexOf("\n- ", at + 1));
    java.util.Set<String> documented = new java.util.TreeSet<>();
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\b[A-Z][A-Z0-9.]*[A-Z0-9]\\b").matcher(item);
    while (m.find()) {
      documented.add(m.group());
    }
    documented.retainAll(registry.notImplemented());
    assertEquals(new java.util.TreeSet<>(registry.notImplemented()), documented);
    assertEquals(java.util.List.of("CALL", "COPILOT", "CUBEKPIMEMBER", "CUBEMEMBER", "CUBEMEMBERPROPERTY",
        "CUBERANKEDMEMBER", "CUBESET", "CUBESETCOUNT", "CUBEVALUE", "DETECTLANGUAGE", "FIELDVALUE", "GETPIVOTDATA",
        "IMAGE", "PY", "REGISTER.ID", "RTD", "STOCKHISTORY", "TRANSLATE"), registry.notImplemented());
  }

  @Test
  void prefixedNamesAreTheBareFunctions() {
    assertEquals("REGEXTEST", registry.lookup("_XLFN.REGEXTEST").name());
    assertEquals("SORT", registry.lookup("_XLFN._XLWS.SORT").name());
    assertEquals("FILTER", registry.lookup("_XLWS.FILTER").name());
    assertTrue(registry.isExcelFunction("_XLFN.CUBEVALUE"));
    assertTrue(evaluate("_xlfn.CUBEVALUE(\"x\")").message().contains("not implemented"));
    assertEquals("TRUE", evaluate("_xlfn.REGEXTEST(\"abc\",\"b\")").value());
    assertEquals("1", evaluate("_xlfn._xlws.SORT({3;1;2})").value());
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

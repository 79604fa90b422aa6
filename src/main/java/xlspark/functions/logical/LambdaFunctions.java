package xlspark.functions.logical;

import static xlspark.functions.ArgKind.ANY;

import java.util.List;
import xlspark.functions.ErrorPolicy;
import xlspark.functions.FunctionSpec;
import xlspark.value.ExcelError;
import xlspark.value.Value;

/**
 * LET, LAMBDA and the lambda helpers. They bind names and call function values, which only the engine's AST
 * interpreter does: a formula that uses any of them is never compiled to JEXL (no JEXL lambda, no script local
 * exists for it). Their specs say so ({@link FunctionSpec#isInterpreterOnly}, what the engine reads) and give the
 * registry their names, categories and arities; their bodies run only where a formula reached a tier that cannot
 * evaluate them (workbook mode), and say so.
 */
public final class LambdaFunctions {
  private LambdaFunctions() {
  }

  public static List<FunctionSpec> specs() {
    return List.of(
        spec("LET").args(ANY, ANY, ANY).repeating(ANY, 250).build(),
        spec("LAMBDA").arg(ANY).repeating(ANY, 253).build(),
        spec("MAP").args(ANY, ANY).repeating(ANY, 252).build(),
        spec("REDUCE").args(ANY, ANY, ANY).build(),
        spec("SCAN").args(ANY, ANY, ANY).build(),
        spec("BYROW").args(ANY, ANY).build(),
        spec("BYCOL").args(ANY, ANY).build(),
        spec("MAKEARRAY").args(ANY, ANY, ANY).build(),
        spec("ISOMITTED").arg(ANY).build());
  }

  /** GROUPBY and PIVOTBY (lookup category): they take a function, so they run where LAMBDAs do. */
  public static List<FunctionSpec> groupingSpecs() {
    return List.of(
        spec("GROUPBY").args(ANY, ANY, ANY).repeating(ANY, 8).build(),
        spec("PIVOTBY").args(ANY, ANY, ANY, ANY).repeating(ANY, 11).build());
  }

  private static FunctionSpec.Builder spec(String name) {
    Value.Err refused = Value.err(ExcelError.CALC, name + " is evaluated in expression mode only");
    return FunctionSpec.builder(name, a -> refused).errorPolicy(ErrorPolicy.INSPECTS_ERRORS).interpreterOnly();
  }
}

package xlspark.functions.financial;

import java.util.List;
import xlspark.functions.FunctionSpec;

/** Financial functions. */
public final class FinancialFunctions {
  private FinancialFunctions() {
  }

  public static List<FunctionSpec> specs() {
    return List.of();
  }
}

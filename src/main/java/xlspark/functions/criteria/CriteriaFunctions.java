package xlspark.functions.criteria;

import java.util.List;
import xlspark.functions.FunctionSpec;

/** Criteria functions. */
public final class CriteriaFunctions {
  private CriteriaFunctions() {
  }

  public static List<FunctionSpec> specs() {
    return List.of();
  }
}

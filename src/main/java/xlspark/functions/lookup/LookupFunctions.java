package xlspark.functions.lookup;

import java.util.List;
import xlspark.functions.FunctionSpec;

/** Lookup functions. */
public final class LookupFunctions {
  private LookupFunctions() {
  }

  public static List<FunctionSpec> specs() {
    return List.of();
  }
}

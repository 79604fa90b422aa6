package xlspark.functions.stat;

import java.util.List;
import xlspark.functions.FunctionSpec;

/** Stat functions. */
public final class StatFunctions {
  private StatFunctions() {
  }

  public static List<FunctionSpec> specs() {
    return List.of();
  }
}

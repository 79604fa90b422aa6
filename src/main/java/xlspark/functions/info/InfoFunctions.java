package xlspark.functions.info;

import java.util.List;
import xlspark.functions.FunctionSpec;

/** Info functions. */
public final class InfoFunctions {
  private InfoFunctions() {
  }

  public static List<FunctionSpec> specs() {
    return List.of();
  }
}

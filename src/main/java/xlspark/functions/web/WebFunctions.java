package xlspark.functions.web;

import java.util.List;
import xlspark.functions.FunctionSpec;

/** Web functions. */
public final class WebFunctions {
  private WebFunctions() {
  }

  public static List<FunctionSpec> specs() {
    return List.of();
  }
}

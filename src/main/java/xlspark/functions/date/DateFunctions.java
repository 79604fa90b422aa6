package xlspark.functions.date;

import java.util.List;
import xlspark.functions.FunctionSpec;

/** Date functions. */
public final class DateFunctions {
  private DateFunctions() {
  }

  public static List<FunctionSpec> specs() {
    return List.of();
  }
}

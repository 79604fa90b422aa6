package xlspark.functions.text;

import java.util.List;
import xlspark.functions.FunctionSpec;

/** TEXT and the other functions that format numbers and dates with Excel format codes (category "text"). */
public final class TextFormatFunctions {
  private TextFormatFunctions() {
  }

  public static List<FunctionSpec> specs() {
    return List.of();
  }
}

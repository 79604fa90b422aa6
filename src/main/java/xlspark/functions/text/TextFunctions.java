package xlspark.functions.text;

import static xlspark.functions.ArgKind.TEXT;

import java.util.List;
import java.util.Locale;
import xlspark.functions.Args;
import xlspark.functions.FunctionSpec;
import xlspark.value.Coerce;
import xlspark.value.Value;

/** Text functions. */
public final class TextFunctions {
  private TextFunctions() {
  }

  public static List<FunctionSpec> specs() {
    return List.of(
        FunctionSpec.builder("UPPER", a -> Value.text(a.text(0).toUpperCase(Locale.ROOT))).arg(TEXT).build(),
        FunctionSpec.builder("LEN", a -> Value.num(a.text(0).length())).arg(TEXT).build(),
        FunctionSpec.builder("CONCATENATE", TextFunctions::concatenate).arg(TEXT).repeating(TEXT).build());
  }

  static Value concatenate(Args a) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < a.size(); i++) {
      sb.append(a.text(i));
      if (sb.length() > Coerce.MAX_TEXT) {
        break;
      }
    }
    return Coerce.text(sb.toString());
  }
}

package xlspark.functions.text;

import static xlspark.functions.ArgKind.ANY;
import static xlspark.functions.ArgKind.BOOLEAN;
import static xlspark.functions.ArgKind.NUMBER;
import static xlspark.functions.ArgKind.TEXT;

import java.util.List;
import xlspark.functions.Args;
import xlspark.functions.FunctionSpec;
import xlspark.value.Coerce;
import xlspark.value.ExcelError;
import xlspark.value.TextNumbers;
import xlspark.value.Value;
import xlspark.value.Value.Bool;
import xlspark.value.Value.Num;
import xlspark.value.Value.Text;

/** TEXT and the other functions that format numbers and dates with Excel format codes (category "text"). */
public final class TextFormatFunctions {
  /** Excel's limit on the decimals of FIXED and DOLLAR. */
  private static final int MAX_DECIMALS = 127;

  private TextFormatFunctions() {
  }

  public static List<FunctionSpec> specs() {
    return List.of(
        FunctionSpec.builder("TEXT", TextFormatFunctions::text).args(ANY, TEXT).build(),
        FunctionSpec.builder("FIXED", a -> fixed(a, false)).arg(NUMBER).optionalArg(NUMBER, 2)
            .optionalArg(BOOLEAN, false).build(),
        // Excel still evaluates USDOLLAR, DOLLAR's older name (excel-truth xl00528: USDOLLAR(1) is "$1.00")
        FunctionSpec.builder("DOLLAR", a -> fixed(a, true)).arg(NUMBER).optionalArg(NUMBER, 2).build(),
        FunctionSpec.builder("USDOLLAR", a -> fixed(a, true)).arg(NUMBER).optionalArg(NUMBER, 2).build());
  }

  /** TEXT(value, format): numbers and numeric text are formatted; other text goes through the text section. */
  static Value text(Args a) {
    NumberFormat f = NumberFormat.of(a.text(1));
    Value v = a.get(0);
    String out;
    if (v instanceof Num n) {
      out = f.format(n.v(), a.ctx().dates());
    } else if (v instanceof Text t) {
      double d = TextNumbers.parse(t.s(), a.ctx().dates());
      out = Double.isNaN(d) ? f.formatText(t.s()) : f.format(d, a.ctx().dates());
    } else if (v instanceof Bool b) {
      out = f.formatText(b.b() ? "TRUE" : "FALSE");
    } else {
      out = f.format(0, a.ctx().dates());
    }
    return out == null ? Value.err(ExcelError.VALUE, "value cannot be shown with this format") : Coerce.text(out);
  }

  /**
   * FIXED(number, decimals, no_commas) and DOLLAR(number, decimals): the number rounded half away from zero
   * (negative decimals round left of the point), with thousands separators; DOLLAR adds "$" and shows
   * negatives in parentheses, as its format {@code $#,##0.00_);($#,##0.00)} does.
   */
  static Value fixed(Args a, boolean dollar) {
    double x = a.num(0);
    double decimalsArg = a.num(1);
    int decimals = (int) Math.max(-400, Math.min(400, decimalsArg < 0 ? Math.ceil(decimalsArg) : Math.floor(decimalsArg)));
    if (decimals > MAX_DECIMALS) {
      return Value.err(ExcelError.VALUE, "at most 127 decimals");
    }
    boolean grouping = dollar || !a.bool(2);
    DecimalDigits d = DecimalDigits.of(x).roundDecimals(decimals);
    StringBuilder sb = new StringBuilder();
    String ip = d.integerPart();
    if (ip.isEmpty()) {
      ip = "0";
    }
    for (int i = 0; i < ip.length(); i++) {
      if (grouping && i > 0 && (ip.length() - i) % 3 == 0) {
        sb.append(',');
      }
      sb.append(ip.charAt(i));
    }
    if (decimals > 0) {
      sb.append('.').append(d.fractionPart(decimals));
    }
    boolean negative = x < 0 && !d.isZero();
    if (dollar) {
      return Coerce.text(negative ? "($" + sb + ")" : "$" + sb);
    }
    return Coerce.text(negative ? "-" + sb : sb.toString());
  }
}

package xlspark.functions.text;

import static xlspark.functions.ArgKind.ANY;
import static xlspark.functions.ArgKind.ARRAY;

import java.util.List;
import xlspark.functions.Args;
import xlspark.functions.ErrorPolicy;
import xlspark.functions.FunctionSpec;
import xlspark.value.Coerce;
import xlspark.value.ExcelError;
import xlspark.value.Value;
import xlspark.value.Value.Arr;
import xlspark.value.Value.Err;
import xlspark.value.Value.Num;
import xlspark.value.Value.Text;

/**
 * VALUETOTEXT(value, [format]) and ARRAYTOTEXT(array, [format]): any value as text, errors included (as their
 * codes). Format 0 (concise) writes text as it is and numbers as "&" does; format 1 (strict) writes what the
 * formula bar would parse back: text in double quotes with inner quotes doubled, and ARRAYTOTEXT's array in
 * braces with ',' between columns and ';' between rows. Any other format is #VALUE!.
 */
public final class ValueText {
  private ValueText() {
  }

  public static List<FunctionSpec> specs() {
    return List.of(
        FunctionSpec.builder("VALUETOTEXT", ValueText::valueToText).arg(ANY).skippableArg(ANY, 0)
            .errorPolicy(ErrorPolicy.INSPECTS_ERRORS).build(),
        FunctionSpec.builder("ARRAYTOTEXT", ValueText::arrayToText).arg(ARRAY).skippableArg(ANY, 0)
            .errorPolicy(ErrorPolicy.INSPECTS_ERRORS).build());
  }

  /** The format argument: 0 or 1 (truncated; TRUE is 1), -1 for anything else; an error is returned as is. */
  private static Value format(Args a) {
    Value f = Coerce.toNumber(Coerce.scalar(a.get(1)), a.ctx().dates());
    if (f instanceof Err) {
      return f;
    }
    double d = Math.floor(((Num) f).v());
    return d == 0 || d == 1 ? Value.num(d) : Value.err(ExcelError.VALUE, "format must be 0 (concise) or 1 (strict)");
  }

  private static Value valueToText(Args a) {
    Value f = format(a);
    if (f instanceof Err) {
      return f;
    }
    return Coerce.text(text(a.get(0), ((Num) f).v() == 1));
  }

  private static Value arrayToText(Args a) {
    Value f = format(a);
    if (f instanceof Err) {
      return f;
    }
    boolean strict = ((Num) f).v() == 1;
    Arr arr = a.array(0);
    StringBuilder sb = new StringBuilder();
    if (strict) {
      sb.append('{');
    }
    for (int r = 0; r < arr.rows(); r++) {
      a.ctx().spend(arr.cols());
      for (int c = 0; c < arr.cols(); c++) {
        if (r > 0 || c > 0) {
          sb.append(!strict ? ", " : c == 0 ? ";" : ",");
        }
        sb.append(text(arr.get(r, c), strict));
        if (sb.length() > Coerce.MAX_TEXT) {
          return Value.err(ExcelError.VALUE, "text longer than 32,767 characters");
        }
      }
    }
    if (strict) {
      sb.append('}');
    }
    return Coerce.text(sb.toString());
  }

  /** One value as text: errors as their codes, text quoted in strict format. */
  static String text(Value v, boolean strict) {
    if (v instanceof Err e) {
      return e.code().text();
    }
    if (v instanceof Text t) {
      return strict ? "\"" + t.s().replace("\"", "\"\"") + "\"" : t.s();
    }
    Value t = Coerce.toText(v);
    return t instanceof Text s ? s.s() : "";
  }
}

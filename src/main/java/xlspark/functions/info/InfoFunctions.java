package xlspark.functions.info;

import static xlspark.functions.ArgKind.ANY;
import static xlspark.functions.ArgKind.ARRAY;

import java.util.List;
import java.util.function.Predicate;
import xlspark.functions.Args;
import xlspark.functions.ArgKind;
import xlspark.functions.ErrorPolicy;
import xlspark.functions.FunctionSpec;
import xlspark.value.Coerce;
import xlspark.value.DateSystem;
import xlspark.value.ExcelError;
import xlspark.value.Value;
import xlspark.value.Value.Arr;
import xlspark.value.Value.Blank;
import xlspark.value.Value.Bool;
import xlspark.value.Value.Err;
import xlspark.value.Value.Num;
import xlspark.value.Value.Text;

/**
 * Information functions: the IS tests (element by element over arrays, errors inspected rather than
 * propagated), N, NA, TYPE and ERROR.TYPE. ISREF is TRUE only for a reference written as the argument
 * (workbook mode); a value, including text that looks like one, is not a reference.
 */
public final class InfoFunctions {
  private InfoFunctions() {
  }

  public static List<FunctionSpec> specs() {
    return List.of(
        test("ISBLANK", v -> v instanceof Blank),
        test("ISERR", v -> v instanceof Err e && e.code() != ExcelError.NA),
        test("ISERROR", v -> v instanceof Err),
        test("ISNA", v -> v instanceof Err e && e.code() == ExcelError.NA),
        test("ISTEXT", v -> v instanceof Text),
        test("ISNONTEXT", v -> !(v instanceof Text)),
        test("ISNUMBER", v -> v instanceof Num),
        test("ISLOGICAL", v -> v instanceof Bool),
        FunctionSpec.builder("ISREF", a -> Value.bool(a.get(0) instanceof Value.Ref))
            .arg(ArgKind.REFERENCE).errorPolicy(ErrorPolicy.INSPECTS_ERRORS).build(),
        parity("ISEVEN", 0),
        parity("ISODD", 1),
        FunctionSpec.builder("N", InfoFunctions::n).arg(ANY).build(),
        FunctionSpec.builder("NA", a -> Value.err(ExcelError.NA)).build(),
        FunctionSpec.builder("TYPE", InfoFunctions::type).arg(ARRAY).errorPolicy(ErrorPolicy.INSPECTS_ERRORS)
            .build(),
        FunctionSpec.builder("ERROR.TYPE", InfoFunctions::errorType).arg(ANY)
            .errorPolicy(ErrorPolicy.INSPECTS_ERRORS).build());
  }

  /** {@code NAME(value)} testing the kind of a value, errors included. */
  private static FunctionSpec test(String name, Predicate<Value> p) {
    return FunctionSpec.builder(name, a -> Value.bool(p.test(a.get(0)))).arg(ANY)
        .errorPolicy(ErrorPolicy.INSPECTS_ERRORS).build();
  }

  /**
   * ISEVEN/ISODD: the number is truncated toward zero ({@code ISODD(-3.9)} is TRUE); numeric text counts,
   * a blank is 0, but a boolean is #VALUE! as in Excel.
   */
  private static FunctionSpec parity(String name, int remainder) {
    return FunctionSpec.builder(name, a -> parity(a.get(0), remainder, a.ctx().dates())).arg(ANY).build();
  }

  private static Value parity(Value v, int remainder, DateSystem dates) {
    if (v instanceof Bool) {
      return Value.err(ExcelError.VALUE, "a logical value is not a number here");
    }
    Value n = Coerce.toNumber(v, dates);
    if (n instanceof Err) {
      return n;
    }
    double r = Math.abs(((Num) n).v() % 2);
    return Value.bool((r >= 1 ? 1 : 0) == remainder);
  }

  /** N: numbers stay, TRUE is 1, everything else (text, FALSE, blank) is 0; errors propagate. */
  static Value n(Args a) {
    Value v = a.get(0);
    if (v instanceof Num) {
      return v;
    }
    return v instanceof Bool b && b.b() ? Value.ONE : Value.ZERO;
  }

  /** TYPE: 1 number (and blank), 2 text, 4 logical, 16 error, 64 array. */
  static Value type(Args a) {
    Value v = a.get(0);
    int t = v instanceof Arr ? 64 : v instanceof Err ? 16 : v instanceof Bool ? 4 : v instanceof Text ? 2 : 1;
    return Value.num(t);
  }

  /** ERROR.TYPE: #NULL! 1, #DIV/0! 2, #VALUE! 3, #REF! 4, #NAME? 5, #NUM! 6, #N/A 7; not an error is #N/A. */
  static Value errorType(Args a) {
    return a.get(0) instanceof Err e ? Value.num(e.code().typeNumber())
        : Value.err(ExcelError.NA, "ERROR.TYPE of a value that is not an error");
  }
}

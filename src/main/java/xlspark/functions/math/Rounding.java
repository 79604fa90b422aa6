package xlspark.functions.math;

import static xlspark.functions.ArgKind.NUMBER;

import java.util.List;
import java.util.function.DoubleUnaryOperator;
import xlspark.functions.Args;
import xlspark.functions.FunctionSpec;
import xlspark.functions.SpecList;
import xlspark.functions.math.DecimalRounding.Mode;
import xlspark.value.Coerce;
import xlspark.value.ExcelError;
import xlspark.value.Value;

/** ROUND and its relatives, multiples (MROUND, CEILING, FLOOR...), INT, TRUNC, EVEN and ODD. */
final class Rounding {
  private Rounding() {
  }

  static List<FunctionSpec> specs() {
    return new SpecList().add(n -> precise(n, Math::ceil), "CEILING.PRECISE", "ISO.CEILING").addAll(List.of(
        digits("ROUND", Mode.HALF_UP),
        digits("ROUNDUP", Mode.UP),
        digits("ROUNDDOWN", Mode.DOWN),
        digits("TRUNC", Mode.DOWN),
        FunctionSpec.unary("INT", DecimalRounding::floor15),
        FunctionSpec.unary("EVEN", x -> awayToParity(x, 0)),
        FunctionSpec.unary("ODD", x -> awayToParity(x, 1)),
        FunctionSpec.builder("MROUND", Rounding::mround).args(NUMBER, NUMBER).build(),
        FunctionSpec.builder("CEILING", a -> ceilingOrFloor(a, true)).args(NUMBER, NUMBER).build(),
        FunctionSpec.builder("FLOOR", a -> ceilingOrFloor(a, false)).args(NUMBER, NUMBER).build(),
        math("CEILING.MATH", Math::ceil, Math::floor),
        math("FLOOR.MATH", Math::floor, Math::ceil),
        precise("FLOOR.PRECISE", Math::floor),
        FunctionSpec.builder("ECMA.CEILING", Rounding::ecmaCeiling).args(NUMBER, NUMBER).build())).build();
  }

  /**
   * NAME(number, [num_digits=0]): num_digits is truncated toward zero. Excel requires num_digits except
   * for TRUNC; the conformance corpus (with LibreOffice and Gnumeric) accepts ROUND(x), so it is optional.
   */
  private static FunctionSpec digits(String name, Mode mode) {
    return FunctionSpec.builder(name, a -> Coerce.number(
        DecimalRounding.round(a.num(0), digitsArg(a.num(1)), mode))).arg(NUMBER).optionalArg(NUMBER, 0).build();
  }

  static int digitsArg(double d) {
    return (int) Math.max(-1000, Math.min(1000, d < 0 ? Math.ceil(d) : Math.floor(d)));
  }

  /** EVEN/ODD: away from zero to the next integer of the parity. */
  private static double awayToParity(double x, int parity) {
    double v = DecimalRounding.ceil15(Math.abs(x));
    if (Math.abs(v % 2) != parity) {
      v += 1;
    }
    return x < 0 ? -v : v;
  }

  /** A multiple of {@code step}, rounded from a quotient read to 15 digits (0.3/0.1 is 3, not 2.99...). */
  private static double multiple(double x, double step, DoubleUnaryOperator rounder) {
    return DecimalRounding.sig15(rounder.applyAsDouble(DecimalRounding.sig15(x / step)) * step);
  }

  /** MROUND: nearest multiple, half away from zero; number and multiple of opposite signs are #NUM!. */
  private static Value mround(Args a) {
    double x = a.num(0);
    double m = a.num(1);
    if (m == 0 || x == 0) {
      return Value.ZERO;
    }
    if ((x > 0) != (m > 0)) {
      return Value.err(ExcelError.NUM, "number and multiple have different signs");
    }
    return Coerce.number(multiple(x, m, q -> DecimalRounding.round(q, 0)));
  }

  /**
   * CEILING/FLOOR (Excel 2010 rules): a positive number with a negative significance is #NUM!; a negative
   * number with a positive significance rounds toward +inf (CEILING) / -inf (FLOOR); both negative round
   * away from / toward zero. That is {@code ceil(x/s)*s} or {@code floor(x/s)*s} in every allowed case.
   * Significance 0 gives 0 for CEILING and #DIV/0! for FLOOR.
   */
  private static Value ceilingOrFloor(Args a, boolean ceiling) {
    double x = a.num(0);
    double s = a.num(1);
    if (x == 0) {
      return Value.ZERO;
    }
    if (s == 0) {
      return ceiling ? Value.ZERO : Value.err(ExcelError.DIV0, "significance is 0");
    }
    if (x > 0 && s < 0) {
      return Value.err(ExcelError.NUM, "positive number with a negative significance");
    }
    return Coerce.number(multiple(x, s, ceiling ? Math::ceil : Math::floor));
  }

  /**
   * ECMA.CEILING(number, significance): CEILING as ECMA-376 defines it (Excel 2007's): a number and a significance
   * of different signs are #NUM!, otherwise the multiple away from zero; a significance of 0 gives 0.
   */
  private static Value ecmaCeiling(Args a) {
    double x = a.num(0);
    double s = a.num(1);
    if (x == 0 || s == 0) {
      return Value.ZERO;
    }
    if ((x > 0) != (s > 0)) {
      return Value.err(ExcelError.NUM, "number and significance have different signs");
    }
    return Coerce.number(multiple(x, s, Math::ceil));
  }

  /**
   * CEILING.MATH / FLOOR.MATH(number, [significance=1], [mode=0]): the significance's sign is ignored;
   * a non-zero mode makes negative numbers round the other way (away from zero for CEILING.MATH).
   */
  private static FunctionSpec math(String name, DoubleUnaryOperator usual, DoubleUnaryOperator negativeMode) {
    return FunctionSpec.builder(name, a -> {
      double s = Math.abs(a.num(1));
      if (s == 0) {
        return Value.ZERO;
      }
      double x = a.num(0);
      boolean flip = x < 0 && a.num(2) != 0;
      return Coerce.number(multiple(x, s, flip ? negativeMode : usual));
    }).arg(NUMBER).optionalArg(NUMBER, 1).optionalArg(NUMBER, 0).build();
  }

  /** CEILING.PRECISE / FLOOR.PRECISE(number, [significance=1]): toward +inf / -inf whatever the signs. */
  private static FunctionSpec precise(String name, DoubleUnaryOperator rounder) {
    return FunctionSpec.builder(name, a -> {
      double s = Math.abs(a.num(1));
      return s == 0 ? Value.ZERO : Coerce.number(multiple(a.num(0), s, rounder));
    }).arg(NUMBER).optionalArg(NUMBER, 1).build();
  }
}

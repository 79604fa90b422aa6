package xlspark.functions.math;

import static xlspark.functions.ArgKind.ARRAY;
import static xlspark.functions.ArgKind.NUMBER;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import xlspark.functions.Args;
import xlspark.functions.FunctionSpec;
import xlspark.functions.NumberList;
import xlspark.value.Coerce;
import xlspark.value.Value;

/** Math and trigonometry functions. */
public final class MathFunctions {
  private MathFunctions() {
  }

  public static List<FunctionSpec> specs() {
    return List.of(
        FunctionSpec.unary("ABS", Math::abs),
        FunctionSpec.builder("ROUND", MathFunctions::round).arg(NUMBER).arg(NUMBER).build(),
        FunctionSpec.builder("SUM", MathFunctions::sum).arg(ARRAY).repeating(ARRAY).build());
  }

  /** ROUND: half away from zero, on the decimal the user sees (15 significant digits), not the binary double. */
  static Value round(Args a) {
    return Coerce.number(roundHalfAway(a.num(0), (int) Math.floor(a.num(1))));
  }

  /** Rounds half away from zero at {@code digits} decimals (negative: left of the point). */
  public static double roundHalfAway(double x, int digits) {
    if (Double.isNaN(x) || Double.isInfinite(x) || x == 0) {
      return x;
    }
    if (digits > 15) {
      return x;
    }
    BigDecimal bd = new BigDecimal(Double.toString(x));
    return bd.setScale(digits, RoundingMode.HALF_UP).doubleValue();
  }

  static Value sum(Args a) {
    NumberList l = a.numbers(0);
    return l.error() != null ? l.error() : Coerce.number(l.sum());
  }
}

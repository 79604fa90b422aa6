package xlspark.functions.math;

import static xlspark.functions.ArgKind.NUMBER;

import java.util.ArrayList;
import java.util.List;
import xlspark.functions.Args;
import xlspark.functions.FunctionSpec;
import xlspark.value.Coerce;
import xlspark.value.ExcelError;
import xlspark.value.Ops;
import xlspark.value.Value;

/**
 * Math and trigonometry functions. This class declares the elementary ones and gathers the rest from the
 * package's helper classes (rounding, trigonometry, combinatorics, sums, subtotals, matrices, notations,
 * engineering).
 */
public final class MathFunctions {
  private MathFunctions() {
  }

  public static List<FunctionSpec> specs() {
    List<FunctionSpec> l = new ArrayList<>(List.of(
        FunctionSpec.unary("ABS", Math::abs),
        FunctionSpec.unary("SIGN", Math::signum),
        FunctionSpec.builder("MOD", MathFunctions::mod).args(NUMBER, NUMBER).build(),
        FunctionSpec.builder("QUOTIENT", MathFunctions::quotient).args(NUMBER, NUMBER).build(),
        FunctionSpec.builder("POWER", a -> Ops.power(a.num(0), a.num(1))).args(NUMBER, NUMBER).build(),
        FunctionSpec.unary("SQRT", x -> x < 0 ? Double.NaN : Math.sqrt(x)),
        FunctionSpec.unary("SQRTPI", x -> x < 0 ? Double.NaN : Math.sqrt(x * Math.PI)),
        FunctionSpec.unary("EXP", Math::exp),
        FunctionSpec.unary("LN", x -> x <= 0 ? Double.NaN : Math.log(x)),
        FunctionSpec.unary("LOG10", x -> x <= 0 ? Double.NaN : Math.log10(x)),
        FunctionSpec.builder("LOG", MathFunctions::log).arg(NUMBER).optionalArg(NUMBER, 10).build(),
        FunctionSpec.builder("PI", a -> Value.num(Math.PI)).build(),
        FunctionSpec.builder("RAND", a -> Value.num(a.ctx().random().nextDouble())).volatileFn().build(),
        FunctionSpec.builder("RANDBETWEEN", MathFunctions::randBetween).args(NUMBER, NUMBER).volatileFn().build()));
    l.addAll(Rounding.specs());
    l.addAll(Trig.specs());
    l.addAll(Combinatorics.specs());
    l.addAll(Sums.specs());
    l.addAll(Subtotals.specs());
    l.addAll(Matrices.specs());
    l.addAll(Radix.specs());
    l.addAll(Engineering.specs());
    return List.copyOf(l);
  }

  /** Rounds half away from zero at {@code digits} decimals (negative: left of the point), on the shown decimal. */
  public static double roundHalfAway(double x, int digits) {
    return DecimalRounding.round(x, digits);
  }

  /**
   * MOD: the remainder with the sign of the divisor, {@code n - d*INT(n/d)}. The quotient is read to 15
   * digits, so MOD(0.3, 0.1) is 0 rather than 0.0999..., and the remainder keeps no more decimals than the
   * operands' 15 digits carry (MOD(21.49,-3.7) is -0.71, not -0.7100000000000044); a divisor of 0 is #DIV/0!.
   */
  static Value mod(Args a) {
    double n = a.num(0);
    double d = a.num(1);
    if (d == 0) {
      return Value.err(ExcelError.DIV0);
    }
    double q = DecimalRounding.floor15(n / d);
    double r = n - d * q;
    if (r != 0 && Math.abs(r) < Math.max(Math.abs(n), Math.abs(d * q)) * 1e-15) {
      r = 0;
    }
    if (r != 0 && (r < 0) != (d < 0)) {
      r += d;
    }
    if (r != 0) {
      r = DecimalRounding.round(r, 14 - DecimalRounding.exponent10(Math.max(Math.abs(n), Math.abs(d * q))));
    }
    return Coerce.number(r);
  }

  /** QUOTIENT: the integer part of n/d, truncated toward zero. */
  static Value quotient(Args a) {
    double d = a.num(1);
    if (d == 0) {
      return Value.err(ExcelError.DIV0);
    }
    double q = DecimalRounding.sig15(a.num(0) / d);
    return Coerce.number(q < 0 ? Math.ceil(q) : Math.floor(q));
  }

  /** LOG(number, [base=10]): a base of 1 is #DIV/0!, non-positive arguments #NUM!. */
  static Value log(Args a) {
    double x = a.num(0);
    double base = a.num(1);
    if (x <= 0 || base <= 0) {
      return Value.err(ExcelError.NUM);
    }
    if (base == 1) {
      return Value.err(ExcelError.DIV0);
    }
    return Coerce.number(base == 10 ? Math.log10(x) : Math.log(x) / Math.log(base));
  }

  /** RANDBETWEEN(bottom, top): an integer from ceil(bottom) to floor(top), #NUM! when there is none. */
  static Value randBetween(Args a) {
    double lo = Math.ceil(a.num(0));
    double hi = Math.floor(a.num(1));
    if (lo > hi) {
      return Value.err(ExcelError.NUM, "bottom is greater than top");
    }
    return Coerce.number(lo + Math.floor(a.ctx().random().nextDouble() * (hi - lo + 1)));
  }
}

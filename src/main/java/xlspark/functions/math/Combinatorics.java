package xlspark.functions.math;

import static xlspark.functions.ArgKind.ARRAY;
import static xlspark.functions.ArgKind.NUMBER;
import static xlspark.functions.ArgKind.NUMBER_NOT_LOGICAL;

import java.util.List;
import java.util.function.DoubleBinaryOperator;
import xlspark.functions.Args;
import xlspark.functions.FunctionSpec;
import xlspark.functions.NumberList;
import xlspark.value.Coerce;
import xlspark.value.ExcelError;
import xlspark.value.Value;

/**
 * Factorials, binomial coefficients, permutations, GCD, LCM and MULTINOMIAL. Arguments are truncated to
 * integers; negative or out-of-range ones are #NUM!.
 */
final class Combinatorics {
  /** The largest integer below which every integer is exact in a double: Excel's GCD/LCM limit. */
  private static final double EXACT_LIMIT = 9_007_199_254_740_992d;
  private static final double[] FACTORIALS = new double[171];

  static {
    FACTORIALS[0] = 1;
    for (int i = 1; i < FACTORIALS.length; i++) {
      FACTORIALS[i] = FACTORIALS[i - 1] * i;
    }
  }

  private Combinatorics() {
  }

  static List<FunctionSpec> specs() {
    return List.of(
        FunctionSpec.unary("FACT", Combinatorics::fact),
        FunctionSpec.builder("FACTDOUBLE", a -> Coerce.number(factDouble(a.num(0)))).arg(NUMBER_NOT_LOGICAL).build(),
        pair("COMBIN", Combinatorics::combin),
        pair("COMBINA", (n, k) -> n < 0 || k < 0 || k > n ? Double.NaN : n + k == 0 ? 1 : binomial(n + k - 1, k)),
        pair("PERMUT", (n, k) -> n <= 0 || k < 0 || k > n ? Double.NaN : permut(n, k)),
        pair("PERMUTATIONA", (n, k) -> n < 0 || k < 0 ? Double.NaN : Math.pow(n, k)),
        FunctionSpec.builder("GCD", Combinatorics::gcd).arg(ARRAY).repeating(ARRAY).build(),
        FunctionSpec.builder("LCM", Combinatorics::lcm).arg(ARRAY).repeating(ARRAY).build(),
        FunctionSpec.builder("MULTINOMIAL", Combinatorics::multinomial).arg(ARRAY).repeating(ARRAY).build());
  }

  /** NAME(number, number_chosen) on truncated integers. */
  private static FunctionSpec pair(String name, DoubleBinaryOperator f) {
    return FunctionSpec.builder(name, a -> Coerce.number(f.applyAsDouble(trunc(a.num(0)), trunc(a.num(1)))))
        .args(NUMBER, NUMBER).build();
  }

  private static double trunc(double x) {
    return x < 0 ? Math.ceil(DecimalRounding.sig15(x)) : Math.floor(DecimalRounding.sig15(x));
  }

  static double fact(double x) {
    double n = trunc(x);
    return n < 0 || n >= FACTORIALS.length ? Double.NaN : FACTORIALS[(int) n];
  }

  /** FACTDOUBLE: n(n-2)(n-4)...; 0 gives 1, negative numbers #NUM!. */
  /** n!! of the truncated number; Excel's cached FACTDOUBLE(-1) is 1 (the empty product), below that #NUM!. */
  private static double factDouble(double x) {
    double n = trunc(x);
    if (n < -1) {
      return Double.NaN;
    }
    double r = 1;
    for (double i = n; i > 1 && !Double.isInfinite(r); i -= 2) {
      r *= i;
    }
    return r;
  }

  private static double combin(double n, double k) {
    return n < 0 || k < 0 || k > n ? Double.NaN : binomial(n, k);
  }

  /** n choose k for integers 0 <= k <= n; stops as soon as the product overflows. */
  static double binomial(double n, double k) {
    double kk = Math.min(k, n - k);
    double r = 1;
    for (double i = 1; i <= kk; i++) {
      r = r * (n - kk + i) / i;
      if (Double.isInfinite(r)) {
        return r;
      }
    }
    return r < EXACT_LIMIT ? Math.rint(r) : r;
  }

  private static double permut(double n, double k) {
    double r = 1;
    for (double i = n - k + 1; i <= n && !Double.isInfinite(r); i++) {
      r *= i;
    }
    return r;
  }

  /** The numbers of all arguments as non-negative integers below 2^53, or null with the error in err[0]. */
  private static double[] naturals(Args a, Value[] err) {
    NumberList l = a.numbers(0);
    if (l.error() != null) {
      err[0] = l.error();
      return null;
    }
    double[] v = l.toArray();
    for (int i = 0; i < v.length; i++) {
      // the sign is checked before truncating: Excel's LCM(-0.4) is #NUM!, not LCM(0)
      boolean negative = v[i] < 0;
      v[i] = trunc(v[i]);
      if (negative || v[i] >= EXACT_LIMIT) {
        err[0] = Value.err(ExcelError.NUM, "arguments must be integers from 0 to 2^53");
        return null;
      }
    }
    return v;
  }

  private static double gcd(double x, double y) {
    while (y != 0) {
      double t = x % y;
      x = y;
      y = t;
    }
    return x;
  }

  static Value gcd(Args a) {
    Value[] err = new Value[1];
    double[] v = naturals(a, err);
    if (v == null) {
      return err[0];
    }
    double g = 0;
    for (double x : v) {
      g = gcd(g, x);
    }
    return Coerce.number(g);
  }

  static Value lcm(Args a) {
    Value[] err = new Value[1];
    double[] v = naturals(a, err);
    if (v == null) {
      return err[0];
    }
    double l = 1;
    for (double x : v) {
      if (x == 0) {
        return Value.ZERO;
      }
      l = l / gcd(l, x) * x;
      if (l >= EXACT_LIMIT) {
        return Value.err(ExcelError.NUM, "result exceeds 2^53");
      }
    }
    return Coerce.number(v.length == 0 ? 0 : l);
  }

  /** MULTINOMIAL: (a+b+...)! / (a! b! ...), built as a product of binomials to stay in range. */
  static Value multinomial(Args a) {
    Value[] err = new Value[1];
    double[] v = naturals(a, err);
    if (v == null) {
      return err[0];
    }
    double sum = 0;
    double r = 1;
    for (double x : v) {
      sum += x;
      r *= binomial(sum, x);
      a.ctx().checkDeadline();
    }
    return Coerce.number(r);
  }
}

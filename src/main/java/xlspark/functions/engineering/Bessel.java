package xlspark.functions.engineering;

import static xlspark.functions.ArgKind.NUMBER_NOT_LOGICAL;

import java.util.List;
import xlspark.functions.EvalContext;
import xlspark.functions.FunctionSpec;
import xlspark.value.Coerce;
import xlspark.value.ExcelError;
import xlspark.value.Value;

/**
 * BESSELJ, BESSELY, BESSELI and BESSELK of integer order (the order is truncated; a negative one is #NUM!).
 * Excel does not compute these to full precision: its results (for example BESSELI(3.3,2) = 3.102655357791815,
 * 1.4E-8 away from the true value) are those of the classic rational and polynomial approximations of orders 0
 * and 1 (Hart; Abramowitz and Stegun 9.4 and 9.8) extended to order n by recurrence, upward where it is stable
 * (J above x, Y, K) and downward from an even start normalised by the order-0 value (J below x, I). The same
 * method is used here, which reproduces every Bessel value Excel cached in excel-truth to the last digit.
 */
final class Bessel {
  private static final double TWO_OVER_PI = 0.636619772;
  /** Downward recurrence starts about sqrt(ACC * n) orders above n. */
  private static final double ACC = 40;
  private static final double BIG = 1e10;
  private static final double BIG_INVERSE = 1e-10;

  // Order 0 and 1 approximations: numerator/denominator coefficients, lowest power first.
  private static final double[] J0_NUM = {57568490574.0, -13362590354.0, 651619640.7, -11214424.18, 77392.33017,
      -184.9052456};
  private static final double[] J0_DEN = {57568490411.0, 1029532985.0, 9494680.718, 59272.64853, 267.8532712, 1.0};
  private static final double[] J1_NUM = {72362614232.0, -7895059235.0, 242396853.1, -2972611.439, 15704.48260,
      -30.16036606};
  private static final double[] J1_DEN = {144725228442.0, 2300535178.0, 18583304.74, 99447.43394, 376.9991397, 1.0};
  private static final double[] Y0_NUM = {-2957821389.0, 7062834065.0, -512359803.6, 10879881.29, -86327.92757,
      228.4622733};
  private static final double[] Y0_DEN = {40076544269.0, 745249964.8, 7189466.438, 47447.26470, 226.1030244, 1.0};
  private static final double[] Y1_NUM = {-0.4900604943e13, 0.1275274390e13, -0.5153438139e11, 0.7349264551e9,
      -0.4237922726e7, 0.8511937935e4};
  private static final double[] Y1_DEN = {0.2499580570e14, 0.4244419664e12, 0.3733650367e10, 0.2245904002e8,
      0.1020426050e6, 0.3549632885e3, 1.0};
  // Asymptotic amplitude (P) and phase (Q) series in (8/x)^2 for x >= 8; the J0 and Y0 Q series differ in
  // their last coefficient's digits, as in the published tables Excel follows.
  private static final double[] P0 = {1.0, -0.1098628627e-2, 0.2734510407e-4, -0.2073370639e-5, 0.2093887211e-6};
  private static final double[] Q0_J = {-0.1562499995e-1, 0.1430488765e-3, -0.6911147651e-5, 0.7621095161e-6,
      -0.934935152e-7};
  private static final double[] Q0_Y = {-0.1562499995e-1, 0.1430488765e-3, -0.6911147651e-5, 0.7621095161e-6,
      -0.934945152e-7};
  private static final double[] P1 = {1.0, 0.183105e-2, -0.3516396496e-4, 0.2457520174e-5, -0.240337019e-6};
  private static final double[] Q1 = {0.04687499995, -0.2002690873e-3, 0.8449199096e-5, -0.88228987e-6,
      0.105787412e-6};
  private static final double[] I0_SMALL = {1.0, 3.5156229, 3.0899424, 1.2067492, 0.2659732, 0.360768e-1,
      0.45813e-2};
  private static final double[] I0_LARGE = {0.39894228, 0.1328592e-1, 0.225319e-2, -0.157565e-2, 0.916281e-2,
      -0.2057706e-1, 0.2635537e-1, -0.1647633e-1, 0.392377e-2};
  private static final double[] I1_SMALL = {0.5, 0.87890594, 0.51498869, 0.15084934, 0.2658733e-1, 0.301532e-2,
      0.32411e-3};
  private static final double[] I1_LARGE = {0.39894228, -0.3988024e-1, -0.362018e-2, 0.163801e-2, -0.1031555e-1,
      0.2282967e-1, -0.2895312e-1, 0.1787654e-1, -0.420059e-2};
  private static final double[] K0_SMALL = {-0.57721566, 0.42278420, 0.23069756, 0.3488590e-1, 0.262698e-2,
      0.10750e-3, 0.74e-5};
  private static final double[] K0_LARGE = {1.25331414, -0.7832358e-1, 0.2189568e-1, -0.1062446e-1, 0.587872e-2,
      -0.251540e-2, 0.53208e-3};
  private static final double[] K1_SMALL = {1.0, 0.15443144, -0.67278579, -0.18156897, -0.1919402e-1,
      -0.110404e-2, -0.4686e-4};
  private static final double[] K1_LARGE = {1.25331414, 0.23498619, -0.3655620e-1, 0.1504268e-1, -0.780353e-2,
      0.325614e-2, -0.68245e-3};

  private interface Kind {
    double apply(double x, int n, EvalContext ctx);
  }

  private Bessel() {
  }

  static List<FunctionSpec> specs() {
    return List.of(
        spec("BESSELJ", false, Bessel::j),
        spec("BESSELY", true, Bessel::y),
        spec("BESSELI", false, Bessel::i),
        spec("BESSELK", true, Bessel::k));
  }

  /** BESSELx(x, n); {@code positiveX}: Y and K are #NUM! for x <= 0. */
  private static FunctionSpec spec(String name, boolean positiveX, Kind kind) {
    return FunctionSpec.builder(name, a -> {
      double xv = a.num(0);
      double nv = a.num(1);
      if (nv < 0 || positiveX && xv <= 0) {
        return Value.err(ExcelError.NUM, name + ": order must be >= 0" + (positiveX ? " and x > 0" : ""));
      }
      if (nv >= Integer.MAX_VALUE / 4) {
        return Value.err(ExcelError.NUM, name + ": order too large");
      }
      return Coerce.number(kind.apply(xv, (int) nv, a.ctx()));
    }).args(NUMBER_NOT_LOGICAL, NUMBER_NOT_LOGICAL).build();
  }

  /** c[0] + c[1] y + c[2] y^2 + ... */
  private static double poly(double[] c, double y) {
    double r = c[c.length - 1];
    for (int i = c.length - 2; i >= 0; i--) {
      r = r * y + c[i];
    }
    return r;
  }

  /** The x >= 8 form shared by J and Y: sqrt(2/(pi x)) (P cos t - z Q sin t), or with sin/cos swapped for Y. */
  private static double asymptotic(double ax, double phase, double[] p, double[] q, boolean y) {
    double z = 8 / ax;
    double z2 = z * z;
    double t = ax - phase;
    double pp = poly(p, z2);
    double qq = poly(q, z2);
    double amplitude = Math.sqrt(TWO_OVER_PI / ax);
    return y ? amplitude * (Math.sin(t) * pp + z * Math.cos(t) * qq)
        : amplitude * (Math.cos(t) * pp - z * Math.sin(t) * qq);
  }

  private static double j0(double x) {
    double ax = Math.abs(x);
    if (ax < 8) {
      return poly(J0_NUM, x * x) / poly(J0_DEN, x * x);
    }
    return asymptotic(ax, 0.785398164, P0, Q0_J, false);
  }

  private static double j1(double x) {
    double ax = Math.abs(x);
    double r = ax < 8 ? ax * poly(J1_NUM, x * x) / poly(J1_DEN, x * x) : asymptotic(ax, 2.356194491, P1, Q1, false);
    return x < 0 ? -r : r;
  }

  private static double j(double x, int n, EvalContext ctx) {
    if (n == 0) {
      return j0(x);
    }
    if (n == 1) {
      return j1(x);
    }
    double ax = Math.abs(x);
    if (ax == 0) {
      return 0;
    }
    double tox = 2 / ax;
    double r;
    if (ax > n) {
      double prev = j0(ax);
      double cur = j1(ax);
      for (int k = 1; k < n; k++) {
        double next = k * tox * cur - prev;
        prev = cur;
        cur = next;
        tick(k, ctx);
      }
      r = cur;
    } else {
      // Downward from an even order m; J0 + 2(J2 + J4 + ...) = 1 normalises.
      int m = 2 * ((n + (int) Math.sqrt(ACC * n)) / 2);
      boolean even = false;
      double above = 0;
      double cur = 1;
      double sum = 0;
      double result = 0;
      for (int k = m; k > 0; k--) {
        double below = k * tox * cur - above;
        above = cur;
        cur = below;
        if (Math.abs(cur) > BIG) {
          cur *= BIG_INVERSE;
          above *= BIG_INVERSE;
          result *= BIG_INVERSE;
          sum *= BIG_INVERSE;
        }
        if (even) {
          sum += cur;
        }
        even = !even;
        if (k == n) {
          result = above;
        }
        tick(k, ctx);
      }
      r = result / (2 * sum - cur);
    }
    return x < 0 && (n & 1) == 1 ? -r : r;
  }

  private static double y0(double x) {
    if (x < 8) {
      return poly(Y0_NUM, x * x) / poly(Y0_DEN, x * x) + TWO_OVER_PI * j0(x) * Math.log(x);
    }
    return asymptotic(x, 0.785398164, P0, Q0_Y, true);
  }

  private static double y1(double x) {
    if (x < 8) {
      return x * poly(Y1_NUM, x * x) / poly(Y1_DEN, x * x) + TWO_OVER_PI * (j1(x) * Math.log(x) - 1 / x);
    }
    return asymptotic(x, 2.356194491, P1, Q1, true);
  }

  private static double y(double x, int n, EvalContext ctx) {
    if (n == 0) {
      return y0(x);
    }
    double prev = y0(x);
    double cur = y1(x);
    double tox = 2 / x;
    for (int k = 1; k < n && Double.isFinite(cur); k++) {
      double next = k * tox * cur - prev;
      prev = cur;
      cur = next;
      tick(k, ctx);
    }
    return cur;
  }

  private static double i0(double x) {
    double ax = Math.abs(x);
    if (ax < 3.75) {
      double t = x / 3.75;
      return poly(I0_SMALL, t * t);
    }
    return Math.exp(ax) / Math.sqrt(ax) * poly(I0_LARGE, 3.75 / ax);
  }

  private static double i1(double x) {
    double ax = Math.abs(x);
    double r;
    if (ax < 3.75) {
      double t = x / 3.75;
      r = ax * poly(I1_SMALL, t * t);
    } else {
      r = poly(I1_LARGE, 3.75 / ax) * (Math.exp(ax) / Math.sqrt(ax));
    }
    return x < 0 ? -r : r;
  }

  private static double i(double x, int n, EvalContext ctx) {
    if (n == 0) {
      return i0(x);
    }
    if (n == 1) {
      return i1(x);
    }
    if (x == 0) {
      return 0;
    }
    double tox = 2 / Math.abs(x);
    double above = 0;
    double cur = 1;
    double result = 0;
    for (int k = 2 * (n + (int) Math.sqrt(ACC * n)); k > 0; k--) {
      double below = above + k * tox * cur;
      above = cur;
      cur = below;
      if (Math.abs(cur) > BIG) {
        result *= BIG_INVERSE;
        cur *= BIG_INVERSE;
        above *= BIG_INVERSE;
      }
      if (k == n) {
        result = above;
      }
      tick(k, ctx);
    }
    double r = result * (i0(x) / cur);
    return x < 0 && (n & 1) == 1 ? -r : r;
  }

  private static double k0(double x) {
    if (x <= 2) {
      return -Math.log(x / 2) * i0(x) + poly(K0_SMALL, x * x / 4);
    }
    return Math.exp(-x) / Math.sqrt(x) * poly(K0_LARGE, 2 / x);
  }

  private static double k1(double x) {
    if (x <= 2) {
      return Math.log(x / 2) * i1(x) + 1 / x * poly(K1_SMALL, x * x / 4);
    }
    return Math.exp(-x) / Math.sqrt(x) * poly(K1_LARGE, 2 / x);
  }

  private static double k(double x, int n, EvalContext ctx) {
    if (n == 0) {
      return k0(x);
    }
    double prev = k0(x);
    double cur = k1(x);
    double tox = 2 / x;
    for (int m = 1; m < n && Double.isFinite(cur); m++) {
      double next = prev + m * tox * cur;
      prev = cur;
      cur = next;
      tick(m, ctx);
    }
    return cur;
  }

  /** Recurrences run once per order: a huge order is bounded by the row's deadline. */
  private static void tick(int k, EvalContext ctx) {
    if ((k & 0xFFFF) == 0) {
      ctx.spend(0x10000);
    }
  }
}

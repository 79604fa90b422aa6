package xlspark.functions.stat;

import java.util.function.DoubleUnaryOperator;

/** Bracketing root finding (Brent's method) for the inverse distributions. */
final class RootFinder {
  private RootFinder() {
  }

  /**
   * Solves f(x) = 0 on [lo, hi] where f(lo) and f(hi) differ in sign (Brent's method); NaN when they do not
   * or when {@code maxIterations} pass without convergence.
   */
  static double solve(DoubleUnaryOperator f, double lo, double hi, int maxIterations) {
    double a = lo;
    double b = hi;
    double fa = f.applyAsDouble(a);
    double fb = f.applyAsDouble(b);
    if (fa == 0) {
      return a;
    }
    if (fb == 0) {
      return b;
    }
    if (Double.isNaN(fa) || Double.isNaN(fb) || fa > 0 == fb > 0) {
      return Double.NaN;
    }
    double c = a;
    double fc = fa;
    double d = b - a;
    double e = d;
    for (int i = 0; i < maxIterations; i++) {
      if (fb > 0 == fc > 0) {
        c = a;
        fc = fa;
        d = b - a;
        e = d;
      }
      if (Math.abs(fc) < Math.abs(fb)) {
        a = b;
        b = c;
        c = a;
        fa = fb;
        fb = fc;
        fc = fa;
      }
      double tol = 4.4e-16 * Math.abs(b) + 1e-300;
      double m = 0.5 * (c - b);
      if (Math.abs(m) <= tol || fb == 0) {
        return b;
      }
      if (Math.abs(e) >= tol && Math.abs(fa) > Math.abs(fb)) {
        double s = fb / fa;
        double p;
        double q;
        if (a == c) {
          p = 2 * m * s;
          q = 1 - s;
        } else {
          double qq = fa / fc;
          double r = fb / fc;
          p = s * (2 * m * qq * (qq - r) - (b - a) * (r - 1));
          q = (qq - 1) * (r - 1) * (s - 1);
        }
        if (p > 0) {
          q = -q;
        } else {
          p = -p;
        }
        if (2 * p < Math.min(3 * m * q - Math.abs(tol * q), Math.abs(e * q))) {
          e = d;
          d = p / q;
        } else {
          d = m;
          e = m;
        }
      } else {
        d = m;
        e = m;
      }
      a = b;
      fa = fb;
      b += Math.abs(d) > tol ? d : m > 0 ? tol : -tol;
      fb = f.applyAsDouble(b);
      if (Double.isNaN(fb)) {
        return Double.NaN;
      }
    }
    return Double.NaN;
  }

  /**
   * Inverts an increasing function on (lo, ∞): finds x with f(x) = p, growing the upper end of the bracket
   * from {@code start} until it passes p.
   */
  static double invertUp(DoubleUnaryOperator f, double p, double lo, double start, int maxIterations) {
    double hi = Math.max(start, lo + 1);
    int grow = 0;
    while (f.applyAsDouble(hi) < p) {
      lo = hi;
      hi *= 2;
      if (++grow > 2000 || Double.isInfinite(hi)) {
        return Double.NaN;
      }
    }
    return solve(x -> f.applyAsDouble(x) - p, lo, hi, maxIterations);
  }
}

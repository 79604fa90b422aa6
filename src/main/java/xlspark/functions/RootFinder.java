package xlspark.functions;

import java.util.function.DoubleUnaryOperator;

/**
 * The root finders of the functions, in one place: {@link #rate} for the financial functions (Newton from a guess,
 * then a widening bracket and bisection) and {@link #bracketed} (Brent's method) with {@link #invertUp} for the
 * inverse distributions. NaN means no root was found (the functions' #NUM!).
 */
public final class RootFinder {
  private RootFinder() {
  }

  /** Newton stops when a step is this small relative to the rate: the root is then exact to double precision. */
  private static final double STEP_TOLERANCE = 1e-10;
  private static final double LOWEST_RATE = -1 + 1e-10;
  private static final double HIGHEST_RATE = 1e10;

  /**
   * A rate r &gt; -1 where f(r) = 0, for IRR, XIRR, RATE and the yields: Newton's method from the guess (Excel's
   * own method), then, when Newton fails, a search for a sign change around the guess refined by bisection. Both
   * are capped at the context's iteration limit and account to its budget; NaN means no root was found.
   */
  public static double rate(DoubleUnaryOperator f, DoubleUnaryOperator df, double guess, EvalContext ctx) {
    return rate(f, df, guess, ctx, 1);
  }

  /** As above, for functions whose evaluation visits {@code cost} values (the cash flows of IRR and XIRR). */
  public static double rate(DoubleUnaryOperator f, DoubleUnaryOperator df, double guess, EvalContext ctx, long cost) {
    double r = newton(f, df, guess, ctx, cost);
    return Double.isNaN(r) ? bisection(f, guess, ctx, cost) : r;
  }

  private static double newton(DoubleUnaryOperator f, DoubleUnaryOperator df, double guess, EvalContext ctx,
                               long cost) {
    double x = guess;
    for (int i = 0; i < ctx.maxIterations(); i++) {
      ctx.spend(2 * cost);
      double fx = f.applyAsDouble(x);
      if (fx == 0) {
        return x;
      }
      double d = df.applyAsDouble(x);
      if (!Double.isFinite(fx) || !Double.isFinite(d) || d == 0) {
        return Double.NaN;
      }
      double next = x - fx / d;
      if (!Double.isFinite(next) || next <= -1) {
        return Double.NaN;
      }
      if (Math.abs(next - x) <= STEP_TOLERANCE * Math.max(1, Math.abs(next))) {
        return next;
      }
      x = next;
    }
    return Double.NaN;
  }

  /** Widens a window around the guess until f changes sign inside it, then bisects that bracket. */
  private static double bisection(DoubleUnaryOperator f, double guess, EvalContext ctx, long cost) {
    double start = Math.max(LOWEST_RATE, Math.min(HIGHEST_RATE, Double.isFinite(guess) ? guess : 0.1));
    double fStart = f.applyAsDouble(start);
    double lo = start;
    double hi = start;
    double fLo = fStart;
    double fHi = fStart;
    double step = 0.01;
    int iterations = 0;
    while (!Double.isFinite(fLo) || !Double.isFinite(fHi) || Math.signum(fLo) == Math.signum(fHi)) {
      if (++iterations > ctx.maxIterations() || lo <= LOWEST_RATE && hi >= HIGHEST_RATE) {
        return Double.NaN;
      }
      ctx.spend(2 * cost);
      double nextLo = Math.max(LOWEST_RATE, start - step);
      double nextHi = Math.min(HIGHEST_RATE, start + step);
      double fNextLo = f.applyAsDouble(nextLo);
      double fNextHi = f.applyAsDouble(nextHi);
      if (signChange(fNextLo, fLo)) {
        hi = lo;
        fHi = fLo;
        lo = nextLo;
        fLo = fNextLo;
        break;
      }
      if (signChange(fHi, fNextHi)) {
        lo = hi;
        fLo = fHi;
        hi = nextHi;
        fHi = fNextHi;
        break;
      }
      lo = nextLo;
      fLo = fNextLo;
      hi = nextHi;
      fHi = fNextHi;
      step *= 2;
    }
    if (fLo == 0 || fHi == 0) {
      return fLo == 0 ? lo : hi;
    }
    for (int i = 0; i < ctx.maxIterations(); i++) {
      ctx.spend(cost);
      double mid = 0.5 * (lo + hi);
      if (mid <= lo || mid >= hi) {
        return mid;
      }
      double fMid = f.applyAsDouble(mid);
      if (fMid == 0) {
        return mid;
      }
      if (signChange(fLo, fMid)) {
        hi = mid;
      } else {
        lo = mid;
        fLo = fMid;
      }
    }
    return 0.5 * (lo + hi);
  }

  private static boolean signChange(double a, double b) {
    return Double.isFinite(a) && Double.isFinite(b) && (a < 0 && b > 0 || a > 0 && b < 0 || a == 0 || b == 0);
  }

  /**
   * Solves f(x) = 0 on [lo, hi] where f(lo) and f(hi) differ in sign (Brent's method); NaN when they do not
   * or when {@code maxIterations} pass without convergence.
   */
  public static double bracketed(DoubleUnaryOperator f, double lo, double hi, int maxIterations) {
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
  public static double invertUp(DoubleUnaryOperator f, double p, double lo, double start, int maxIterations) {
    double hi = Math.max(start, lo + 1);
    int grow = 0;
    while (f.applyAsDouble(hi) < p) {
      lo = hi;
      hi *= 2;
      if (++grow > 2000 || Double.isInfinite(hi)) {
        return Double.NaN;
      }
    }
    return bracketed(x -> f.applyAsDouble(x) - p, lo, hi, maxIterations);
  }
}

package xlspark.functions.financial;

import java.util.function.DoubleUnaryOperator;
import xlspark.functions.EvalContext;

/**
 * Finds a rate r > -1 where f(r) = 0, for IRR, XIRR and RATE: Newton's method from the guess (Excel's own
 * method), then, when Newton fails, a search for a sign change around the guess refined by bisection. Both
 * are capped at the context's iteration limit; NaN means no root was found (the functions' #NUM!).
 */
final class RootFinder {
  /** Newton stops when a step is this small relative to the rate: the root is then exact to double precision. */
  private static final double STEP_TOLERANCE = 1e-10;
  private static final double LOWEST_RATE = -1 + 1e-10;
  private static final double HIGHEST_RATE = 1e10;

  private RootFinder() {
  }

  static double solve(DoubleUnaryOperator f, DoubleUnaryOperator df, double guess, EvalContext ctx) {
    return solve(f, df, guess, ctx, 1);
  }

  /** As above, for functions whose evaluation visits {@code cost} values (the cash flows of IRR and XIRR). */
  static double solve(DoubleUnaryOperator f, DoubleUnaryOperator df, double guess, EvalContext ctx, long cost) {
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
}

package xlspark.functions.stat;

import static xlspark.functions.ArgKind.NUMBER;
import static xlspark.functions.stat.Aggregate.dist;
import static xlspark.functions.stat.SpecialFunctions.betaI;

import java.util.List;
import java.util.function.DoubleUnaryOperator;
import xlspark.functions.RootFinder;
import xlspark.functions.Args;
import xlspark.functions.FunctionSpec;
import xlspark.functions.SpecList;
import xlspark.value.Coerce;
import xlspark.value.ExcelError;
import xlspark.value.Value;

/**
 * Student's t, chi-squared and F distributions, their tails and inverses, and CONFIDENCE.T. Degrees of
 * freedom are truncated to integers and must be at least 1 (at most 10^10); otherwise #NUM!.
 */
final class SamplingDistributions {
  private static final double MAX_DF = 1e10;

  private SamplingDistributions() {
  }

  /** A body that needs the evaluation context (inverses iterate). */
  @FunctionalInterface
  private interface Inverse {
    double apply(Args a);
  }

  private static FunctionSpec inverse(String name, int numbers, Inverse f) {
    FunctionSpec.Builder b = FunctionSpec.builder(name, a -> Coerce.number(f.apply(a)));
    for (int i = 0; i < numbers; i++) {
      b.arg(NUMBER);
    }
    return b.build();
  }

  static List<FunctionSpec> specs() {
    return new SpecList()
        .add(dist("T.DIST", SamplingDistributions::tDist))
        .add(FunctionSpec.binary("T.DIST.2T", (x, df) -> x < 0 ? Double.NaN : 2 * tTail(x, df(df))))
        .add(FunctionSpec.binary("T.DIST.RT", (x, df) -> tCdf(-x, df(df))))
        .add(Aggregate.ternary("TDIST", SamplingDistributions::tDistLegacy))
        .add(inverse("T.INV", 2, a -> tInverse(a, a.num(0), a.num(1))))
        .add(n -> inverse(n, 2, a -> tInverse2(a, a.num(0), a.num(1))), "T.INV.2T", "TINV")
        .add(FunctionSpec.builder("CONFIDENCE.T", SamplingDistributions::confidenceT).args(NUMBER, NUMBER, NUMBER)
            .build())
        .add(dist("CHISQ.DIST", SamplingDistributions::chiDist))
        .add(n -> FunctionSpec.binary(n, SamplingDistributions::chiRight), "CHISQ.DIST.RT", "CHIDIST")
        .add(inverse("CHISQ.INV", 2, a -> chiInverse(a, a.num(0), a.num(1), false)))
        .add(n -> inverse(n, 2, a -> chiInverse(a, a.num(0), a.num(1), true)), "CHISQ.INV.RT", "CHIINV")
        .add(dist("F.DIST", SamplingDistributions::fDist))
        .add(n -> Aggregate.ternary(n, SamplingDistributions::fRight), "F.DIST.RT", "FDIST")
        .add(inverse("F.INV", 3, a -> fInverse(a, false)))
        .add(n -> inverse(n, 3, a -> fInverse(a, true)), "F.INV.RT", "FINV")
        .build();
  }

  /** Truncated degrees of freedom, NaN when below 1 or above 10^10. */
  static double df(double df) {
    double d = Math.floor(df);
    return d < 1 || d > MAX_DF ? Double.NaN : d;
  }

  /** P(T &gt; t) for t ≥ 0. */
  static double tTail(double t, double df) {
    double t2 = t * t;
    if (Double.isInfinite(t2)) {
      return 0;
    }
    return 0.5 * betaI(df / (df + t2), t2 / (df + t2), df / 2, 0.5);
  }

  static double tCdf(double t, double df) {
    return t < 0 ? tTail(-t, df) : 1 - tTail(t, df);
  }

  static double tDist(double x, double dfArg, boolean cumulative) {
    double df = df(dfArg);
    if (cumulative) {
      return tCdf(x, df);
    }
    return Math.exp(-(df + 1) / 2 * Math.log1p(x * x / df) - 0.5 * Math.log(df)
        - SpecialFunctions.lnBeta(df / 2, 0.5));
  }

  /** TDIST(x, df, tails): x ≥ 0, tails 1 or 2 (truncated). */
  static double tDistLegacy(double x, double dfArg, double tails) {
    double t = Math.floor(tails);
    if (x < 0 || t != 1 && t != 2) {
      return Double.NaN;
    }
    return t * tTail(x, df(dfArg));
  }

  /** The t ≥ 0 whose upper tail is q (0 &lt; q ≤ 1/2). */
  private static double tForTail(Args a, double q, double df) {
    if (q >= 0.5) {
      return 0;
    }
    return RootFinder.invertUp(t -> -tTail(t, df), -q, 0, 1, a.ctx().maxIterations());
  }

  /** T.INV: the left-tailed inverse, 0 &lt; p &lt; 1. */
  static double tInverse(Args a, double p, double dfArg) {
    double df = df(dfArg);
    if (!(p > 0 && p < 1) || Double.isNaN(df)) {
      return Double.NaN;
    }
    return p < 0.5 ? -tForTail(a, p, df) : tForTail(a, 1 - p, df);
  }

  /** T.INV.2T and TINV: the two-tailed inverse, 0 &lt; p ≤ 1. */
  static double tInverse2(Args a, double p, double dfArg) {
    double df = df(dfArg);
    if (!(p > 0 && p <= 1) || Double.isNaN(df)) {
      return Double.NaN;
    }
    return tForTail(a, p / 2, df);
  }

  /** CONFIDENCE.T: half-width of Student's confidence interval; #DIV/0! for a sample of one. */
  static Value confidenceT(Args a) {
    double alpha = a.num(0);
    double sd = a.num(1);
    double n = Math.floor(a.num(2));
    if (alpha <= 0 || alpha >= 1 || sd <= 0 || n < 1) {
      return Value.err(ExcelError.NUM);
    }
    if (n == 1) {
      return Value.err(ExcelError.DIV0, "a sample of one has no spread");
    }
    return Coerce.number(tInverse2(a, alpha, n - 1) * sd / Math.sqrt(n));
  }

  static double chiDist(double x, double dfArg, boolean cumulative) {
    double k = df(dfArg);
    if (x < 0 || Double.isNaN(k)) {
      return Double.NaN;
    }
    if (cumulative) {
      return SpecialFunctions.gammaP(k / 2, x / 2);
    }
    if (x == 0) {
      return k < 2 ? Double.NaN : k == 2 ? 0.5 : 0;
    }
    return Math.exp((k / 2 - 1) * Math.log(x) - x / 2 - k / 2 * Math.log(2) - SpecialFunctions.lnGamma(k / 2));
  }

  static double chiRight(double x, double dfArg) {
    double k = df(dfArg);
    return x < 0 || Double.isNaN(k) ? Double.NaN : SpecialFunctions.gammaQ(k / 2, x / 2);
  }

  /** CHISQ.INV (left tail, 0 ≤ p &lt; 1) and CHISQ.INV.RT / CHIINV (right tail, 0 &lt; p ≤ 1). */
  static double chiInverse(Args a, double p, double dfArg, boolean right) {
    double k = df(dfArg);
    if (Double.isNaN(k) || (right ? !(p > 0 && p <= 1) : !(p >= 0 && p < 1))) {
      return Double.NaN;
    }
    if (right ? p == 1 : p == 0) {
      return 0;
    }
    DoubleUnaryOperator f = right ? x -> -SpecialFunctions.gammaQ(k / 2, x / 2)
        : x -> SpecialFunctions.gammaP(k / 2, x / 2);
    return RootFinder.invertUp(f, right ? -p : p, 0, k, a.ctx().maxIterations());
  }

  static double fCdf(double x, double d1, double d2) {
    double s = d1 * x + d2;
    return betaI(d1 * x / s, d2 / s, d1 / 2, d2 / 2);
  }

  static double fSf(double x, double d1, double d2) {
    double s = d1 * x + d2;
    return betaI(d2 / s, d1 * x / s, d2 / 2, d1 / 2);
  }

  static double fDist(double x, double d1Arg, double d2Arg, boolean cumulative) {
    double d1 = df(d1Arg);
    double d2 = df(d2Arg);
    if (x < 0 || Double.isNaN(d1) || Double.isNaN(d2)) {
      return Double.NaN;
    }
    if (cumulative) {
      return fCdf(x, d1, d2);
    }
    if (x == 0) {
      return d1 < 2 ? Double.NaN : d1 == 2 ? 1 : 0;
    }
    double ln = 0.5 * (d1 * Math.log(d1 * x) + d2 * Math.log(d2) - (d1 + d2) * Math.log(d1 * x + d2))
        - Math.log(x) - SpecialFunctions.lnBeta(d1 / 2, d2 / 2);
    return Math.exp(ln);
  }

  static double fRight(double x, double d1, double d2) {
    return x < 0 ? Double.NaN : fSf(x, df(d1), df(d2));
  }

  /** F.INV (left tail, 0 ≤ p &lt; 1) and F.INV.RT / FINV (right tail, 0 &lt; p ≤ 1). */
  static double fInverse(Args a, boolean right) {
    double p = a.num(0);
    double d1 = df(a.num(1));
    double d2 = df(a.num(2));
    if (Double.isNaN(d1) || Double.isNaN(d2) || (right ? !(p > 0 && p <= 1) : !(p >= 0 && p < 1))) {
      return Double.NaN;
    }
    if (right ? p == 1 : p == 0) {
      return 0;
    }
    DoubleUnaryOperator f = right ? x -> -fSf(x, d1, d2) : x -> fCdf(x, d1, d2);
    return RootFinder.invertUp(f, right ? -p : p, 0, 1, a.ctx().maxIterations());
  }
}

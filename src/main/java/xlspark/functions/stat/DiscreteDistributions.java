package xlspark.functions.stat;

import static xlspark.functions.ArgKind.BOOLEAN;
import static xlspark.functions.ArgKind.NUMBER;
import static xlspark.functions.stat.Aggregate.dist;
import static xlspark.functions.stat.SpecialFunctions.betaI;
import static xlspark.functions.stat.SpecialFunctions.lnGamma;

import java.util.List;
import xlspark.functions.Args;
import xlspark.functions.FunctionSpec;
import xlspark.functions.SpecList;
import xlspark.value.Coerce;
import xlspark.value.ExcelError;
import xlspark.value.Value;

/**
 * Discrete distributions: binomial, Poisson, negative binomial and hypergeometric. Counts are truncated to
 * integers; arguments outside a distribution's domain give #NUM!.
 */
final class DiscreteDistributions {
  private DiscreteDistributions() {
  }

  static List<FunctionSpec> specs() {
    return new SpecList()
        .add(n -> dist(n, DiscreteDistributions::binomDist), "BINOM.DIST", "BINOMDIST")
        .add(FunctionSpec.builder("BINOM.DIST.RANGE", DiscreteDistributions::binomRange)
            .args(NUMBER, NUMBER, NUMBER).optionalArg(NUMBER).build())
        .add(n -> Aggregate.ternary(n, DiscreteDistributions::binomInverse), "BINOM.INV", "CRITBINOM")
        .add(n -> dist(n, DiscreteDistributions::poissonDist), "POISSON.DIST", "POISSON")
        .add(dist("NEGBINOM.DIST", DiscreteDistributions::negBinomDist))
        .add(Aggregate.ternary("NEGBINOMDIST", (f, s, p) -> negBinomDist(f, s, p, false)))
        .add(FunctionSpec.builder("HYPGEOM.DIST", a -> hypGeom(a, a.bool(4)))
            .args(NUMBER, NUMBER, NUMBER, NUMBER, BOOLEAN).build())
        .add(FunctionSpec.builder("HYPGEOMDIST", a -> hypGeom(a, false)).args(NUMBER, NUMBER, NUMBER, NUMBER).build())
        .build();
  }

  /** k ln q, taken as 0 when k is 0 (so 0^0 is 1). */
  private static double xlog(double k, double q) {
    return k == 0 ? 0 : k * Math.log(q);
  }

  /** ln C(n, k). */
  static double lnChoose(double n, double k) {
    return lnGamma(n + 1) - lnGamma(k + 1) - lnGamma(n - k + 1);
  }

  static double binomPmf(double s, double n, double p) {
    return Math.exp(lnChoose(n, s) + xlog(s, p) + (n - s == 0 ? 0 : (n - s) * Math.log1p(-p)));
  }

  static double binomCdf(double s, double n, double p) {
    if (s >= n) {
      return 1;
    }
    return betaI(1 - p, p, n - s, s + 1);
  }

  static double binomDist(double sArg, double nArg, double p, boolean cumulative) {
    double s = Math.floor(sArg);
    double n = Math.floor(nArg);
    if (s < 0 || s > n || p < 0 || p > 1) {
      return Double.NaN;
    }
    return cumulative ? binomCdf(s, n, p) : binomPmf(s, n, p);
  }

  /** BINOM.DIST.RANGE(trials, p, s, [s2]): P(s ≤ X ≤ s2), or P(X = s). */
  static Value binomRange(Args a) {
    double n = Math.floor(a.num(0));
    double p = a.num(1);
    double s = Math.floor(a.num(2));
    double s2 = a.given(3) ? Math.floor(a.num(3)) : s;
    if (n < 0 || p < 0 || p > 1 || s < 0 || s > n || s2 < s || s2 > n) {
      return Value.err(ExcelError.NUM);
    }
    if (s2 - s > 1000) {
      return Coerce.number(binomCdf(s2, n, p) - (s == 0 ? 0 : binomCdf(s - 1, n, p)));
    }
    double sum = 0;
    for (double k = s; k <= s2; k++) {
      sum += binomPmf(k, n, p);
    }
    return Coerce.number(sum);
  }

  /** BINOM.INV: the smallest k whose cumulative binomial probability reaches alpha. */
  static double binomInverse(double nArg, double p, double alpha) {
    double n = Math.floor(nArg);
    if (n < 0 || p < 0 || p > 1 || alpha < 0 || alpha > 1) {
      return Double.NaN;
    }
    double target = alpha * (1 - 1e-14);
    double lo = 0;
    double hi = n;
    while (lo < hi) {
      double mid = Math.floor((lo + hi) / 2);
      if (binomCdf(mid, n, p) >= target) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }

  static double poissonDist(double xArg, double mean, boolean cumulative) {
    double x = Math.floor(xArg);
    if (x < 0 || mean < 0) {
      return Double.NaN;
    }
    if (mean == 0) {
      return cumulative || x == 0 ? 1 : 0;
    }
    if (!cumulative) {
      return Math.exp(x * Math.log(mean) - mean - lnGamma(x + 1));
    }
    if (x < 1000 && mean < 700) {
      double term = Math.exp(-mean);
      double sum = term;
      for (int i = 1; i <= x; i++) {
        term *= mean / i;
        sum += term;
      }
      return Math.min(1, sum);
    }
    return SpecialFunctions.gammaQ(x + 1, mean);
  }

  /** NEGBINOM.DIST(failures, successes, p, cumulative). */
  static double negBinomDist(double fArg, double sArg, double p, boolean cumulative) {
    double f = Math.floor(fArg);
    double s = Math.floor(sArg);
    if (f < 0 || s < 1 || p < 0 || p > 1) {
      return Double.NaN;
    }
    if (cumulative) {
      return betaI(p, 1 - p, s, f + 1);
    }
    return Math.exp(lnChoose(f + s - 1, s - 1) + xlog(s, p) + (f == 0 ? 0 : f * Math.log1p(-p)));
  }

  /** HYPGEOM.DIST(sample_s, number_sample, population_s, number_pop, [cumulative]). */
  static Value hypGeom(Args a, boolean cumulative) {
    double s = Math.floor(a.num(0));
    double n = Math.floor(a.num(1));
    double m = Math.floor(a.num(2));
    double pop = Math.floor(a.num(3));
    double min = Math.max(0, n - pop + m);
    // a sample, successes or population of 0 is allowed: Excel's cached HYPGEOM.DIST(0,0,0,0,FALSE) is 1
    if (s < 0 || n < 0 || m < 0 || pop < 0 || n > pop || m > pop || s > Math.min(n, m) || s < min) {
      return Value.err(ExcelError.NUM);
    }
    double lnTotal = lnChoose(pop, n);
    if (!cumulative) {
      return Coerce.number(Math.exp(lnChoose(m, s) + lnChoose(pop - m, n - s) - lnTotal));
    }
    double sum = 0;
    for (double k = min; k <= s; k++) {
      sum += Math.exp(lnChoose(m, k) + lnChoose(pop - m, n - k) - lnTotal);
      a.ctx().checkDeadline();
    }
    return Coerce.number(Math.min(1, sum));
  }
}

package xlspark.functions.stat;

import static xlspark.functions.ArgKind.BOOLEAN;
import static xlspark.functions.ArgKind.NUMBER;
import static xlspark.functions.stat.Aggregate.dist;
import static xlspark.functions.stat.Aggregate.ternary;
import static xlspark.functions.stat.SpecialFunctions.normCdf;
import static xlspark.functions.stat.SpecialFunctions.normInv;
import static xlspark.functions.stat.SpecialFunctions.normPdf;

import java.util.List;
import xlspark.functions.RootFinder;
import xlspark.functions.Args;
import xlspark.functions.FunctionSpec;
import xlspark.functions.SpecList;
import xlspark.value.Coerce;
import xlspark.value.ExcelError;
import xlspark.value.Value;

/**
 * Continuous distributions of location-scale families and the gamma function: normal, log-normal,
 * exponential, Weibull, gamma, beta, with their inverses, plus FISHER, PHI, GAUSS and CONFIDENCE. Arguments
 * out of a distribution's domain give #NUM!.
 */
final class Distributions {
  private Distributions() {
  }

  static List<FunctionSpec> specs() {
    return new SpecList()
        .add(n -> dist(n, Distributions::normDist), "NORM.DIST", "NORMDIST")
        .add(dist("NORM.S.DIST", (z, cum) -> cum ? normCdf(z) : normPdf(z)))
        .add(FunctionSpec.unary("NORMSDIST", SpecialFunctions::normCdf))
        .add(n -> ternary(n, Distributions::normInverse), "NORM.INV", "NORMINV")
        .add(n -> FunctionSpec.unary(n, SpecialFunctions::normInv), "NORM.S.INV", "NORMSINV")
        .add(dist("LOGNORM.DIST", Distributions::logNormDist))
        .add(ternary("LOGNORMDIST", (x, m, sd) -> logNormDist(x, m, sd, true)))
        .add(n -> ternary(n, Distributions::logNormInverse), "LOGNORM.INV", "LOGINV")
        .add(n -> dist(n, Distributions::exponDist), "EXPON.DIST", "EXPONDIST")
        .add(n -> dist(n, Distributions::weibullDist), "WEIBULL.DIST", "WEIBULL")
        .add(n -> dist(n, Distributions::gammaDist), "GAMMA.DIST", "GAMMADIST")
        .add(n -> FunctionSpec.builder(n, a -> Coerce.number(gammaInverse(a, a.num(0), a.num(1), a.num(2))))
            .args(NUMBER, NUMBER, NUMBER).build(), "GAMMA.INV", "GAMMAINV")
        .add(FunctionSpec.unary("GAMMA", SpecialFunctions::gamma))
        .add(n -> FunctionSpec.unary(n, SpecialFunctions::lnGamma), "GAMMALN", "GAMMALN.PRECISE")
        .add(FunctionSpec.builder("BETA.DIST", a -> beta(a, true)).args(NUMBER, NUMBER, NUMBER, BOOLEAN)
            .optionalArg(NUMBER, 0).optionalArg(NUMBER, 1).build())
        .add(FunctionSpec.builder("BETADIST", a -> beta(a, false)).args(NUMBER, NUMBER, NUMBER)
            .optionalArg(NUMBER, 0).optionalArg(NUMBER, 1).build())
        .add(n -> FunctionSpec.builder(n, Distributions::betaInverse).args(NUMBER, NUMBER, NUMBER)
            .optionalArg(NUMBER, 0).optionalArg(NUMBER, 1).build(), "BETA.INV", "BETAINV")
        .add(FunctionSpec.unary("PHI", SpecialFunctions::normPdf))
        .add(FunctionSpec.unary("GAUSS", z -> normCdf(z) - 0.5))
        .add(FunctionSpec.unary("FISHER", x -> Math.abs(x) >= 1 ? Double.NaN : 0.5 * Math.log1p(2 * x / (1 - x))))
        .add(FunctionSpec.unary("FISHERINV", Math::tanh))
        .add(n -> ternary(n, Distributions::confidenceNorm), "CONFIDENCE", "CONFIDENCE.NORM")
        .build();
  }

  static double normDist(double x, double mean, double sd, boolean cumulative) {
    if (sd <= 0) {
      return Double.NaN;
    }
    double z = (x - mean) / sd;
    return cumulative ? normCdf(z) : normPdf(z) / sd;
  }

  static double normInverse(double p, double mean, double sd) {
    return sd <= 0 ? Double.NaN : mean + sd * normInv(p);
  }

  static double logNormDist(double x, double mean, double sd, boolean cumulative) {
    if (x <= 0 || sd <= 0) {
      return Double.NaN;
    }
    double z = (Math.log(x) - mean) / sd;
    return cumulative ? normCdf(z) : normPdf(z) / (sd * x);
  }

  static double logNormInverse(double p, double mean, double sd) {
    return sd <= 0 ? Double.NaN : Math.exp(mean + sd * normInv(p));
  }

  static double exponDist(double x, double lambda, boolean cumulative) {
    if (x < 0 || lambda <= 0) {
      return Double.NaN;
    }
    return cumulative ? -Math.expm1(-lambda * x) : lambda * Math.exp(-lambda * x);
  }

  static double weibullDist(double x, double alpha, double beta, boolean cumulative) {
    if (x < 0 || alpha <= 0 || beta <= 0) {
      return Double.NaN;
    }
    double t = Math.pow(x / beta, alpha);
    if (cumulative) {
      return -Math.expm1(-t);
    }
    return alpha / beta * Math.pow(x / beta, alpha - 1) * Math.exp(-t);
  }

  static double gammaDist(double x, double alpha, double beta, boolean cumulative) {
    if (x < 0 || alpha <= 0 || beta <= 0) {
      return Double.NaN;
    }
    if (cumulative) {
      return SpecialFunctions.gammaP(alpha, x / beta);
    }
    if (x == 0) {
      return alpha < 1 ? Double.NaN : alpha == 1 ? 1 / beta : 0;
    }
    return Math.exp((alpha - 1) * Math.log(x / beta) - x / beta - SpecialFunctions.lnGamma(alpha)) / beta;
  }

  /** GAMMA.INV: x with GAMMA.DIST(x, alpha, beta, TRUE) = p. */
  static double gammaInverse(Args a, double p, double alpha, double beta) {
    if (p < 0 || p >= 1 || alpha <= 0 || beta <= 0) {
      return Double.NaN;
    }
    if (p == 0) {
      return 0;
    }
    return beta * RootFinder.invertUp(x -> SpecialFunctions.gammaP(alpha, x), p, 0, alpha,
        a.ctx().maxIterations());
  }

  /** BETA.DIST(x, alpha, beta, cumulative, [A=0], [B=1]) and BETADIST (cumulative, no flag). */
  private static Value beta(Args a, boolean flag) {
    int bounds = flag ? 4 : 3;
    double lo = a.num(bounds);
    double hi = a.num(bounds + 1);
    double x = a.num(0);
    double alpha = a.num(1);
    double beta = a.num(2);
    boolean cumulative = !flag || a.bool(3);
    if (alpha <= 0 || beta <= 0 || x < lo || x > hi || lo >= hi) {
      return Value.err(ExcelError.NUM);
    }
    double t = (x - lo) / (hi - lo);
    double u = (hi - x) / (hi - lo);
    if (cumulative) {
      return Coerce.number(SpecialFunctions.betaI(t, u, alpha, beta));
    }
    double ln = (alpha - 1) * Math.log(t) + (beta - 1) * Math.log(u) - SpecialFunctions.lnBeta(alpha, beta);
    return Coerce.number(Math.exp(ln) / (hi - lo));
  }

  /** BETA.INV(p, alpha, beta, [A=0], [B=1]). */
  private static Value betaInverse(Args a) {
    double p = a.num(0);
    double alpha = a.num(1);
    double beta = a.num(2);
    double lo = a.num(3);
    double hi = a.num(4);
    if (p <= 0 || p > 1 || alpha <= 0 || beta <= 0 || lo >= hi) {
      return Value.err(ExcelError.NUM);
    }
    double t = p == 1 ? 1 : RootFinder.bracketed(x -> SpecialFunctions.betaI(x, 1 - x, alpha, beta) - p, 0, 1,
        a.ctx().maxIterations());
    return Coerce.number(lo + t * (hi - lo));
  }

  /** CONFIDENCE.NORM: half-width of the normal confidence interval; size is truncated and at least 1. */
  static double confidenceNorm(double alpha, double sd, double size) {
    double n = Math.floor(size);
    if (alpha <= 0 || alpha >= 1 || sd <= 0 || n < 1) {
      return Double.NaN;
    }
    return normInv(1 - alpha / 2) * sd / Math.sqrt(n);
  }
}

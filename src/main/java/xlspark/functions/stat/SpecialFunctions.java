package xlspark.functions.stat;

/**
 * The numerical kernels of the distributions: log-gamma and gamma (Lanczos), the error function, the normal
 * distribution and its inverse, the regularized incomplete gamma and beta functions (series and continued
 * fractions, modified Lentz). Results are accurate to about 1e-14 relative in the usual ranges; domain
 * errors are NaN (the caller's #NUM!).
 */
public final class SpecialFunctions {
  static final double SQRT_2PI = 2.5066282746310002;
  static final double LN_SQRT_2PI = 0.9189385332046728;
  private static final double SQRT_PI = 1.7724538509055160;
  private static final double EPS = 1e-16;
  private static final double FPMIN = 1e-300;
  private static final int MAX_TERMS = 1_000_000;
  private static final double LANCZOS_G = 7;
  private static final double[] LANCZOS = {
      0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
      -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
      1.5056327351493116e-7};

  private SpecialFunctions() {
  }

  private static double lanczosSum(double z) {
    double a = LANCZOS[0];
    for (int i = 1; i < LANCZOS.length; i++) {
      a += LANCZOS[i] / (z + i);
    }
    return a;
  }

  /** ln Γ(x) for x > 0. */
  static double lnGamma(double x) {
    if (!(x > 0)) {
      return Double.NaN;
    }
    if (x < 0.5) {
      return Math.log(Math.PI / Math.sin(Math.PI * x)) - lnGamma(1 - x);
    }
    if (x == 1 || x == 2) {
      return 0;
    }
    double z = x - 1;
    double t = z + LANCZOS_G + 0.5;
    return LN_SQRT_2PI + (z + 0.5) * Math.log(t) - t + Math.log(lanczosSum(z));
  }

  /** Γ(x); NaN at 0 and the negative integers, infinite above about 171.6. */
  static double gamma(double x) {
    if (x == Math.rint(x)) {
      if (x <= 0) {
        return Double.NaN;
      }
      if (x > 171) {
        return Double.POSITIVE_INFINITY;
      }
      double f = 1;
      for (int i = 2; i < x; i++) {
        f *= i;
      }
      return f;
    }
    if (x < 0.5) {
      return Math.PI / (sinPi(x) * gamma(1 - x));
    }
    double z = x - 1;
    double t = z + LANCZOS_G + 0.5;
    double half = Math.pow(t, (z + 0.5) / 2);
    return SQRT_2PI * half * Math.exp(-t) * half * lanczosSum(z);
  }

  /** sin(πx), exact at integers and half-integers. */
  private static double sinPi(double x) {
    double r = x - 2 * Math.floor(x / 2);
    if (r == 0 || r == 1) {
      return 0;
    }
    return r == 0.5 ? 1 : r == 1.5 ? -1 : Math.sin(Math.PI * r);
  }

  /** ln B(a, b), with Stirling's series for large arguments to avoid cancellation. */
  static double lnBeta(double a, double b) {
    if (Math.min(a, b) < 10) {
      return lnGamma(a) + lnGamma(b) - lnGamma(a + b);
    }
    double s = a + b;
    return LN_SQRT_2PI + (a - 0.5) * Math.log(a / s) + (b - 0.5) * Math.log(b / s) - 0.5 * Math.log(s)
        + stirlingTail(a) + stirlingTail(b) - stirlingTail(s);
  }

  /** ln Γ(z) - ((z - 1/2) ln z - z + ln √(2π)) for z ≥ 10. */
  private static double stirlingTail(double z) {
    double z2 = z * z;
    return (1.0 / 12 - (1.0 / 360 - (1.0 / 1260 - (1.0 / 1680 - 1.0 / (1188 * z2)) / z2) / z2) / z2) / z;
  }

  /** erf(x): the one error function kernel (ERF, ERF.PRECISE and the normal distribution use it). */
  public static double erf(double x) {
    double ax = Math.abs(x);
    if (ax < 1.5) {
      return erfSeries(x);
    }
    double r = 1 - erfcFraction(ax);
    return x < 0 ? -r : r;
  }

  /** erfc(x) = 1 - erf(x), accurate in the right tail. */
  public static double erfc(double x) {
    if (x < 0) {
      return 2 - erfc(-x);
    }
    return x < 1.5 ? 1 - erfSeries(x) : erfcFraction(x);
  }

  /** erf by the series 2/√π e^(-x²) Σ 2ⁿ x^(2n+1) / (1·3···(2n+1)), whose terms are all positive. */
  private static double erfSeries(double x) {
    double x2 = x * x;
    double term = x;
    double sum = x;
    for (int n = 1; n < 200; n++) {
      term *= 2 * x2 / (2 * n + 1);
      sum += term;
      if (Math.abs(term) <= Math.abs(sum) * EPS) {
        break;
      }
    }
    return 2 / SQRT_PI * Math.exp(-x2) * sum;
  }

  /** erfc(x) = Q(1/2, x²) by Legendre's continued fraction, for x ≥ 1.5. */
  private static double erfcFraction(double x) {
    double x2 = x * x;
    double h = gammaFraction(0.5, x2);
    return Math.exp(-x2) * x / SQRT_PI * h;
  }

  /** The standard normal cumulative distribution Φ(z). */
  static double normCdf(double z) {
    return 0.5 * erfc(-z / Math.sqrt(2));
  }

  /** The standard normal density φ(z). */
  static double normPdf(double z) {
    return Math.exp(-0.5 * z * z) / SQRT_2PI;
  }

  /**
   * Φ⁻¹(p) for 0 &lt; p &lt; 1: Acklam's rational approximation refined by two Halley steps on the exact Φ.
   */
  static double normInv(double p) {
    if (!(p > 0 && p < 1)) {
      return Double.NaN;
    }
    if (p == 0.5) {
      return 0;
    }
    double x = acklam(p);
    for (int i = 0; i < 2; i++) {
      double e = normCdf(x) - p;
      double u = e * SQRT_2PI * Math.exp(x * x / 2);
      x = x - u / (1 + x * u / 2);
    }
    return x;
  }

  private static double acklam(double p) {
    final double plow = 0.02425;
    if (p < plow) {
      double q = Math.sqrt(-2 * Math.log(p));
      return (((((-7.784894002430293e-03 * q - 3.223964580411365e-01) * q - 2.400758277161838e+00) * q
          - 2.549732539343734e+00) * q + 4.374664141464968e+00) * q + 2.938163982698783e+00)
          / ((((7.784695709041462e-03 * q + 3.224671290700398e-01) * q + 2.445134137142996e+00) * q
          + 3.754408661907416e+00) * q + 1);
    }
    if (p > 1 - plow) {
      return -acklam(1 - p);
    }
    double q = p - 0.5;
    double r = q * q;
    return (((((-3.969683028665376e+01 * r + 2.209460984245205e+02) * r - 2.759285104469687e+02) * r
        + 1.383577518672690e+02) * r - 3.066479806614716e+01) * r + 2.506628277459239e+00) * q
        / (((((-5.447609879822406e+01 * r + 1.615858368580409e+02) * r - 1.556989798598866e+02) * r
        + 6.680131188771972e+01) * r - 1.328068155288572e+01) * r + 1);
  }

  /** The regularized lower incomplete gamma function P(a, x). */
  static double gammaP(double a, double x) {
    if (x <= 0) {
      return 0;
    }
    if (x < a + 1) {
      return gammaSeries(a, x);
    }
    return 1 - gammaFront(a, x) * gammaFraction(a, x);
  }

  /** The regularized upper incomplete gamma function Q(a, x) = 1 - P(a, x). */
  static double gammaQ(double a, double x) {
    if (x <= 0) {
      return 1;
    }
    if (x < a + 1) {
      return 1 - gammaSeries(a, x);
    }
    return gammaFront(a, x) * gammaFraction(a, x);
  }

  private static double gammaFront(double a, double x) {
    return Math.exp(-x + a * Math.log(x) - lnGamma(a));
  }

  private static double gammaSeries(double a, double x) {
    double ap = a;
    double del = 1 / a;
    double sum = del;
    for (int n = 0; n < MAX_TERMS; n++) {
      ap++;
      del *= x / ap;
      sum += del;
      if (Math.abs(del) < Math.abs(sum) * EPS) {
        return sum * gammaFront(a, x);
      }
    }
    return Double.NaN;
  }

  /** The continued fraction of Q(a, x) without its front factor e^(-x) x^a / Γ(a). */
  private static double gammaFraction(double a, double x) {
    double b = x + 1 - a;
    double c = 1 / FPMIN;
    double d = 1 / b;
    double h = d;
    for (int i = 1; i < MAX_TERMS; i++) {
      double an = -i * (i - a);
      b += 2;
      d = an * d + b;
      if (Math.abs(d) < FPMIN) {
        d = FPMIN;
      }
      c = b + an / c;
      if (Math.abs(c) < FPMIN) {
        c = FPMIN;
      }
      d = 1 / d;
      double del = d * c;
      h *= del;
      if (Math.abs(del - 1) < EPS) {
        return h;
      }
    }
    return Double.NaN;
  }

  /**
   * The regularized incomplete beta function I_x(a, b), given x and y = 1 - x separately so that either
   * tail keeps its precision; the other tail is {@code betaI(y, x, b, a)}.
   */
  static double betaI(double x, double y, double a, double b) {
    if (x <= 0) {
      return 0;
    }
    if (y <= 0) {
      return 1;
    }
    double front = Math.exp(a * Math.log(x) + b * Math.log(y) - lnBeta(a, b));
    if (x < (a + 1) / (a + b + 2)) {
      return front * betaFraction(a, b, x) / a;
    }
    return 1 - front * betaFraction(b, a, y) / b;
  }

  private static double betaFraction(double a, double b, double x) {
    double qab = a + b;
    double qap = a + 1;
    double qam = a - 1;
    double c = 1;
    double d = 1 - qab * x / qap;
    if (Math.abs(d) < FPMIN) {
      d = FPMIN;
    }
    d = 1 / d;
    double h = d;
    for (int m = 1; m < MAX_TERMS; m++) {
      int m2 = 2 * m;
      double aa = m * (b - m) * x / ((qam + m2) * (a + m2));
      d = 1 + aa * d;
      d = Math.abs(d) < FPMIN ? FPMIN : d;
      c = 1 + aa / c;
      c = Math.abs(c) < FPMIN ? FPMIN : c;
      d = 1 / d;
      h *= d * c;
      aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
      d = 1 + aa * d;
      d = Math.abs(d) < FPMIN ? FPMIN : d;
      c = 1 + aa / c;
      c = Math.abs(c) < FPMIN ? FPMIN : c;
      d = 1 / d;
      double del = d * c;
      h *= del;
      if (Math.abs(del - 1) < EPS) {
        return h;
      }
    }
    return Double.NaN;
  }
}

package xlspark.functions.math;

/**
 * Rounding on the decimal Excel shows rather than on the binary double: a number is first read as its
 * 15 significant digits (2.675 is stored as 2.67499999999999982..., but Excel shows and rounds 2.675), then
 * rounded at the requested decimal place with long arithmetic. No BigDecimal, no text: one log10, a few
 * multiplications, and a correctly rounded division back to a double.
 */
public final class DecimalRounding {
  /** How the digit at the rounding place is decided. */
  public enum Mode {
    /** Half away from zero (ROUND). */
    HALF_UP,
    /** Away from zero (ROUNDUP). */
    UP,
    /** Toward zero (ROUNDDOWN, TRUNC). */
    DOWN
  }

  private static final double[] POW10 = new double[23];
  private static final long[] LPOW10 = new long[19];
  private static final long DIGITS_16 = 1_000_000_000_000_000L;
  private static final double LOG10_2 = Math.log10(2);

  static {
    double d = 1;
    for (int i = 0; i < POW10.length; i++) {
      POW10[i] = d;
      d *= 10;
    }
    long l = 1;
    for (int i = 0; i < LPOW10.length; i++) {
      LPOW10[i] = l;
      l *= 10;
    }
  }

  private DecimalRounding() {
  }

  /** Rounds half away from zero at {@code digits} decimals (negative: left of the point), as ROUND. */
  public static double round(double x, int digits) {
    return round(x, digits, Mode.HALF_UP);
  }

  /**
   * Rounds {@code x} at {@code digits} decimals in the given mode, working on its 15-significant-digit
   * decimal. Digits beyond the 15th significant one are never kept.
   */
  public static double round(double x, int digits, Mode mode) {
    if (x == 0 || Double.isNaN(x) || Double.isInfinite(x)) {
      return x;
    }
    double a = Math.abs(x);
    int s = 14 - exponent10(a);
    long m = scaled(a, s);
    if (m >= DIGITS_16) {
      m /= 10;
      s--;
    }
    int k = s - digits;
    double r;
    if (k <= 0) {
      r = unscale(m, s);
    } else {
      long q;
      if (k > 15) {
        q = mode == Mode.UP ? 1 : 0;
      } else {
        long p = LPOW10[k];
        q = m / p;
        long rem = m - q * p;
        if (mode == Mode.UP ? rem > 0 : mode == Mode.HALF_UP && rem * 2 >= p) {
          q++;
        }
      }
      r = unscale(q, digits);
    }
    return x < 0 ? -r : r;
  }

  /** {@code x} to 15 significant digits: the number as Excel displays and compares it. */
  public static double sig15(double x) {
    if (x == 0 || Double.isNaN(x) || Double.isInfinite(x)) {
      return x;
    }
    double a = Math.abs(x);
    int s = 14 - exponent10(a);
    double r = unscale(scaled(a, s), s);
    return x < 0 ? -r : r;
  }

  /** Floor of {@code a} on its 15-digit decimal, so 2.9999999999999996 (shown as 3) floors to 3. */
  public static double floor15(double x) {
    return Math.floor(sig15(x));
  }

  /** Ceiling on the 15-digit decimal, so 2.0000000000000004 (shown as 2) stays 2. */
  public static double ceil15(double x) {
    return Math.ceil(sig15(x));
  }

  /** {@code floor(log10(a))} for a positive finite {@code a}, exact at powers of ten; no log10 call. */
  static int exponent10(double a) {
    if (Double.isInfinite(a)) {
      // The loop below would count to Integer.MAX_VALUE (about a minute) and overflow: found by fuzzing.
      return 308;
    }
    int e = (int) Math.floor(Math.getExponent(a) * LOG10_2);
    while (a >= pow10(e + 1)) {
      e++;
    }
    while (a < pow10(e)) {
      e--;
    }
    return e;
  }

  private static double pow10(int e) {
    if (e >= 0 && e < POW10.length) {
      return POW10[e];
    }
    if (e < 0 && -e < POW10.length) {
      return 1 / POW10[-e];
    }
    return Math.pow(10, e);
  }

  /**
   * {@code round(a * 10^s)} as a long; {@code a * 10^s} is below 10^15 by the choice of s. When the
   * rounded product lands exactly on .5, the exact residual (by fma) says which side the true product is.
   */
  private static long scaled(double a, int s) {
    double v;
    if (s >= 0 && s < POW10.length) {
      v = a * POW10[s];
      if (v - Math.floor(v) == 0.5) {
        double residual = Math.fma(a, POW10[s], -v);
        return residual < 0 ? (long) Math.floor(v) : (long) Math.ceil(v);
      }
    } else if (s < 0 && -s < POW10.length) {
      v = a / POW10[-s];
      if (v - Math.floor(v) == 0.5) {
        double residual = -Math.fma(v, POW10[-s], -a);
        return residual < 0 ? (long) Math.floor(v) : (long) Math.ceil(v);
      }
    } else if (s > 0) {
      v = a * POW10[POW10.length - 1] * Math.pow(10, s - (POW10.length - 1));
    } else {
      v = a / POW10[POW10.length - 1] / Math.pow(10, -s - (POW10.length - 1));
    }
    return Math.round(v);
  }

  /** The double nearest to {@code q / 10^scale}. */
  private static double unscale(long q, int scale) {
    if (q == 0) {
      return 0;
    }
    if (scale >= 0 && scale < POW10.length) {
      return q / POW10[scale];
    }
    if (scale < 0 && -scale < POW10.length) {
      return q * POW10[-scale];
    }
    return Double.parseDouble(q + "E" + (-scale));
  }
}

package xlspark.value;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** Number-to-text conversions: the job's output form and Excel's General form. */
public final class NumberText {
  private static final MathContext DIGITS_15 = new MathContext(15, RoundingMode.HALF_EVEN);

  private NumberText() {
  }

  /**
   * The output column form: the shortest decimal that reads back as the same double; plain notation from
   * 1E-6 up to 1E+21, {@code 1.5E-7} / {@code 2E+21} outside; integers without ".0"; -0 as 0.
   */
  public static String shortest(double d) {
    if (d == 0) {
      return "0";
    }
    if (d == Math.rint(d) && Math.abs(d) < 1e15) {
      return Long.toString((long) d);
    }
    double abs = Math.abs(d);
    if (abs >= 1e-3 && abs < 1e7) {
      // Double.toString gives plain notation here; up to 15 significant digits it is already the shortest.
      String s = Double.toString(d);
      int significant = s.length() - (d < 0 ? 2 : 1) - leadingZeros(s);
      if (significant <= 15) {
        return s;
      }
    }
    BigDecimal bd = shortestDecimal(d);
    if (abs >= 1e-6 && abs < 1e21) {
      return bd.toPlainString();
    }
    return scientific(bd);
  }

  private static int leadingZeros(String s) {
    int i = s.charAt(0) == '-' ? 1 : 0;
    int n = 0;
    for (; i < s.length() && (s.charAt(i) == '0' || s.charAt(i) == '.'); i++) {
      if (s.charAt(i) == '0') {
        n++;
      }
    }
    return n;
  }

  /** Java 17's Double.toString is not always the shortest; trim digits while the value still round-trips. */
  static BigDecimal shortestDecimal(double d) {
    BigDecimal bd = new BigDecimal(Double.toString(d)).stripTrailingZeros();
    int p = bd.precision();
    if (p >= 16) {
      for (int digits = 15; digits < p; digits++) {
        BigDecimal r = bd.round(new MathContext(digits, RoundingMode.HALF_EVEN));
        if (r.doubleValue() == d) {
          return r.stripTrailingZeros();
        }
      }
    }
    return bd;
  }

  private static String scientific(BigDecimal bd) {
    String digits = bd.unscaledValue().abs().toString();
    int exp = digits.length() - 1 - bd.scale();
    StringBuilder sb = new StringBuilder();
    if (bd.signum() < 0) {
      sb.append('-');
    }
    sb.append(digits.charAt(0));
    String rest = digits.substring(1).replaceAll("0+$", "");
    if (!rest.isEmpty()) {
      sb.append('.').append(rest);
    }
    sb.append('E').append(exp < 0 ? '-' : '+').append(Math.abs(exp));
    return sb.toString();
  }

  /**
   * Excel's General format as used when a number becomes text ({@code "x"&1/3}): at most 15 significant
   * digits; scientific notation from 1E+15 up and below 1E-9... as Excel does for text conversion.
   */
  public static String general(double d) {
    if (d == 0) {
      return "0";
    }
    if (d == Math.rint(d) && Math.abs(d) < 1e15) {
      return Long.toString((long) d);
    }
    BigDecimal bd = new BigDecimal(d).round(DIGITS_15).stripTrailingZeros();
    double abs = Math.abs(bd.doubleValue());
    if (abs >= 1e-9 && abs < 1e15 && bd.scale() <= 20) {
      return bd.toPlainString();
    }
    return scientific(bd);
  }

  /** Rounds to 15 significant digits, the precision Excel keeps when it shows or compares numbers. */
  public static double round15(double d) {
    if (d == 0 || Double.isNaN(d) || Double.isInfinite(d)) {
      return d;
    }
    return new BigDecimal(d).round(DIGITS_15).doubleValue();
  }
}

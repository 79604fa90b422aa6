package xlspark.functions.text;

/**
 * Excel's "General" number format as TEXT applies it: at most about 11 characters, so 1/3 is 0.333333333,
 * 1234.56789012 is 1234.56789, and numbers of 12 or more digits or tiny fractions switch to scientific
 * notation with six significant digits (1.23457E+11).
 */
final class GeneralFormat {
  private static final int WIDTH = 11;

  private GeneralFormat() {
  }

  /** The General text of |x| (the caller adds any sign). */
  static String of(double x) {
    DecimalDigits d = DecimalDigits.of(x);
    if (d.isZero()) {
      return "0";
    }
    int magnitude = d.point - 1;
    if (magnitude >= WIDTH || magnitude <= -10) {
      return scientific(d);
    }
    if (magnitude >= -4 && magnitude <= -1) {
      return d.roundSignificant(10 + magnitude).plain();
    }
    if (magnitude >= 0) {
      return d.roundSignificant(Math.max(10, magnitude + 1)).plain();
    }
    String fixed = d.roundDecimals(12).plain();
    return fixed.length() <= WIDTH ? fixed : scientific(d);
  }

  private static String scientific(DecimalDigits d) {
    DecimalDigits r = d.roundSignificant(6);
    int exp = r.point - 1;
    String digits = r.digits;
    StringBuilder sb = new StringBuilder(12);
    sb.append(digits.charAt(0));
    if (digits.length() > 1) {
      sb.append('.').append(digits, 1, digits.length());
    }
    sb.append(exp < 0 ? "E-" : "E+");
    int a = Math.abs(exp);
    if (a < 10) {
      sb.append('0');
    }
    return sb.append(a).toString();
  }
}

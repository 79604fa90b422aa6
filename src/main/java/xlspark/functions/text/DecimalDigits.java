package xlspark.functions.text;

/**
 * A non-negative number as decimal digits, the way Excel displays it: first rounded to 15 significant digits
 * (so 1.005 is 1.00500000000000 and shows as 1.01 at two decimals), then rounded half away from zero where
 * the format cuts it. The value is 0.DIGITS × 10^point; zero has no digits. Plain char arithmetic, no
 * BigDecimal: formats are applied millions of times.
 */
final class DecimalDigits {
  private static final int EXCEL_PRECISION = 15;
  private static final DecimalDigits ZERO = new DecimalDigits("", 0);

  /** Significant digits without leading or trailing zeros. */
  final String digits;
  /** Position of the decimal point relative to the first digit. */
  final int point;

  private DecimalDigits(String digits, int point) {
    this.digits = digits;
    this.point = point;
  }

  /** The digits of |x| at Excel's 15-digit precision. */
  static DecimalDigits of(double x) {
    double abs = Math.abs(x);
    if (abs == 0 || !Double.isFinite(abs)) {
      return ZERO;
    }
    String s = Double.toString(abs);
    int e = s.indexOf('E');
    int exp = e < 0 ? 0 : Integer.parseInt(s.substring(e + 1));
    String mantissa = e < 0 ? s : s.substring(0, e);
    int dot = mantissa.indexOf('.');
    StringBuilder d = new StringBuilder(mantissa.length());
    int point = (dot < 0 ? mantissa.length() : dot) + exp;
    for (int i = 0; i < mantissa.length(); i++) {
      char c = mantissa.charAt(i);
      if (c != '.') {
        d.append(c);
      }
    }
    int lead = 0;
    while (lead < d.length() - 1 && d.charAt(lead) == '0') {
      lead++;
    }
    return normalized(d.substring(lead), point - lead).keep(EXCEL_PRECISION);
  }

  private static DecimalDigits normalized(String d, int point) {
    int end = d.length();
    while (end > 0 && d.charAt(end - 1) == '0') {
      end--;
    }
    return end == 0 ? ZERO : new DecimalDigits(d.substring(0, end), point);
  }

  boolean isZero() {
    return digits.isEmpty();
  }

  /** Rounded half away from zero to {@code decimals} places after the point (negative: before it). */
  DecimalDigits roundDecimals(int decimals) {
    return keep((long) point + decimals);
  }

  /** Rounded to {@code n} significant digits. */
  DecimalDigits roundSignificant(int n) {
    return keep(n);
  }

  private DecimalDigits keep(long n) {
    if (n >= digits.length()) {
      return this;
    }
    if (n < 0) {
      return ZERO;
    }
    int k = (int) n;
    boolean up = digits.charAt(k) >= '5';
    if (!up) {
      return normalized(digits.substring(0, k), point);
    }
    char[] c = digits.substring(0, k).toCharArray();
    int i = k - 1;
    while (i >= 0 && c[i] == '9') {
      c[i] = '0';
      i--;
    }
    if (i < 0) {
      return new DecimalDigits("1", point + 1);
    }
    c[i]++;
    return normalized(new String(c), point);
  }

  /** This number times 10^places. */
  DecimalDigits times10(int places) {
    return isZero() ? this : new DecimalDigits(digits, point + places);
  }

  /** The digits before the point, without leading zeros ("" below 1). */
  String integerPart() {
    if (point <= 0) {
      return "";
    }
    if (point >= digits.length()) {
      return digits + "0".repeat(point - digits.length());
    }
    return digits.substring(0, point);
  }

  /** The first {@code count} digits after the point, zero-padded. */
  String fractionPart(int count) {
    StringBuilder sb = new StringBuilder(count);
    for (int i = 0; i < count; i++) {
      int idx = point + i;
      sb.append(idx >= 0 && idx < digits.length() ? digits.charAt(idx) : '0');
    }
    return sb.toString();
  }

  /** The number in plain notation with every digit ("123.45", "0.00012"). */
  String plain() {
    if (isZero()) {
      return "0";
    }
    String ip = integerPart();
    int decimals = Math.max(0, digits.length() - point);
    return (ip.isEmpty() ? "0" : ip) + (decimals > 0 ? "." + fractionPart(decimals) : "");
  }
}

package xlspark.functions.engineering;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import xlspark.value.Coerce;
import xlspark.value.ExcelError;
import xlspark.value.Value;
import xlspark.value.Value.Blank;
import xlspark.value.Value.Bool;
import xlspark.value.Value.Num;
import xlspark.value.Value.Text;

/**
 * A complex number as Excel's IM* functions read and write it: text such as {@code 3+4i}, {@code -2.5j},
 * {@code i}, {@code 1E-3-i}, or a plain number. The suffix is {@code i} or {@code j} (lower case only) and
 * is 0 for a number written without one; two operands with different suffixes are #NUM!.
 */
record Complex(double re, double im, char suffix) {
  private static final MathContext DIGITS_15 = new MathContext(15, RoundingMode.HALF_EVEN);

  static final Complex ZERO = new Complex(0, 0, (char) 0);

  /**
   * The complex number of an argument, or null with the error in {@code err[0]}: text that is not a complex
   * number is #NUM!, a logical value #VALUE!; a blank is 0; error values are returned as they are.
   */
  static Complex read(Value v, Value[] err) {
    if (v instanceof Num n) {
      return new Complex(n.v(), 0, (char) 0);
    }
    if (v instanceof Blank) {
      return ZERO;
    }
    if (v instanceof Bool) {
      err[0] = Value.err(ExcelError.VALUE, "a logical value is not a complex number");
      return null;
    }
    if (v instanceof Text t) {
      Complex z = parse(t.s());
      if (z == null) {
        err[0] = Value.err(ExcelError.NUM, "\"" + abbreviate(t.s()) + "\" is not a complex number");
      }
      return z;
    }
    if (v instanceof Value.Arr a) {
      return read(a.cells()[0], err);
    }
    err[0] = v;
    return null;
  }

  private static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 40) + "...";
  }

  /**
   * Parses Excel's complex text: {@code [real]}, {@code [real](+|-)[imag](i|j)} or {@code [+|-][imag](i|j)},
   * where a missing imaginary coefficient is 1; no spaces. Null when the text is not of that form.
   */
  static Complex parse(String s) {
    int n = s.length();
    if (n == 0) {
      return ZERO;
    }
    if (n > 400) {
      return null;
    }
    char last = s.charAt(n - 1);
    if (last != 'i' && last != 'j') {
      int end = numberEnd(s, 0);
      return end == n ? new Complex(Double.parseDouble(s), 0, (char) 0) : null;
    }
    String body = s.substring(0, n - 1);
    // The imaginary part starts at the last sign that is not the sign of an exponent.
    int split = -1;
    for (int i = body.length() - 1; i >= 0; i--) {
      char c = body.charAt(i);
      if ((c == '+' || c == '-') && (i == 0 || Character.toLowerCase(body.charAt(i - 1)) != 'e')) {
        split = i;
        break;
      }
    }
    String realText = split <= 0 ? "" : body.substring(0, split);
    String imagText = split < 0 ? body : body.substring(split);
    double re = 0;
    if (!realText.isEmpty()) {
      if (numberEnd(realText, 0) != realText.length()) {
        return null;
      }
      re = Double.parseDouble(realText);
    }
    double im;
    if (imagText.isEmpty() || imagText.equals("+")) {
      im = 1;
    } else if (imagText.equals("-")) {
      im = -1;
    } else if (numberEnd(imagText, 0) == imagText.length()) {
      im = Double.parseDouble(imagText);
    } else {
      return null;
    }
    return new Complex(re, im, last);
  }

  /** The end of a number (sign, digits, point, exponent) starting at {@code from}; -1 when there is none. */
  private static int numberEnd(String s, int from) {
    int i = from;
    int n = s.length();
    if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
      i++;
    }
    boolean digits = false;
    boolean point = false;
    for (; i < n; i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        digits = true;
      } else if (c == '.' && !point) {
        point = true;
      } else {
        break;
      }
    }
    if (!digits) {
      return -1;
    }
    if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
      int j = i + 1;
      if (j < n && (s.charAt(j) == '+' || s.charAt(j) == '-')) {
        j++;
      }
      int start = j;
      while (j < n && s.charAt(j) >= '0' && s.charAt(j) <= '9') {
        j++;
      }
      if (j == start) {
        return -1;
      }
      i = j;
    }
    return i;
  }

  /** The suffix two operands agree on (the first one written), or -1 when they disagree. */
  static int commonSuffix(char a, char b) {
    if (a == 0) {
      return b;
    }
    return b == 0 || b == a ? a : -1;
  }

  Complex with(double r, double i) {
    return new Complex(r, i, suffix);
  }

  double abs() {
    return Math.hypot(re, im);
  }

  double arg() {
    return Math.atan2(im, re);
  }

  boolean isZero() {
    return re == 0 && im == 0;
  }

  /** The text Excel writes: each part to 15 significant digits, {@code i} for a unit coefficient. */
  Value toValue() {
    if (!Double.isFinite(re) || !Double.isFinite(im)) {
      return Value.err(ExcelError.NUM);
    }
    String r = part(re);
    String i = part(Math.abs(im));
    char sfx = suffix == 0 ? 'i' : suffix;
    if (i.equals("0")) {
      return Coerce.text(r);
    }
    String coefficient = i.equals("1") ? "" : i;
    String sign = im < 0 ? "-" : "";
    if (r.equals("0")) {
      return Coerce.text(sign + coefficient + sfx);
    }
    return Coerce.text(r + (im < 0 ? "-" : "+") + coefficient + sfx);
  }

  /**
   * One part as C's {@code %.15G} writes it, which matches every complex result Excel cached: plain from 1E-4
   * up to 1E+15, otherwise scientific with a two-digit exponent at least ({@code 2.24044486393732E-06}).
   */
  static String part(double d) {
    if (d == 0) {
      return "0";
    }
    BigDecimal bd = new BigDecimal(d).round(DIGITS_15).stripTrailingZeros();
    int exponent = bd.precision() - bd.scale() - 1;
    if (exponent >= -4 && exponent < 15) {
      return bd.toPlainString();
    }
    String digits = bd.unscaledValue().abs().toString();
    StringBuilder sb = new StringBuilder(24);
    if (bd.signum() < 0) {
      sb.append('-');
    }
    sb.append(digits.charAt(0));
    if (digits.length() > 1) {
      sb.append('.').append(digits, 1, digits.length());
    }
    sb.append('E').append(exponent < 0 ? '-' : '+');
    int e = Math.abs(exponent);
    if (e < 10) {
      sb.append('0');
    }
    return sb.append(e).toString();
  }
}

package xlspark.functions.text;

import xlspark.functions.text.FormatToken.Kind;

/**
 * Renders a non-negative number with a number section: plain ({@code #,##0.00}), scientific
 * ({@code 0.00E+00}) or fraction ({@code # ?/?}). Digit placeholders are filled from the point outwards:
 * {@code 0} shows a zero where there is no digit, {@code ?} a space, {@code #} nothing, and the leftmost
 * integer placeholder takes all remaining digits.
 */
final class NumberRenderer {
  private NumberRenderer() {
  }

  static String render(FormatSection s, double x) {
    double v = x;
    for (int i = 0; i < s.percents; i++) {
      v *= 100;
    }
    for (int i = 0; i < s.scaleCommas; i++) {
      v /= 1000;
    }
    StringBuilder out = new StringBuilder(16);
    if (s.numeratorStart >= 0) {
      fraction(s, v, out);
    } else if (s.exponent >= 0) {
      scientific(s, v, out);
    } else {
      plain(s, v, out);
    }
    return out.toString();
  }

  private static void plain(FormatSection s, double v, StringBuilder out) {
    FormatToken[] t = s.tokens;
    if (s.count(Kind.DIGIT, 0, t.length) == 0 && s.point < 0) {
      for (FormatToken k : t) {
        out.append(k.text());
      }
      return;
    }
    int intEnd = s.point >= 0 ? s.point : t.length;
    int decimals = s.point >= 0 ? s.count(Kind.DIGIT, s.point + 1, t.length) : 0;
    DecimalDigits d = DecimalDigits.of(v).roundDecimals(decimals);
    fillInteger(t, 0, intEnd, d.integerPart(), s.grouping, out);
    if (s.point >= 0) {
      out.append('.');
      fillFraction(t, s.point + 1, t.length, d.fractionPart(decimals), out);
    }
  }

  private static void scientific(FormatSection s, double v, StringBuilder out) {
    FormatToken[] t = s.tokens;
    int mantissaEnd = s.exponent;
    int intEnd = s.point >= 0 && s.point < mantissaEnd ? s.point : mantissaEnd;
    int intPlaces = s.count(Kind.DIGIT, 0, intEnd);
    int decimals = s.point >= 0 && s.point < mantissaEnd ? s.count(Kind.DIGIT, s.point + 1, mantissaEnd) : 0;
    boolean engineering = intPlaces > 1 && hasHash(t, 0, intEnd);
    DecimalDigits d = DecimalDigits.of(v);
    int exp = 0;
    String intDigits = "";
    String frac = "0".repeat(decimals);
    if (!d.isZero()) {
      for (int attempt = 0; attempt < 2; attempt++) {
        int magnitude = d.point - 1;
        exp = engineering ? Math.floorDiv(magnitude, intPlaces) * intPlaces : magnitude - Math.max(intPlaces, 1) + 1;
        int whole = magnitude - exp + 1;
        DecimalDigits r = d.roundSignificant(whole + decimals);
        if (r.point == d.point) {
          DecimalDigits shifted = r.times10(-exp);
          intDigits = shifted.integerPart();
          frac = shifted.fractionPart(decimals);
          break;
        }
        d = r;
      }
    }
    fillInteger(t, 0, intEnd, intDigits, s.grouping, out);
    if (s.point >= 0 && s.point < mantissaEnd) {
      out.append('.');
      fillFraction(t, s.point + 1, mantissaEnd, frac, out);
    }
    String sign = t[s.exponent].text().substring(1);
    out.append(t[s.exponent].text().charAt(0));
    out.append(exp < 0 ? "-" : sign.equals("+") ? "+" : "");
    int expEnd = s.exponent + 1;
    while (expEnd < t.length && t[expEnd].is(Kind.DIGIT)) {
      expEnd++;
    }
    fillInteger(t, s.exponent + 1, expEnd, Math.abs(exp) == 0 ? "" : Integer.toString(Math.abs(exp)), false, out);
    for (int i = expEnd; i < t.length; i++) {
      out.append(t[i].text());
    }
  }

  private static boolean hasHash(FormatToken[] t, int from, int to) {
    for (int i = from; i < to; i++) {
      if (t[i].is(Kind.DIGIT) && t[i].text().equals("#")) {
        return true;
      }
    }
    return false;
  }

  /** Mixed ({@code # ?/?}) or improper ({@code ?/?}) fractions, the denominator fixed or up to 10^n - 1. */
  private static void fraction(FormatSection s, double v, StringBuilder out) {
    FormatToken[] t = s.tokens;
    int numStart = s.numeratorStart;
    boolean mixed = s.count(Kind.DIGIT, 0, numStart) > 0;
    double whole = mixed ? Math.floor(v) : 0;
    double frac = v - whole;
    int denDigits = s.count(Kind.DIGIT, s.slash + 1, t.length);
    long num;
    long den;
    if (s.fixedDenominator > 0) {
      den = s.fixedDenominator;
      num = Math.round(frac * den);
    } else {
      long[] best = approximate(frac, (long) Math.pow(10, Math.min(Math.max(denDigits, 1), 4)) - 1);
      num = best[0];
      den = best[1];
    }
    if (mixed && num == den) {
      whole++;
      num = 0;
    }
    int denEnd = s.slash + 1;
    while (denEnd < t.length && (t[denEnd].is(Kind.DIGIT)
        || s.fixedDenominator > 0 && FormatSection.isDigitLiteral(t[denEnd]))) {
      denEnd++;
    }
    String wholeDigits = whole == 0 ? "" : DecimalDigits.of(whole).integerPart();
    if (mixed && num == 0) {
      fillInteger(t, 0, numStart, wholeDigits.isEmpty() ? "0" : wholeDigits, s.grouping, out);
      for (int i = numStart; i < denEnd; i++) {
        out.append(" ".repeat(t[i].text().length()));
      }
    } else {
      fillInteger(t, 0, numStart, wholeDigits, s.grouping, out);
      fillInteger(t, numStart, s.slash, Long.toString(num), false, out);
      out.append('/');
      String denText = Long.toString(den);
      if (s.fixedDenominator > 0) {
        out.append(denText);
      } else {
        out.append(denText);
        for (int i = denText.length(); i < denDigits; i++) {
          out.append(t[s.slash + 1 + i].text().equals("0") ? "0" : " ");
        }
      }
    }
    for (int i = denEnd; i < t.length; i++) {
      out.append(t[i].text());
    }
  }

  /** The closest fraction num/den to x (0 <= x) with den up to maxDen, the smallest denominator on ties. */
  static long[] approximate(double x, long maxDen) {
    long bestNum = Math.round(x);
    long bestDen = 1;
    double bestErr = Math.abs(x - bestNum);
    for (long den = 2; den <= maxDen && bestErr > 0; den++) {
      long num = Math.round(x * den);
      double err = Math.abs(x - (double) num / den);
      if (err < bestErr - 1e-15) {
        bestErr = err;
        bestNum = num;
        bestDen = den;
      }
    }
    return new long[] {bestNum, bestDen};
  }

  /**
   * Renders tokens[from, to) with {@code digits} filling the digit placeholders from the right; literals stay
   * in place. Without placeholders the digits follow the literals (".00" still shows 12.50). Thousands separators
   * go by placeholder position, an empty {@code #} counting too: Excel shows 1234578 with
   * {@code #,##00000000####0###} as 0,000,000,01,234,578 (the fourth # from the right is empty).
   */
  static void fillInteger(FormatToken[] t, int from, int to, String digits, boolean grouping, StringBuilder out) {
    int first = -1;
    for (int i = from; i < to; i++) {
      if (t[i].is(Kind.DIGIT)) {
        first = i;
        break;
      }
    }
    if (first < 0) {
      for (int i = from; i < to; i++) {
        out.append(t[i].text());
      }
      appendGrouped(out, digits, grouping);
      return;
    }
    StringBuilder rev = new StringBuilder(16);
    int di = digits.length() - 1;
    int pos = 0;
    for (int i = to - 1; i >= from; i--) {
      FormatToken k = t[i];
      if (!k.is(Kind.DIGIT)) {
        rev.append(new StringBuilder(k.text()).reverse());
        continue;
      }
      if (di >= 0) {
        do {
          pos = digit(rev, digits.charAt(di--), pos, grouping);
        } while (i == first && di >= 0);
      } else if (k.text().equals("0")) {
        pos = digit(rev, '0', pos, grouping);
      } else {
        rev.append(k.text().equals("?") ? " " : "");
        pos++;
      }
    }
    out.append(rev.reverse());
  }

  private static int digit(StringBuilder rev, char c, int pos, boolean grouping) {
    if (grouping && pos > 0 && pos % 3 == 0) {
      rev.append(',');
    }
    rev.append(c);
    return pos + 1;
  }

  private static void appendGrouped(StringBuilder out, String digits, boolean grouping) {
    for (int i = 0; i < digits.length(); i++) {
      if (grouping && i > 0 && (digits.length() - i) % 3 == 0) {
        out.append(',');
      }
      out.append(digits.charAt(i));
    }
  }

  /** Decimal placeholders left to right; trailing zeros vanish under {@code #} and become spaces under {@code ?}. */
  static void fillFraction(FormatToken[] t, int from, int to, String frac, StringBuilder out) {
    int lastNonZero = -1;
    for (int i = 0; i < frac.length(); i++) {
      if (frac.charAt(i) != '0') {
        lastNonZero = i;
      }
    }
    int j = 0;
    for (int i = from; i < to; i++) {
      FormatToken k = t[i];
      if (!k.is(Kind.DIGIT)) {
        out.append(k.text());
        continue;
      }
      if (j <= lastNonZero || k.text().equals("0")) {
        out.append(frac.charAt(j));
      } else if (k.text().equals("?")) {
        out.append(' ');
      }
      j++;
    }
  }
}

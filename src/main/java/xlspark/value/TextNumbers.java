package xlspark.value;

/**
 * Reads text as a number the way Excel's implicit conversion and VALUE do: plain and scientific numbers,
 * signs, thousands separators, currency, percent, parentheses for negatives, times and common dates.
 */
public final class TextNumbers {
  private TextNumbers() {
  }

  /** A plain number only (digits, sign, point, exponent); NaN otherwise. */
  public static double parsePlain(String s) {
    int n = s.length();
    if (n == 0 || n > 400) {
      return Double.NaN;
    }
    int i = 0;
    char c0 = s.charAt(0);
    if (c0 == '+' || c0 == '-') {
      i++;
    }
    boolean digits = false;
    boolean dot = false;
    for (; i < n; i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        digits = true;
      } else if (c == '.' && !dot) {
        dot = true;
      } else {
        break;
      }
    }
    if (!digits) {
      return Double.NaN;
    }
    if (i < n) {
      char c = s.charAt(i);
      if (c != 'e' && c != 'E') {
        return Double.NaN;
      }
      i++;
      if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
        i++;
      }
      int expStart = i;
      while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
        i++;
      }
      if (i == expStart || i != n) {
        return Double.NaN;
      }
    }
    try {
      return Double.parseDouble(s);
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  /**
   * A number as typed into a cell (surrounding white space ignored): sign, digits with optional thousands
   * grouping ({@code 1,234.5}), decimals, exponent and one trailing percent sign ({@code 0.0%} is 0, {@code 50%}
   * 0.5); NaN otherwise. Currency, dates and times are not read here.
   */
  public static double parseCell(String text) {
    String t = text.strip();
    if (t.isEmpty() || t.length() > 400 || !CELL_NUMBER.matcher(t).matches()) {
      return Double.NaN;
    }
    boolean percent = t.endsWith("%");
    double d = Double.parseDouble((percent ? t.substring(0, t.length() - 1) : t).replace(",", ""));
    return Double.isFinite(d) ? (percent ? d / 100 : d) : Double.NaN;
  }

  private static final java.util.regex.Pattern CELL_NUMBER = java.util.regex.Pattern.compile(
      "[+-]?(?:(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?%?");

  /**
   * Excel's text-to-number conversion; NaN when the text is not a number, time or date. A date counts in
   * {@code dates}, the run's date system.
   */
  public static double parse(String text, DateSystem dates) {
    String s = text.trim();
    if (s.isEmpty()) {
      return Double.NaN;
    }
    double d = parsePlain(s);
    if (!Double.isNaN(d)) {
      return d;
    }
    boolean negative = false;
    if (s.startsWith("(") && s.endsWith(")")) {
      negative = true;
      s = s.substring(1, s.length() - 1).trim();
    }
    if (s.startsWith("-")) {
      negative = !negative;
      s = s.substring(1).trim();
    } else if (s.startsWith("+")) {
      s = s.substring(1).trim();
    }
    if (s.startsWith("$")) {
      s = s.substring(1).trim();
      if (s.startsWith("-")) {
        negative = !negative;
        s = s.substring(1).trim();
      }
    }
    double scale = 1;
    if (s.endsWith("%")) {
      scale = 0.01;
      s = s.substring(0, s.length() - 1).trim();
    }
    d = parseGrouped(s);
    if (Double.isNaN(d) && scale == 1) {
      d = mixedFraction(s);
    }
    if (Double.isNaN(d) && scale == 1) {
      d = DateText.parse(s, dates);
    }
    if (Double.isNaN(d)) {
      return Double.NaN;
    }
    d *= scale;
    return negative ? -d : d;
  }

  /** A whole number and a fraction, "1 1/2" (1.5), as Excel reads a typed fraction; NaN otherwise. */
  private static double mixedFraction(String s) {
    int space = s.indexOf(' ');
    int slash = s.indexOf('/');
    if (space < 1 || slash < space || s.length() > 40) {
      return Double.NaN;
    }
    String whole = s.substring(0, space);
    String num = s.substring(space, slash).trim();
    String den = s.substring(slash + 1);
    if (!digits(whole) || !digits(num) || !digits(den)) {
      return Double.NaN;
    }
    double d = Double.parseDouble(den);
    return d == 0 ? Double.NaN : Double.parseDouble(whole) + Double.parseDouble(num) / d;
  }

  private static boolean digits(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  /** A number that may have thousands separators in the right places ("1,000.5"). */
  private static double parseGrouped(String s) {
    if (s.indexOf(',') < 0) {
      return s.isEmpty() || s.charAt(0) == '+' || s.charAt(0) == '-' ? Double.NaN : parsePlain(s);
    }
    int dot = s.indexOf('.');
    String intPart = dot < 0 ? s : s.substring(0, dot);
    String[] groups = intPart.split(",", -1);
    if (groups[0].isEmpty() || groups[0].length() > 3) {
      return Double.NaN;
    }
    for (int g = 1; g < groups.length; g++) {
      if (groups[g].length() != 3) {
        return Double.NaN;
      }
    }
    String plain = String.join("", groups) + (dot < 0 ? "" : s.substring(dot));
    return plain.charAt(0) == '+' || plain.charAt(0) == '-' ? Double.NaN : parsePlain(plain);
  }
}

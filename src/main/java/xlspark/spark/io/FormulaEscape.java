package xlspark.spark.io;

import java.util.regex.Pattern;

/**
 * The rule against CSV injection ({@code --csv-escape-formulas}), applied to the text exactly as the file will hold
 * it: a text a spreadsheet could run as a formula gets a leading {@code '}. That is a text whose first character is
 * {@code = + - @}, tab or carriage return (OWASP), and also one where {@code = + - @} follows leading white space,
 * line breaks, control or invisible (format) characters, which some spreadsheets skip when they open a file. Texts
 * that are numbers ({@code -5}, {@code +1e3}, {@code -5%}) are data a spreadsheet reads as numbers and stay as they
 * are.
 */
public final class FormulaEscape {
  private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?%?");

  private FormulaEscape() {}

  /** {@code text} as the escaped file holds it; null stays null. */
  public static String escape(String text) {
    return text != null && risky(text) ? "'" + text : text;
  }

  static boolean risky(String text) {
    if (text.isEmpty()) {
      return false;
    }
    char first = text.charAt(0);
    if (first == '\t' || first == '\r') {
      return true;
    }
    int i = 0;
    while (i < text.length() && skipped(text.charAt(i))) {
      i++;
    }
    if (i == text.length() || "=+-@".indexOf(text.charAt(i)) < 0) {
      return false;
    }
    int end = text.length();
    while (end > i && skipped(text.charAt(end - 1))) {
      end--;
    }
    return !NUMBER.matcher(text.substring(i, end)).matches();
  }

  private static boolean skipped(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c)
        || Character.getType(c) == Character.FORMAT;
  }
}

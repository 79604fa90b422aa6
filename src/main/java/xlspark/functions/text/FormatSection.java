package xlspark.functions.text;

import java.util.ArrayList;
import java.util.List;
import xlspark.functions.text.FormatToken.Kind;

/**
 * One section of a format code with its layout worked out once: whether it formats dates, numbers or text,
 * where the decimal point, exponent and fraction bar are, and what its commas mean (a comma between integer
 * digits groups thousands; commas after the last digit divide by 1000 each).
 */
final class FormatSection {
  enum Type { NUMBER, DATE, TEXT }

  /** A condition such as {@code [>=100]}. */
  record Condition(String op, double value) {
    boolean test(double x) {
      return switch (op) {
        case "<" -> x < value;
        case "<=" -> x <= value;
        case ">" -> x > value;
        case ">=" -> x >= value;
        case "<>" -> x != value;
        default -> x == value;
      };
    }

    /** True for conditions that only hold for negative numbers, whose section shows no minus sign. */
    boolean negativeOnly() {
      return op.startsWith("<") && !op.equals("<>") && (value < 0 || value == 0 && op.equals("<"));
    }
  }

  final FormatToken[] tokens;
  final Condition condition;
  final Type type;
  /** A code Excel refuses (TEXT gives #VALUE!): an unclosed quote, a decimal point in the exponent. */
  boolean invalid;
  boolean grouping;
  int scaleCommas;
  int percents;
  /** Token indexes of the decimal point, exponent and fraction bar, or -1. */
  int point = -1;
  int exponent = -1;
  int slash = -1;
  /** For fractions: the fixed denominator (0 when it has digit placeholders) and where the fraction starts. */
  int fixedDenominator;
  int numeratorStart = -1;
  /** For dates: digits of the fractions of seconds shown, and whether hours are on a 12-hour clock. */
  int subsecondDigits;
  boolean twelveHour;

  FormatSection(List<FormatToken> raw, Condition condition) {
    this.condition = condition;
    this.type = typeOf(raw);
    List<FormatToken> t = type == Type.DATE ? dateTokens(raw) : type == Type.NUMBER ? numberTokens(raw) : raw;
    this.tokens = t.toArray(new FormatToken[0]);
  }

  private static Type typeOf(List<FormatToken> raw) {
    boolean digits = false;
    boolean at = false;
    for (FormatToken t : raw) {
      if (t.is(Kind.DATE) || t.is(Kind.ELAPSED) || t.is(Kind.AMPM)) {
        return Type.DATE;
      }
      digits |= t.is(Kind.DIGIT) || t.is(Kind.GENERAL);
      at |= t.is(Kind.AT);
    }
    return !digits && at ? Type.TEXT : Type.NUMBER;
  }

  int count(Kind k, int from, int to) {
    int n = 0;
    for (int i = Math.max(0, from); i < Math.min(to, tokens.length); i++) {
      n += tokens[i].is(k) ? 1 : 0;
    }
    return n;
  }

  private List<FormatToken> numberTokens(List<FormatToken> raw) {
    List<FormatToken> t = new ArrayList<>(raw);
    int exp = indexOf(t, Kind.EXPONENT, 0);
    int bar = fractionBar(t, exp);
    int mantissaEnd = exp >= 0 ? exp : bar >= 0 ? bar : t.size();
    int pt = indexOf(t, Kind.POINT, 0);
    // Excel refuses a decimal point after E+ (TEXT(1234578.555,"0##e+8800######  .  #") is #VALUE!)
    invalid |= exp >= 0 && indexOf(t, Kind.POINT, exp) > exp;
    if (pt >= mantissaEnd || bar >= 0) {
      pt = -1;
    }
    int intEnd = pt >= 0 ? pt : mantissaEnd;
    // Digit placeholders before each index (the loop below replaces only commas, points and slashes).
    int[] digitsBefore = new int[t.size() + 1];
    boolean[] separator = new boolean[t.size()];
    for (int i = 0; i < t.size(); i++) {
      digitsBefore[i + 1] = digitsBefore[i] + (t.get(i).is(Kind.DIGIT) ? 1 : 0);
    }
    for (int i = 0; i < t.size(); i++) {
      FormatToken k = t.get(i);
      if (k.is(Kind.PERCENT)) {
        percents++;
      } else if (k.is(Kind.POINT) && i != pt) {
        t.set(i, FormatToken.literal("."));
      } else if (k.is(Kind.SLASH) && i != bar) {
        t.set(i, FormatToken.literal("/"));
      } else if (k.is(Kind.COMMA)) {
        int partStart = i < intEnd ? 0 : pt + 1;
        int partEnd = i < intEnd ? intEnd : mantissaEnd;
        boolean before = hasDigit(digitsBefore, partStart, i);
        // only a comma right after a digit placeholder (or after such a comma) separates or scales; after a
        // literal it is shown: Excel's "#x,0x#" shows 8901x,2x3 and ".  # ,0" shows a comma among the decimals
        boolean afterPlaceholder = i > 0 && (raw.get(i - 1).is(Kind.DIGIT) || separator[i - 1]);
        separator[i] = before && afterPlaceholder && i < mantissaEnd;
        if (!separator[i]) {
          t.set(i, FormatToken.literal(","));
          continue;
        }
        if (hasDigit(digitsBefore, i + 1, partEnd)) {
          grouping |= i < intEnd;
        } else {
          scaleCommas++;
        }
        t.set(i, null);
      }
    }
    List<FormatToken> out = new ArrayList<>(t.size());
    for (FormatToken k : t) {
      if (k != null) {
        out.add(k);
      }
    }
    point = indexOf(out, Kind.POINT, 0);
    exponent = indexOf(out, Kind.EXPONENT, 0);
    slash = indexOf(out, Kind.SLASH, 0);
    if (slash >= 0) {
      layoutFraction(out);
    }
    return out;
  }

  /** The fraction bar: a '/' with digit placeholders before it and placeholders or digits after it. */
  private static int fractionBar(List<FormatToken> t, int exp) {
    int bar = indexOf(t, Kind.SLASH, 0);
    if (bar <= 0 || exp >= 0 || !t.get(bar - 1).is(Kind.DIGIT) || bar + 1 >= t.size()) {
      return -1;
    }
    FormatToken next = t.get(bar + 1);
    return next.is(Kind.DIGIT) || isDigitLiteral(next) ? bar : -1;
  }

  /** A single literal digit, as in the fixed denominator of {@code ?/8}. */
  static boolean isDigitLiteral(FormatToken t) {
    return t.is(Kind.LITERAL) && t.text().length() == 1 && Character.isDigit(t.text().charAt(0));
  }

  private void layoutFraction(List<FormatToken> t) {
    int i = slash;
    while (i > 0 && t.get(i - 1).is(Kind.DIGIT)) {
      i--;
    }
    numeratorStart = i;
    StringBuilder den = new StringBuilder();
    for (int j = slash + 1; j < t.size() && isDigitLiteral(t.get(j)); j++) {
      den.append(t.get(j).text());
    }
    fixedDenominator = den.length() == 0 || den.length() > 9 ? 0 : Integer.parseInt(den.toString());
  }

  /** True when tokens {@code [from, to)} hold a digit placeholder, from the prefix counts. */
  private static boolean hasDigit(int[] digitsBefore, int from, int to) {
    int a = Math.max(0, from);
    int b = Math.min(to, digitsBefore.length - 1);
    return a < b && digitsBefore[b] - digitsBefore[a] > 0;
  }

  private static int indexOf(List<FormatToken> t, Kind k, int from) {
    for (int i = from; i < t.size(); i++) {
      if (t.get(i) != null && t.get(i).is(k)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Date sections: m/mm after an hour or before seconds is minutes; ".00" after seconds is fractions of a
   * second; other number symbols are plain characters.
   */
  private List<FormatToken> dateTokens(List<FormatToken> raw) {
    List<FormatToken> out = new ArrayList<>(raw.size());
    char[] previous = new char[raw.size()];
    char[] next = new char[raw.size()];
    for (int i = 1; i < raw.size(); i++) {
      previous[i] = isTime(raw.get(i - 1)) ? raw.get(i - 1).letter() : previous[i - 1];
    }
    for (int i = raw.size() - 2; i >= 0; i--) {
      next[i] = isTime(raw.get(i + 1)) ? raw.get(i + 1).letter() : next[i + 1];
    }
    for (int i = 0; i < raw.size(); i++) {
      FormatToken k = raw.get(i);
      if (k.is(Kind.DATE) && k.letter() == 'm' && k.text().length() <= 2
          && (previous[i] == 'h' || next[i] == 's')) {
        out.add(new FormatToken(Kind.MINUTE, k.text()));
      } else if (k.is(Kind.POINT) && previous[i] == 's' && i + 1 < raw.size()
          && raw.get(i + 1).is(Kind.DIGIT) && raw.get(i + 1).text().equals("0")) {
        int j = i + 1;
        while (j < raw.size() && raw.get(j).is(Kind.DIGIT) && raw.get(j).text().equals("0") && j - i <= 3) {
          j++;
        }
        out.add(new FormatToken(Kind.SUBSECOND, "." + "0".repeat(j - i - 1)));
        subsecondDigits = Math.max(subsecondDigits, j - i - 1);
        i = j - 1;
      } else if (k.is(Kind.DATE) || k.is(Kind.ELAPSED) || k.is(Kind.AMPM)) {
        twelveHour |= k.is(Kind.AMPM);
        out.add(k);
      } else {
        out.add(k.is(Kind.LITERAL) ? k : FormatToken.literal(k.text()));
      }
    }
    return out;
  }

  /** A date or elapsed code, whose letter decides what a nearby m or .00 means. */
  private static boolean isTime(FormatToken k) {
    return k.is(Kind.DATE) || k.is(Kind.ELAPSED);
  }
}

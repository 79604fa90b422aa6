package xlspark.functions.criteria;

/**
 * Excel's wildcard patterns, as in COUNTIF criteria, MATCH/XLOOKUP wildcard modes and SEARCH: {@code *} is
 * any run of characters, {@code ?} one character, {@code ~} makes the next {@code *}, {@code ?} or
 * {@code ~} literal. Matching is case-insensitive and covers the whole text. No regex: a linear scan with
 * one backtracking point per star.
 */
public final class Wildcard {
  private static final byte LITERAL = 0;
  private static final byte ONE = 1;
  private static final byte ANY = 2;

  private final char[] chars;
  private final byte[] kinds;

  private Wildcard(char[] chars, byte[] kinds) {
    this.chars = chars;
    this.kinds = kinds;
  }

  /** True when the text has an unescaped {@code *} or {@code ?}, i.e. it is a pattern and not plain text. */
  public static boolean hasWildcards(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '*' || c == '?') {
        return true;
      }
      if (c == '~' && i + 1 < s.length()) {
        i++;
      }
    }
    return false;
  }

  /** True when the text has a wildcard or an escape, so that it must be compiled to compare. */
  public static boolean isPattern(String s) {
    return s.indexOf('*') >= 0 || s.indexOf('?') >= 0 || s.indexOf('~') >= 0;
  }

  public static Wildcard compile(String pattern) {
    char[] chars = new char[pattern.length()];
    byte[] kinds = new byte[pattern.length()];
    int n = 0;
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '~' && i + 1 < pattern.length() && isSpecial(pattern.charAt(i + 1))) {
        chars[n] = pattern.charAt(++i);
        kinds[n++] = LITERAL;
      } else if (c == '*') {
        if (n == 0 || kinds[n - 1] != ANY) {
          kinds[n++] = ANY;
        }
      } else {
        chars[n] = c;
        kinds[n++] = c == '?' ? ONE : LITERAL;
      }
    }
    return new Wildcard(java.util.Arrays.copyOf(chars, n), java.util.Arrays.copyOf(kinds, n));
  }

  private static boolean isSpecial(char c) {
    return c == '*' || c == '?' || c == '~';
  }

  /** True when the whole text matches, ignoring case. */
  public boolean matches(String text) {
    return matchFrom(text, 0, true) >= 0;
  }

  /**
   * The first index at or after {@code from} where the pattern matches a prefix of the rest of the text
   * (SEARCH's rule), or -1.
   */
  public int find(String text, int from) {
    return find(text, from, null);
  }

  /**
   * As {@link #find(String, int)}, checking the deadline of {@code ctx} (when not null) between start
   * positions. A leading {@code *} matches at {@code from} or nowhere.
   */
  public int find(String text, int from, xlspark.functions.EvalContext ctx) {
    for (int i = from; i <= text.length(); i++) {
      if (ctx != null) {
        ctx.checkDeadline();
      }
      if (matchFrom(text, i, false) >= 0) {
        return i;
      }
      if (kinds.length > 0 && kinds[0] == ANY) {
        return -1;
      }
    }
    return -1;
  }

  /** Matches from {@code start}; the end index of the match, or -1. With {@code whole}, the match must end the text. */
  private int matchFrom(String text, int start, boolean whole) {
    int n = text.length();
    int m = kinds.length;
    int p = 0;
    int t = start;
    int starP = -1;
    int starT = 0;
    while (true) {
      if (p == m && (!whole || t == n)) {
        return t;
      }
      if (p < m && kinds[p] == ANY) {
        starP = p++;
        starT = t;
      } else if (t < n && p < m && (kinds[p] == ONE || sameIgnoringCase(chars[p], text.charAt(t)))) {
        p++;
        t++;
      } else if (starP >= 0 && starT < n) {
        p = starP + 1;
        t = ++starT;
      } else {
        return -1;
      }
    }
  }

  static boolean sameIgnoringCase(char a, char b) {
    if (a == b) {
      return true;
    }
    char ua = Character.toUpperCase(a);
    char ub = Character.toUpperCase(b);
    return ua == ub || Character.toLowerCase(ua) == Character.toLowerCase(ub);
  }
}

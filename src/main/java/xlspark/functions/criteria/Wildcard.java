package xlspark.functions.criteria;

import xlspark.value.Budget;

/**
 * Excel's wildcard patterns, as in COUNTIF criteria, MATCH/XLOOKUP wildcard modes and SEARCH: {@code *} is
 * any run of characters, {@code ?} one character, {@code ~} makes the next {@code *}, {@code ?} or
 * {@code ~} literal. Matching is case-insensitive. No regex and no backtracking: the pattern is a list of
 * segments between stars, and each segment is placed at its leftmost possible position (which is optimal
 * when the first segment is anchored at the start and the last, for a whole match, at the end), so a match
 * costs at most text length times pattern length character comparisons (linear for long segments without
 * {@code ?}), and SEARCH's scan for the first matching position no more than one match. Long scans account for
 * their work to the row's {@link Budget}.
 */
public final class Wildcard {
  private static final byte LITERAL = 0;
  private static final byte ONE = 1;
  private static final byte ANY = 2;

  private final char[] chars;
  private final byte[] kinds;
  /** Segment {@code i} is {@code kinds[starts[i] .. ends[i])}; segments are separated by one ANY each. */
  private final int[] starts;
  private final int[] ends;
  private final boolean leadingAny;
  private final boolean trailingAny;
  /** Segments longer than this without {@code ?} are searched with KMP. */
  private static final int SHORT_SEGMENT = 8;

  /** The row's budget, which long scans report their work to. */
  private final Budget budget;
  /** Work done since it was last reported to the budget (positions tried times segment length). */
  private long work;
  /** Per segment, KMP's table when the segment is long and literal (built on first use). */
  private int[][] borders;
  /** The pattern's characters case-folded (built with the first table). */
  private char[] folded;

  private Wildcard(char[] chars, byte[] kinds, Budget budget) {
    this.budget = budget;
    this.chars = chars;
    this.kinds = kinds;
    int stars = 0;
    for (byte k : kinds) {
      stars += k == ANY ? 1 : 0;
    }
    starts = new int[stars + 1];
    ends = new int[stars + 1];
    int s = 0;
    for (int i = 0, from = 0; i <= kinds.length; i++) {
      if (i == kinds.length || kinds[i] == ANY) {
        starts[s] = from;
        ends[s++] = i;
        from = i + 1;
      }
    }
    leadingAny = kinds.length > 0 && kinds[0] == ANY;
    trailingAny = kinds.length > 0 && kinds[kinds.length - 1] == ANY;
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

  public static Wildcard compile(String pattern, Budget budget) {
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
    return new Wildcard(java.util.Arrays.copyOf(chars, n), java.util.Arrays.copyOf(kinds, n), budget);
  }

  private static boolean isSpecial(char c) {
    return c == '*' || c == '?' || c == '~';
  }

  /** True when the whole text matches, ignoring case. */
  public boolean matches(String text) {
    int n = text.length();
    int last = starts.length - 1;
    if (last == 0) {
      spend(n);
      return ends[0] - starts[0] == n && at(text, 0, 0);
    }
    int pos = ends[0] - starts[0];
    int end = n - (ends[last] - starts[last]);
    spend(pos + n - end);
    if (pos > end || !at(text, 0, 0) || !at(text, end, last)) {
      return false;
    }
    for (int s = 1; s < last && pos >= 0; s++) {
      pos = leftmost(text, pos, end, s);
    }
    return pos >= 0;
  }

  /**
   * The first index at or after {@code from} where the pattern matches a prefix of the rest of the text
   * (SEARCH's rule), or -1. A leading {@code *} matches at {@code from} or nowhere.
   */
  public int find(String text, int from) {
    int n = text.length();
    int start = from;
    int pos;
    if (leadingAny) {
      pos = from;
    } else {
      int first = ends[0] - starts[0];
      for (; start + first <= n && !at(text, start, 0); start++) {
        spend(first);
      }
      if (start + first > n) {
        flush();
        return -1;
      }
      pos = start + first;
    }
    for (int s = 1; s < starts.length && pos >= 0; s++) {
      pos = leftmost(text, pos, n, s);
    }
    flush();
    return pos >= 0 ? start : -1;
  }

  /**
   * Places segment {@code s} at its leftmost start in {@code [from, limit)} such that it ends by {@code limit};
   * the index after it, or -1. Long segments without {@code ?} are found with Knuth-Morris-Pratt on folded
   * characters (linear); others by trying each start (at most text length times segment length).
   */
  private int leftmost(String text, int from, int limit, int s) {
    int len = ends[s] - starts[s];
    int[] border = border(s);
    if (border != null) {
      return leftmostLiteral(text, from, limit, s, border);
    }
    for (int i = from; i + len <= limit; i++) {
      spend(len);
      if (at(text, i, s)) {
        return i + len;
      }
    }
    return -1;
  }

  private int leftmostLiteral(String text, int from, int limit, int s, int[] border) {
    int base = starts[s];
    int len = ends[s] - base;
    int q = 0;
    for (int i = from; i < limit; i++) {
      char c = fold(text.charAt(i));
      while (q > 0 && c != folded[base + q]) {
        q = border[q - 1];
      }
      if (c == folded[base + q]) {
        q++;
      }
      if (q == len) {
        spend(2 * (i - from + 1));
        return i + 1;
      }
    }
    spend(2 * Math.max(0, limit - from));
    return -1;
  }

  /** KMP's table of a segment of literals longer than {@link #SHORT_SEGMENT}, or null; built on first use. */
  private int[] border(int s) {
    int len = ends[s] - starts[s];
    if (len <= SHORT_SEGMENT) {
      return null;
    }
    if (borders == null) {
      borders = new int[starts.length][];
    }
    if (borders[s] == null) {
      for (int p = starts[s]; p < ends[s]; p++) {
        if (kinds[p] == ONE) {
          return null;
        }
      }
      if (folded == null) {
        folded = new char[chars.length];
        for (int p = 0; p < chars.length; p++) {
          folded[p] = fold(chars[p]);
        }
      }
      int[] b = new int[len];
      int base = starts[s];
      for (int i = 1, k = 0; i < len; i++) {
        while (k > 0 && folded[base + i] != folded[base + k]) {
          k = b[k - 1];
        }
        if (folded[base + i] == folded[base + k]) {
          k++;
        }
        b[i] = k;
      }
      spend(2 * len);
      borders[s] = b;
    }
    return borders[s];
  }

  /** The case-folded form under which {@link #sameIgnoringCase} holds exactly when two folds are equal. */
  private static char fold(char c) {
    return Character.toLowerCase(Character.toUpperCase(c));
  }

  /** True when segment {@code s} matches the text at {@code i} (which leaves room for it). */
  private boolean at(String text, int i, int s) {
    for (int p = starts[s], t = i; p < ends[s]; p++, t++) {
      if (kinds[p] != ONE && !sameIgnoringCase(chars[p], text.charAt(t))) {
        return false;
      }
    }
    return true;
  }

  private void spend(int units) {
    work += units + 1;
    if (work >= Budget.CLOCK_UNITS) {
      flush();
    }
  }

  private void flush() {
    if (work >= Budget.STEP_UNITS) {
      budget.spend(work);
    }
    work = 0;
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

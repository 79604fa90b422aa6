package xlspark.functions.text;

import xlspark.value.Budget;

/**
 * Finds one text inside others in time linear in both (FIND, SEARCH, SUBSTITUTE, the delimiters of TEXTSPLIT):
 * {@link String#indexOf} for short needles, whose worst case is bounded by the needle's length, and
 * Knuth-Morris-Pratt for long ones, where {@code indexOf}'s worst case (a 16,000-character needle over a
 * 32,000-character text) is half a billion comparisons. The work is reported to the row's {@link Budget}.
 */
final class TextScan {
  /** Needles up to this length use {@link String#indexOf}: at most this many comparisons per position. */
  private static final int SHORT = 32;

  private final String needle;
  private final int[] border;
  private final Budget budget;
  private long work;

  private TextScan(String needle, Budget budget) {
    this.needle = needle;
    this.budget = budget;
    this.border = needle.length() <= SHORT ? null : border(needle);
  }

  static TextScan of(String needle, Budget budget) {
    return new TextScan(needle, budget);
  }

  /** The first index at or after {@code from} where the needle starts, or -1. */
  int find(String hay, int from) {
    int m = needle.length();
    int start = Math.max(0, from);
    if (border == null) {
      int at = hay.indexOf(needle, start);
      spend((long) ((at < 0 ? hay.length() : at + m) - start) * Math.max(1, m));
      return at;
    }
    int q = 0;
    for (int i = start; i < hay.length(); i++) {
      char c = hay.charAt(i);
      while (q > 0 && c != needle.charAt(q)) {
        q = border[q - 1];
      }
      if (c == needle.charAt(q)) {
        q++;
      }
      if (q == m) {
        spend(2L * (i - start + 1));
        return i - m + 1;
      }
    }
    spend(2L * (hay.length() - start));
    return -1;
  }

  /** KMP's table: for each prefix, the length of its longest proper prefix that is also its suffix. */
  private static int[] border(String p) {
    int[] b = new int[p.length()];
    int k = 0;
    for (int i = 1; i < p.length(); i++) {
      while (k > 0 && p.charAt(i) != p.charAt(k)) {
        k = b[k - 1];
      }
      if (p.charAt(i) == p.charAt(k)) {
        k++;
      }
      b[i] = k;
    }
    return b;
  }

  private void spend(long units) {
    work += units + 1;
    if (work >= Budget.STEP_UNITS) {
      budget.spend(work);
      work = 0;
    }
  }
}

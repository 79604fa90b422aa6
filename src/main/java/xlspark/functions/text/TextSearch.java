package xlspark.functions.text;

import static xlspark.functions.text.TextFunctions.valueError;
import static xlspark.functions.text.TextFunctions.count;

import xlspark.functions.Args;
import xlspark.functions.criteria.Wildcard;
import xlspark.value.Budget;
import xlspark.value.Coerce;
import xlspark.value.Value;
import xlspark.value.Value.Text;

/** FIND, SEARCH (case-insensitive, with wildcards), SUBSTITUTE and REPLACE. */
final class TextSearch {
  private TextSearch() {
  }

  /** FIND: case-sensitive, no wildcards. */
  static Value find(Args a) {
    return position(a, false);
  }

  /**
   * SEARCH: case-insensitive, with the wildcards of {@link Wildcard} ({@code ?} one character, {@code *} any
   * run, {@code ~} escapes).
   */
  static Value search(Args a) {
    return position(a, true);
  }

  /**
   * The 1-based position of the first match at or after the start (default 1). A start below 1 or past the
   * end of the text is #VALUE!, and so is no match; an empty pattern matches at the start.
   */
  private static Value position(Args a, boolean search) {
    String needle = a.text(0);
    String hay = a.text(1);
    long start = count(a.num(2));
    if (start < 1 || start > hay.length()) {
      return valueError("start " + start + " is outside the text");
    }
    int from = (int) start - 1;
    Budget budget = a.ctx().budget();
    int at = search ? searchIndex(needle, hay, from, budget) : TextScan.of(needle, budget).find(hay, from);
    if (at < 0) {
      return valueError("\"" + needle + "\" not found");
    }
    return Value.num(at + 1);
  }

  /**
   * SUBSTITUTE: replaces every non-overlapping occurrence (case-sensitive), or only the given instance. An
   * empty old text changes nothing; an instance below 1 is #VALUE!. The result length is checked first.
   */
  static Value substitute(Args a) {
    String s = a.text(0);
    String old = a.text(1);
    String rep = a.text(2);
    if (a.has(3)) {
      long k = count(a.num(3));
      if (k < 1) {
        return valueError("SUBSTITUTE needs an instance of 1 or more");
      }
      if (old.isEmpty()) {
        return new Text(s);
      }
      TextScan scan = TextScan.of(old, a.ctx().budget());
      int at = -old.length();
      for (long i = 0; i < k; i++) {
        at = scan.find(s, at + old.length());
        if (at < 0) {
          return new Text(s);
        }
      }
      return Coerce.text(s.substring(0, at) + rep + s.substring(at + old.length()));
    }
    if (old.isEmpty()) {
      return new Text(s);
    }
    TextScan scan = TextScan.of(old, a.ctx().budget());
    StringBuilder out = new StringBuilder(s.length());
    int done = 0;
    for (int at = scan.find(s, 0); at >= 0; at = scan.find(s, done)) {
      out.append(s, done, at).append(rep);
      done = at + old.length();
      if (out.length() > Coerce.MAX_TEXT) {
        return valueError("text longer than 32,767 characters");
      }
    }
    out.append(s, done, s.length());
    return Coerce.text(out.toString());
  }

  /** REPLACE: start below 1 or a negative count is #VALUE!; a start past the end appends. */
  static Value replace(Args a) {
    String s = a.text(0);
    long start = count(a.num(1));
    long n = count(a.num(2));
    if (start < 1 || n < 0) {
      return valueError("REPLACE needs a start of 1 or more and a count of 0 or more");
    }
    int from = (int) Math.min(start - 1, s.length());
    int to = (int) Math.min(from + n, s.length());
    return Coerce.text(s.substring(0, from) + a.text(3) + s.substring(to));
  }

  /** Folds a character for case-insensitive comparison. */
  static char fold(char c) {
    return Character.toLowerCase(Character.toUpperCase(c));
  }

  /** Folds text character by character, so positions stay the same. */
  static String fold(String s) {
    char[] c = s.toCharArray();
    for (int i = 0; i < c.length; i++) {
      c[i] = fold(c[i]);
    }
    return new String(c);
  }

  /** SEARCH's scan: the first index at or after {@code from} where the pattern matches, or -1. */
  private static int searchIndex(String pattern, String text, int from, Budget budget) {
    if (!Wildcard.isPattern(pattern)) {
      return TextScan.of(fold(pattern), budget).find(fold(text), from);
    }
    return Wildcard.compile(pattern, budget).find(text, from);
  }
}

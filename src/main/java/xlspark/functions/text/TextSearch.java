package xlspark.functions.text;

import static xlspark.functions.text.TextFunctions.valueError;
import static xlspark.functions.text.TextFunctions.count;

import xlspark.functions.Args;
import xlspark.functions.EvalContext;
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
   * SEARCH: case-insensitive; {@code ?} is one character, {@code *} any run, and {@code ~} makes the next
   * character literal (a final {@code ~} is itself literal).
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
    long start = a.has(2) ? count(a.num(2)) : 1;
    if (start < 1 || start > hay.length()) {
      return valueError("start " + start + " is outside the text");
    }
    int from = (int) start - 1;
    int at = search ? Wildcard.search(needle, hay, from, a.ctx()) : hay.indexOf(needle, from);
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
      int at = -old.length();
      for (long i = 0; i < k; i++) {
        at = s.indexOf(old, at + old.length());
        if (at < 0) {
          return new Text(s);
        }
      }
      return Coerce.text(s.substring(0, at) + rep + s.substring(at + old.length()));
    }
    if (old.isEmpty()) {
      return new Text(s);
    }
    long count = 0;
    for (int at = s.indexOf(old); at >= 0; at = s.indexOf(old, at + old.length())) {
      count++;
    }
    if (s.length() + count * (rep.length() - old.length()) > Coerce.MAX_TEXT) {
      return valueError("text longer than 32,767 characters");
    }
    return new Text(s.replace(old, rep));
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

  /** Excel's wildcard patterns, matched case-insensitively without regular expressions. */
  static final class Wildcard {
    private static final int ANY_ONE = -1;
    private static final int ANY_RUN = -2;

    private Wildcard() {
    }

    /** Folds a character for case-insensitive comparison. */
    static char fold(char c) {
      return Character.toLowerCase(Character.toUpperCase(c));
    }

    static String fold(String s) {
      char[] c = s.toCharArray();
      for (int i = 0; i < c.length; i++) {
        c[i] = fold(c[i]);
      }
      return new String(c);
    }

    /** Index of the first position at or after {@code from} where the pattern matches, or -1. */
    static int search(String pattern, String text, int from, EvalContext ctx) {
      int[] p = compile(pattern);
      String t = fold(text);
      if (p == null) {
        return t.indexOf(fold(pattern), from);
      }
      char[] s = t.toCharArray();
      boolean leadingRun = p.length > 0 && p[0] == ANY_RUN;
      for (int i = from; i <= s.length; i++) {
        ctx.checkDeadline();
        if (prefixMatches(s, i, p, ctx)) {
          return i;
        }
        if (leadingRun) {
          // a match further on would also be a match here, through the leading '*'
          return -1;
        }
      }
      return -1;
    }

    /**
     * Pattern tokens: folded characters, {@link #ANY_ONE} and {@link #ANY_RUN}; a trailing {@link #ANY_RUN}
     * is added so that the pattern matches a prefix. Null when the pattern has no wildcard at all.
     */
    private static int[] compile(String pattern) {
      if (pattern.indexOf('?') < 0 && pattern.indexOf('*') < 0 && pattern.indexOf('~') < 0) {
        return null;
      }
      int[] out = new int[pattern.length() + 1];
      int n = 0;
      for (int i = 0; i < pattern.length(); i++) {
        char c = pattern.charAt(i);
        if (c == '~' && i + 1 < pattern.length()) {
          out[n++] = fold(pattern.charAt(++i));
        } else if (c == '?') {
          out[n++] = ANY_ONE;
        } else if (c == '*') {
          if (n == 0 || out[n - 1] != ANY_RUN) {
            out[n++] = ANY_RUN;
          }
        } else {
          out[n++] = fold(c);
        }
      }
      if (n == 0 || out[n - 1] != ANY_RUN) {
        out[n++] = ANY_RUN;
      }
      return java.util.Arrays.copyOf(out, n);
    }

    /** Whether tokens {@code p} match all of {@code s[si..]}: greedy with backtracking to the last run. */
    private static boolean prefixMatches(char[] s, int si, int[] p, EvalContext ctx) {
      int pi = 0;
      int star = -1;
      int mark = 0;
      while (si < s.length) {
        if (pi < p.length && (p[pi] == ANY_ONE || p[pi] == s[si])) {
          pi++;
          si++;
        } else if (pi < p.length && p[pi] == ANY_RUN) {
          if (pi == p.length - 1) {
            return true;
          }
          star = pi++;
          mark = si;
        } else if (star >= 0) {
          pi = star + 1;
          si = ++mark;
          ctx.checkDeadline();
        } else {
          return false;
        }
      }
      while (pi < p.length && p[pi] == ANY_RUN) {
        pi++;
      }
      return pi == p.length;
    }
  }
}

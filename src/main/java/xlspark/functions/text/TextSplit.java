package xlspark.functions.text;

import static xlspark.functions.text.TextFunctions.valueError;
import static xlspark.functions.text.TextFunctions.whole;

import java.util.ArrayList;
import java.util.List;
import xlspark.functions.Args;
import xlspark.value.Budget;
import xlspark.value.ExcelError;
import xlspark.value.Value;
import xlspark.value.Value.Arr;
import xlspark.value.Value.Err;
import xlspark.value.Value.Text;

/**
 * TEXTBEFORE, TEXTAFTER and TEXTSPLIT. Delimiters may be arrays of alternatives; at one position the longest
 * alternative wins. Omitted optional arguments (even written empty) take their defaults.
 */
final class TextSplit {
  private TextSplit() {
  }

  /** A delimiter occurrence: {@code text[start..end)}. */
  private record Match(int start, int end) {
  }

  static Value before(Args a) {
    return cut(a, true);
  }

  static Value after(Args a) {
    return cut(a, false);
  }

  /**
   * TEXTBEFORE/TEXTAFTER(text, delimiter, [instance], [match_mode], [match_end], [if_not_found]). A negative
   * instance counts from the end; instance 0 or beyond the text's length is #VALUE!; with match_end the end
   * of the text (the start, for a negative instance) acts as one more delimiter; a missing occurrence gives
   * if_not_found, by default #N/A.
   */
  private static Value cut(Args a, boolean before) {
    Err e = TextJoin.firstError(a, 0, 5);
    if (e != null) {
      return e;
    }
    String s = a.text(0);
    String[] delims = TextJoin.texts(a.get(1));
    long n = whole(a.num(2));
    Boolean insensitive = matchMode(a, 3);
    if (insensitive == null) {
      return valueError("match_mode must be 0 or 1");
    }
    boolean matchEnd = a.num(4) != 0;
    if (n == 0 || (!s.isEmpty() && Math.abs(n) > s.length())) {
      return valueError("instance_num must be non-zero and at most the text's length");
    }
    String hay = insensitive ? TextSearch.fold(s) : s;
    if (insensitive) {
      for (int i = 0; i < delims.length; i++) {
        delims[i] = TextSearch.fold(delims[i]);
      }
    }
    Budget budget = a.ctx().budget();
    Match m = n > 0 ? forward(hay, delims, n, matchEnd, budget) : backward(hay, delims, -n, matchEnd, budget);
    if (m == null) {
      return a.given(5) ? a.get(5) : Value.err(ExcelError.NA, "delimiter not found");
    }
    return new Text(before ? s.substring(0, m.start()) : s.substring(m.end()));
  }

  /** Null for a match_mode other than 0 and 1, else whether matching ignores case. */
  private static Boolean matchMode(Args a, int i) {
    long mode = whole(a.num(i));
    if (a.num(i) != mode) {
      return null;
    }
    return mode == 0 ? Boolean.FALSE : mode == 1 ? Boolean.TRUE : null;
  }

  private static Match forward(String hay, String[] delims, long n, boolean matchEnd, Budget budget) {
    Finder f = new Finder(hay, delims, false, budget);
    int pos = 0;
    Match m = null;
    for (long k = 0; k < n; k++) {
      m = pos > hay.length() ? null : f.next(pos);
      if (m == null) {
        return matchEnd && k == n - 1 && pos <= hay.length() ? new Match(hay.length(), hay.length()) : null;
      }
      pos = m.end() > m.start() ? m.end() : m.end() + 1;
    }
    return m;
  }

  private static Match backward(String hay, String[] delims, long n, boolean matchEnd, Budget budget) {
    Finder f = new Finder(hay, delims, true, budget);
    int limit = hay.length();
    Match m = null;
    for (long k = 0; k < n; k++) {
      m = limit < 0 ? null : f.next(limit);
      if (m == null) {
        return matchEnd && k == n - 1 && limit >= 0 ? new Match(0, 0) : null;
      }
      limit = m.end() > m.start() ? m.start() : m.start() - 1;
    }
    return m;
  }

  /**
   * The occurrences of any of several delimiters in one text, in order: forward, the first starting at or after
   * a position (the longest on a tie); backward, the last ending at or before a limit (the longest on a tie).
   * Each delimiter's occurrence is remembered in a heap until the scan passes it, so k pieces over d
   * delimiters cost one scan of the text per delimiter and k heap steps, not k times d scans.
   */
  private static final class Finder {
    private static final int NONE_FORWARD = Integer.MAX_VALUE;
    private static final int NONE_BACKWARD = Integer.MIN_VALUE / 2;

    private final boolean backward;
    private final String text;
    private final int n;
    private final int[] len;
    private final TextScan[] scans;
    private final int[] start;
    private final java.util.PriorityQueue<Integer> heap;

    Finder(String hay, String[] delims, boolean backward, Budget budget) {
      this.backward = backward;
      this.n = hay.length();
      this.text = backward ? new StringBuilder(hay).reverse().toString() : hay;
      String[] ds = new java.util.LinkedHashSet<>(java.util.Arrays.asList(delims)).toArray(new String[0]);
      len = new int[ds.length];
      scans = new TextScan[ds.length];
      start = new int[ds.length];
      for (int i = 0; i < ds.length; i++) {
        len[i] = ds[i].length();
        scans[i] = TextScan.of(backward ? new StringBuilder(ds[i]).reverse().toString() : ds[i], budget);
        start[i] = backward ? Integer.MAX_VALUE : Integer.MIN_VALUE;
      }
      budget.spend(ds.length * 16L);
      heap = new java.util.PriorityQueue<>(Math.max(1, ds.length), backward
          ? (a, b) -> start[a] != start[b] ? Integer.compare(start[b], start[a]) : Integer.compare(len[b], len[a])
          : (a, b) -> start[a] != start[b] ? Integer.compare(start[a], start[b]) : Integer.compare(len[b], len[a]));
      for (int i = 0; i < ds.length; i++) {
        heap.add(i);
      }
    }

    /** Forward: the first occurrence starting at or after {@code pos}; backward: the last ending by it. */
    Match next(int pos) {
      while (!heap.isEmpty() && stale(heap.peek(), pos)) {
        int i = heap.poll();
        if (backward) {
          int j = scans[i].find(text, n - pos);
          start[i] = j < 0 ? NONE_BACKWARD : n - j - len[i];
        } else {
          int at = scans[i].find(text, pos);
          start[i] = at < 0 ? NONE_FORWARD : at;
        }
        heap.add(i);
      }
      if (heap.isEmpty()) {
        return null;
      }
      int i = heap.peek();
      if (start[i] == NONE_FORWARD || start[i] == NONE_BACKWARD) {
        return null;
      }
      return new Match(start[i], start[i] + len[i]);
    }

    private boolean stale(int i, int pos) {
      return backward ? start[i] != NONE_BACKWARD && (long) start[i] + len[i] > pos : start[i] < pos;
    }
  }

  /**
   * TEXTSPLIT(text, col_delimiter, [row_delimiter], [ignore_empty], [match_mode], [pad_with]): splits into
   * rows, then each row into columns; short rows are padded with pad_with (default #N/A). Empty delimiters
   * are ignored; with no delimiter at all the text comes back whole.
   */
  static Value split(Args a) {
    Err e = TextJoin.firstError(a, 0, 5);
    if (e != null) {
      return e;
    }
    String s = a.text(0);
    String[] cols = a.given(1) ? nonEmpty(TextJoin.texts(a.get(1))) : new String[0];
    String[] rows = a.given(2) ? nonEmpty(TextJoin.texts(a.get(2))) : new String[0];
    boolean ignoreEmpty = a.bool(3);
    Boolean insensitive = matchMode(a, 4);
    if (insensitive == null) {
      return valueError("match_mode must be 0 or 1");
    }
    Value pad = a.given(5) ? a.get(5) : Value.err(ExcelError.NA, "padding");
    List<List<String>> grid = new ArrayList<>();
    int width = 0;
    Budget budget = a.ctx().budget();
    for (String row : pieces(s, rows, insensitive, ignoreEmpty, budget)) {
      List<String> cells = pieces(row, cols, insensitive, ignoreEmpty, budget);
      if (!cells.isEmpty()) {
        grid.add(cells);
        width = Math.max(width, cells.size());
      }
      a.ctx().checkDeadline();
    }
    if (grid.isEmpty()) {
      return new Text("");
    }
    if ((long) grid.size() * width > a.ctx().maxArrayCells()) {
      return Value.err(ExcelError.NUM, "array result larger than " + a.ctx().maxArrayCells() + " cells");
    }
    Value[] out = new Value[grid.size() * width];
    for (int r = 0; r < grid.size(); r++) {
      List<String> cells = grid.get(r);
      for (int c = 0; c < width; c++) {
        out[r * width + c] = c < cells.size() ? new Text(cells.get(c)) : pad;
      }
    }
    return new Arr(grid.size(), width, out);
  }

  private static String[] nonEmpty(String[] ds) {
    return java.util.Arrays.stream(ds).filter(d -> !d.isEmpty()).toArray(String[]::new);
  }

  /** The pieces of {@code s} between delimiters (all of it when there are none), empty ones dropped if asked. */
  private static List<String> pieces(String s, String[] delims, boolean insensitive, boolean ignoreEmpty,
                                     Budget budget) {
    List<String> out = new ArrayList<>();
    if (delims.length == 0) {
      out.add(s);
      return out;
    }
    String hay = s;
    String[] ds = delims;
    if (insensitive) {
      hay = TextSearch.fold(s);
      ds = new String[delims.length];
      for (int i = 0; i < ds.length; i++) {
        ds[i] = TextSearch.fold(delims[i]);
      }
    }
    Finder f = new Finder(hay, ds, false, budget);
    int pos = 0;
    for (Match m = f.next(0); m != null; m = f.next(pos)) {
      add(out, s.substring(pos, m.start()), ignoreEmpty);
      pos = m.end();
    }
    add(out, s.substring(pos), ignoreEmpty);
    return out;
  }

  private static void add(List<String> out, String piece, boolean ignoreEmpty) {
    if (!ignoreEmpty || !piece.isEmpty()) {
      out.add(piece);
    }
  }
}

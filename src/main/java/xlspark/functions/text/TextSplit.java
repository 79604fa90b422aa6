package xlspark.functions.text;

import static xlspark.functions.text.TextFunctions.valueError;
import static xlspark.functions.text.TextFunctions.whole;

import java.util.ArrayList;
import java.util.List;
import xlspark.functions.Args;
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
    long n = a.given(2) ? whole(a.num(2)) : 1;
    Boolean insensitive = matchMode(a, 3);
    if (insensitive == null) {
      return valueError("match_mode must be 0 or 1");
    }
    boolean matchEnd = a.given(4) && a.num(4) != 0;
    if (n == 0 || (!s.isEmpty() && Math.abs(n) > s.length())) {
      return valueError("instance_num must be non-zero and at most the text's length");
    }
    String hay = insensitive ? TextSearch.fold(s) : s;
    if (insensitive) {
      for (int i = 0; i < delims.length; i++) {
        delims[i] = TextSearch.fold(delims[i]);
      }
    }
    Match m = n > 0 ? forward(hay, delims, n, matchEnd) : backward(hay, delims, -n, matchEnd);
    if (m == null) {
      return a.given(5) ? a.get(5) : Value.err(ExcelError.NA, "delimiter not found");
    }
    return new Text(before ? s.substring(0, m.start()) : s.substring(m.end()));
  }

  /** Null for a match_mode other than 0 and 1, else whether matching ignores case. */
  private static Boolean matchMode(Args a, int i) {
    long mode = a.given(i) ? whole(a.num(i)) : 0;
    if (a.given(i) && a.num(i) != mode) {
      return null;
    }
    return mode == 0 ? Boolean.FALSE : mode == 1 ? Boolean.TRUE : null;
  }

  private static Match forward(String hay, String[] delims, long n, boolean matchEnd) {
    int pos = 0;
    Match m = null;
    for (long k = 0; k < n; k++) {
      m = pos > hay.length() ? null : next(hay, delims, pos);
      if (m == null) {
        return matchEnd && k == n - 1 && pos <= hay.length() ? new Match(hay.length(), hay.length()) : null;
      }
      pos = m.end() > m.start() ? m.end() : m.end() + 1;
    }
    return m;
  }

  private static Match backward(String hay, String[] delims, long n, boolean matchEnd) {
    int limit = hay.length();
    Match m = null;
    for (long k = 0; k < n; k++) {
      m = limit < 0 ? null : previous(hay, delims, limit);
      if (m == null) {
        return matchEnd && k == n - 1 && limit >= 0 ? new Match(0, 0) : null;
      }
      limit = m.end() > m.start() ? m.start() : m.start() - 1;
    }
    return m;
  }

  /** The first occurrence starting at or after {@code pos}; the longest delimiter on a tie. */
  private static Match next(String hay, String[] delims, int pos) {
    Match best = null;
    for (String d : delims) {
      int at = hay.indexOf(d, pos);
      if (at >= 0 && (best == null || at < best.start() || (at == best.start() && at + d.length() > best.end()))) {
        best = new Match(at, at + d.length());
      }
    }
    return best;
  }

  /** The last occurrence ending at or before {@code limit}; the longest delimiter on a tie. */
  private static Match previous(String hay, String[] delims, int limit) {
    Match best = null;
    for (String d : delims) {
      int at = limit - d.length() < 0 ? -1 : hay.lastIndexOf(d, limit - d.length());
      if (at >= 0 && (best == null || at > best.start() || (at == best.start() && at + d.length() > best.end()))) {
        best = new Match(at, at + d.length());
      }
    }
    return best;
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
    boolean ignoreEmpty = a.given(3) && a.bool(3);
    Boolean insensitive = matchMode(a, 4);
    if (insensitive == null) {
      return valueError("match_mode must be 0 or 1");
    }
    Value pad = a.given(5) ? a.get(5) : Value.err(ExcelError.NA, "padding");
    List<List<String>> grid = new ArrayList<>();
    int width = 0;
    for (String row : pieces(s, rows, insensitive, ignoreEmpty)) {
      List<String> cells = pieces(row, cols, insensitive, ignoreEmpty);
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
  private static List<String> pieces(String s, String[] delims, boolean insensitive, boolean ignoreEmpty) {
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
    int pos = 0;
    for (Match m = next(hay, ds, 0); m != null; m = next(hay, ds, pos)) {
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

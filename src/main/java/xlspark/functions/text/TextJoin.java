package xlspark.functions.text;

import static xlspark.functions.text.TextFunctions.valueError;

import xlspark.functions.Args;
import xlspark.value.Coerce;
import xlspark.value.Value;
import xlspark.value.Value.Arr;
import xlspark.value.Value.Err;
import xlspark.value.Value.Text;

/** CONCAT and TEXTJOIN, which take whole arrays (row by row), plus the array helpers of the text package. */
final class TextJoin {
  private static final Value[] NO_CELLS = {};

  private TextJoin() {
  }

  /** The cells of a value: an array's cells row by row, a scalar alone, an omitted argument as "". */
  static Value[] cells(Value v) {
    if (v instanceof Arr a) {
      return a.cells();
    }
    return v == null ? NO_CELLS : new Value[] {v};
  }

  /** The first error among the cells of arguments {@code from..to-1} (arrays scanned row by row), or null. */
  static Err firstError(Args a, int from, int to) {
    for (int i = from; i < Math.min(to, a.size()); i++) {
      for (Value c : cells(a.get(i))) {
        if (c instanceof Err e) {
          return e;
        }
      }
    }
    return null;
  }

  /** The text of each cell of a value (numbers in General format, blanks as ""); the value has no errors. */
  static String[] texts(Value v) {
    Value[] cs = cells(v);
    String[] out = new String[cs.length];
    for (int i = 0; i < cs.length; i++) {
      out[i] = ((Text) Coerce.toText(cs[i])).s();
    }
    return out;
  }

  /** CONCAT: the text of every cell of every argument, arrays row by row; errors propagate. */
  static Value concat(Args a) {
    Err e = firstError(a, 0, a.size());
    if (e != null) {
      return e;
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < a.size(); i++) {
      for (Value c : cells(a.get(i))) {
        sb.append(((Text) Coerce.toText(c)).s());
        if (sb.length() > Coerce.MAX_TEXT) {
          return valueError("text longer than 32,767 characters");
        }
      }
      a.ctx().checkDeadline();
    }
    return new Text(sb.toString());
  }

  /**
   * TEXTJOIN(delimiter, ignore_empty, text...): the delimiter may be an array, used in turn and cycled;
   * with ignore_empty, empty texts (blanks and "") are skipped, delimiters included.
   */
  static Value textJoin(Args a) {
    Err e = firstError(a, 0, a.size());
    if (e != null) {
      return e;
    }
    String[] delims = texts(a.get(0));
    boolean ignoreEmpty = a.bool(1);
    StringBuilder sb = new StringBuilder();
    int joined = 0;
    for (int i = 2; i < a.size(); i++) {
      for (Value c : cells(a.get(i))) {
        String s = ((Text) Coerce.toText(c)).s();
        if (ignoreEmpty && s.isEmpty()) {
          continue;
        }
        if (joined > 0) {
          sb.append(delims[(joined - 1) % delims.length]);
        }
        sb.append(s);
        joined++;
        if (sb.length() > Coerce.MAX_TEXT) {
          return valueError("text longer than 32,767 characters");
        }
      }
      a.ctx().checkDeadline();
    }
    return new Text(sb.toString());
  }
}

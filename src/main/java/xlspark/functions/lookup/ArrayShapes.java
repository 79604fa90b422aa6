package xlspark.functions.lookup;

import static xlspark.functions.ArgKind.ANY;
import static xlspark.functions.ArgKind.ARRAY;
import static xlspark.functions.ArgKind.BOOLEAN;
import static xlspark.functions.ArgKind.NUMBER;
import static xlspark.functions.ErrorPolicy.INSPECTS_ERRORS;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import xlspark.functions.Args;
import xlspark.functions.FunctionSpec;
import xlspark.value.Coerce;
import xlspark.value.ExcelError;
import xlspark.value.Value;
import xlspark.value.Value.Arr;
import xlspark.value.Value.Blank;
import xlspark.value.Value.Err;
import xlspark.value.Value.Num;

/**
 * Dynamic-array functions that reshape arrays: TRANSPOSE, TAKE, DROP, HSTACK, VSTACK, CHOOSEROWS,
 * CHOOSECOLS, TOROW, TOCOL, WRAPROWS, WRAPCOLS, EXPAND. An empty result is #CALC!; a result above the
 * engine's array limit is #NUM!, checked before allocating.
 */
final class ArrayShapes {
  private ArrayShapes() {
  }

  static List<FunctionSpec> specs() {
    return List.of(
        FunctionSpec.builder("TRANSPOSE", ArrayShapes::transpose).arg(ARRAY).build(),
        FunctionSpec.builder("TAKE", a -> takeOrDrop(a, true)).args(ARRAY, NUMBER).optionalArg(NUMBER).build(),
        FunctionSpec.builder("DROP", a -> takeOrDrop(a, false)).args(ARRAY, NUMBER).optionalArg(NUMBER).build(),
        FunctionSpec.builder("HSTACK", a -> stack(a, true)).arg(ARRAY).repeating(ARRAY)
            .errorPolicy(INSPECTS_ERRORS).build(),
        FunctionSpec.builder("VSTACK", a -> stack(a, false)).arg(ARRAY).repeating(ARRAY)
            .errorPolicy(INSPECTS_ERRORS).build(),
        FunctionSpec.builder("CHOOSEROWS", a -> choose(a, true)).args(ARRAY, ARRAY).repeating(ARRAY).build(),
        FunctionSpec.builder("CHOOSECOLS", a -> choose(a, false)).args(ARRAY, ARRAY).repeating(ARRAY).build(),
        FunctionSpec.builder("TOROW", a -> flatten(a, true)).arg(ARRAY).skippableArg(NUMBER, 0)
            .optionalArg(BOOLEAN, false).build(),
        FunctionSpec.builder("TOCOL", a -> flatten(a, false)).arg(ARRAY).skippableArg(NUMBER, 0)
            .optionalArg(BOOLEAN, false).build(),
        FunctionSpec.builder("WRAPROWS", a -> wrap(a, true)).args(ARRAY, NUMBER).optionalArg(ANY)
            .errorPolicy(INSPECTS_ERRORS).build(),
        FunctionSpec.builder("WRAPCOLS", a -> wrap(a, false)).args(ARRAY, NUMBER).optionalArg(ANY)
            .errorPolicy(INSPECTS_ERRORS).build(),
        FunctionSpec.builder("EXPAND", ArrayShapes::expand).args(ARRAY, NUMBER).optionalArg(NUMBER).optionalArg(ANY)
            .errorPolicy(INSPECTS_ERRORS).build());
  }

  static Value calc(String why) {
    return Value.err(ExcelError.CALC, why);
  }

  /** Null when rows x cols fits the engine's limit, else the #NUM! error. */
  static Value tooLarge(Args a, long rows, long cols) {
    return rows * cols > a.ctx().maxArrayCells()
        ? Value.err(ExcelError.NUM, "array result larger than " + a.ctx().maxArrayCells() + " cells") : null;
  }

  /** A rows x cols array, or its single value when it is 1x1. */
  static Value shaped(int rows, int cols, Value[] cells) {
    return rows == 1 && cols == 1 ? cells[0] : new Arr(rows, cols, cells);
  }

  static Value transpose(Args a) {
    Arr x = a.array(0);
    Value[] out = new Value[x.size()];
    for (int r = 0; r < x.rows(); r++) {
      for (int c = 0; c < x.cols(); c++) {
        out[c * x.rows() + r] = x.get(r, c);
      }
    }
    return shaped(x.cols(), x.rows(), out);
  }

  static Value sub(Arr x, int r0, int rows, int c0, int cols) {
    Value[] out = new Value[rows * cols];
    for (int r = 0; r < rows; r++) {
      System.arraycopy(x.cells(), (r0 + r) * x.cols() + c0, out, r * cols, cols);
    }
    return shaped(rows, cols, out);
  }

  /**
   * TAKE keeps the first n rows/columns (the last for negative n); DROP removes them. An empty or absent
   * count keeps every row/column; taking 0 or dropping everything is #CALC!.
   */
  static Value takeOrDrop(Args a, boolean take) {
    Arr x = a.array(0);
    int[] rows = span(x.rows(), a.given(1) ? Math.floor(a.num(1)) : Double.NaN, take);
    int[] cols = span(x.cols(), a.given(2) ? Math.floor(a.num(2)) : Double.NaN, take);
    if (rows == null || cols == null) {
      return calc("the result is empty");
    }
    return sub(x, rows[0], rows[1], cols[0], cols[1]);
  }

  /** {start, length} kept along one dimension, or null when nothing is kept. */
  private static int[] span(int size, double n, boolean take) {
    if (Double.isNaN(n)) {
      return new int[] {0, size};
    }
    int k = (int) Math.min(size, Math.abs(n));
    int len = take ? k : size - k;
    if (len <= 0) {
      return null;
    }
    boolean fromStart = take == n > 0;
    return new int[] {fromStart ? 0 : size - len, len};
  }

  /** HSTACK / VSTACK: arrays side by side or on top of each other, short ones padded with #N/A. */
  static Value stack(Args a, boolean horizontal) {
    long along = 0;
    int across = 0;
    for (int i = 0; i < a.size(); i++) {
      Arr x = a.array(i);
      along += horizontal ? x.cols() : x.rows();
      across = Math.max(across, horizontal ? x.rows() : x.cols());
    }
    Value big = tooLarge(a, along, across);
    if (big != null) {
      return big;
    }
    int rows = horizontal ? across : (int) along;
    int cols = horizontal ? (int) along : across;
    Value[] out = new Value[rows * cols];
    Arrays.fill(out, Value.err(ExcelError.NA));
    int offset = 0;
    for (int i = 0; i < a.size(); i++) {
      Arr x = a.array(i);
      for (int r = 0; r < x.rows(); r++) {
        for (int c = 0; c < x.cols(); c++) {
          int rr = horizontal ? r : offset + r;
          int cc = horizontal ? offset + c : c;
          out[rr * cols + cc] = x.get(r, c);
        }
      }
      offset += horizontal ? x.cols() : x.rows();
    }
    return shaped(rows, cols, out);
  }

  /** CHOOSEROWS / CHOOSECOLS(array, n1, ...): indexes (or arrays of them) from 1, negative from the end. */
  static Value choose(Args a, boolean rows) {
    Arr x = a.array(0);
    int size = rows ? x.rows() : x.cols();
    List<Integer> picks = new ArrayList<>();
    for (int i = 1; i < a.size(); i++) {
      for (Value v : a.array(i).cells()) {
        Value n = Coerce.toNumber(v, a.ctx().dates());
        if (n instanceof Err e) {
          return e;
        }
        double k = Math.floor(((Num) n).v());
        if (k == 0 || Math.abs(k) > size) {
          return Value.err(ExcelError.VALUE, "index out of range");
        }
        picks.add((int) (k > 0 ? k - 1 : size + k));
      }
    }
    int other = rows ? x.cols() : x.rows();
    Value big = tooLarge(a, picks.size(), other);
    if (big != null) {
      return big;
    }
    Value[] out = new Value[picks.size() * other];
    for (int p = 0; p < picks.size(); p++) {
      for (int o = 0; o < other; o++) {
        if (rows) {
          out[p * other + o] = x.get(picks.get(p), o);
        } else {
          out[o * picks.size() + p] = x.get(o, picks.get(p));
        }
      }
    }
    return rows ? shaped(picks.size(), other, out) : shaped(other, picks.size(), out);
  }

  /** TOROW / TOCOL(array, [ignore=0], [scan_by_column]): ignore 1 skips blanks, 2 errors, 3 both. */
  static Value flatten(Args a, boolean toRow) {
    Arr x = a.array(0);
    int ignore = a.integer(1);
    if (ignore < 0 || ignore > 3) {
      return Value.err(ExcelError.VALUE, "ignore must be 0 to 3");
    }
    boolean byColumn = a.bool(2);
    List<Value> out = new ArrayList<>(x.size());
    int outer = byColumn ? x.cols() : x.rows();
    int inner = byColumn ? x.rows() : x.cols();
    for (int i = 0; i < outer; i++) {
      for (int j = 0; j < inner; j++) {
        Value v = byColumn ? x.get(j, i) : x.get(i, j);
        if ((ignore & 1) != 0 && v instanceof Blank || (ignore & 2) != 0 && v instanceof Err) {
          continue;
        }
        out.add(v);
      }
    }
    if (out.isEmpty()) {
      return calc("every value was ignored");
    }
    Value[] cells = out.toArray(new Value[0]);
    return toRow ? shaped(1, cells.length, cells) : shaped(cells.length, 1, cells);
  }

  /** The pad value of WRAPROWS/WRAPCOLS/EXPAND: #N/A unless given. */
  private static Value pad(Args a, int i) {
    return a.given(i) ? a.get(i) : Value.err(ExcelError.NA);
  }

  /** WRAPROWS / WRAPCOLS(vector, count, [pad_with=#N/A]). */
  static Value wrap(Args a, boolean rows) {
    if (a.get(0) instanceof Err e) {
      return e;
    }
    if (a.get(1) instanceof Err e) {
      return e;
    }
    Value[] v = Search.vector(a.array(0));
    if (v == null) {
      return Value.err(ExcelError.VALUE, "needs a single row or column");
    }
    double count = Math.floor(a.num(1));
    if (count < 1) {
      return Value.err(ExcelError.NUM, "the wrap count must be at least 1");
    }
    int w = (int) Math.min(count, v.length);
    int lines = (v.length + w - 1) / w;
    Value[] out = new Value[lines * w];
    Arrays.fill(out, pad(a, 2));
    for (int i = 0; i < v.length; i++) {
      int line = i / w;
      int pos = i % w;
      out[rows ? line * w + pos : pos * lines + line] = v[i];
    }
    return rows ? shaped(lines, w, out) : shaped(w, lines, out);
  }

  /** EXPAND(array, rows, [columns], [pad_with=#N/A]): grows an array; a smaller size is #VALUE!. */
  static Value expand(Args a) {
    for (int i = 0; i < Math.min(3, a.size()); i++) {
      if (a.get(i) instanceof Err e) {
        return e;
      }
    }
    Arr x = a.array(0);
    double rows = a.given(1) ? Math.floor(a.num(1)) : x.rows();
    double cols = a.given(2) ? Math.floor(a.num(2)) : x.cols();
    if (rows < x.rows() || cols < x.cols()) {
      return Value.err(ExcelError.VALUE, "EXPAND cannot shrink an array");
    }
    if (rows * cols > a.ctx().maxArrayCells()) {
      // Not tooLarge(a, (long) rows, (long) cols): the long product overflows for huge sizes (found by fuzzing).
      return Value.err(ExcelError.NUM, "array result larger than " + a.ctx().maxArrayCells() + " cells");
    }
    int nr = (int) rows;
    int nc = (int) cols;
    Value[] out = new Value[nr * nc];
    Arrays.fill(out, pad(a, 3));
    for (int r = 0; r < x.rows(); r++) {
      System.arraycopy(x.cells(), r * x.cols(), out, r * nc, x.cols());
    }
    return shaped(nr, nc, out);
  }
}

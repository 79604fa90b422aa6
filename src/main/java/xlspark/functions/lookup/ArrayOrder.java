package xlspark.functions.lookup;

import static xlspark.functions.ArgKind.ARRAY;
import static xlspark.functions.ArgKind.BOOLEAN;
import static xlspark.functions.ErrorPolicy.INSPECTS_ERRORS;
import static xlspark.functions.lookup.ArrayShapes.calc;
import static xlspark.functions.lookup.ArrayShapes.shaped;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import xlspark.functions.Args;
import xlspark.functions.EvalContext;
import xlspark.functions.FunctionSpec;
import xlspark.value.Coerce;
import xlspark.value.DateSystem;
import xlspark.value.ExcelError;
import xlspark.value.Ops;
import xlspark.value.Value;
import xlspark.value.Value.Arr;
import xlspark.value.Value.Blank;
import xlspark.value.Value.Bool;
import xlspark.value.Value.Err;
import xlspark.value.Value.Num;
import xlspark.value.Value.Text;

/** Dynamic-array functions that select and order rows or columns: SORT, SORTBY, UNIQUE, FILTER. */
final class ArrayOrder {
  private ArrayOrder() {
  }

  static List<FunctionSpec> specs() {
    return List.of(
        FunctionSpec.builder("SORT", ArrayOrder::sort).arg(ARRAY).skippableArg(ARRAY, 1).skippableArg(ARRAY, 1)
            .optionalArg(BOOLEAN, false).build(),
        FunctionSpec.builder("SORTBY", ArrayOrder::sortBy).args(ARRAY, ARRAY).repeating(ARRAY).build(),
        FunctionSpec.builder("UNIQUE", ArrayOrder::unique).arg(ARRAY).optionalArg(BOOLEAN, false)
            .optionalArg(BOOLEAN, false).build(),
        FunctionSpec.builder("FILTER", ArrayOrder::filter).args(ARRAY, ARRAY).optionalArg(ARRAY)
            .errorPolicy(INSPECTS_ERRORS).build());
  }

  /** Sort order of cells: numbers, text, booleans, errors; blanks always last. */
  private static int rank(Value v) {
    return Ops.typeOrder(v);
  }

  static int compareCells(Value x, Value y, boolean descending) {
    int rx = rank(x);
    int ry = rank(y);
    if (rx == 4 || ry == 4) {
      return Integer.compare(rx == 4 ? 1 : 0, ry == 4 ? 1 : 0);
    }
    int c = rx != ry ? Integer.compare(rx, ry) : rx == 3 ? 0 : Ops.compare(x, y);
    return descending ? -c : c;
  }

  /** The work of comparing two cells: a step, and the characters of two texts (up to the shorter). */
  private static long compareWork(Value x, Value y) {
    return x instanceof Text s && y instanceof Text t ? 8 + Math.min(s.s().length(), t.s().length()) : 8;
  }

  /** The numbers in an argument's cells, truncated; null when one is not a number. */
  private static double[] numbers(Arr a, DateSystem dates) {
    double[] out = new double[a.size()];
    for (int i = 0; i < out.length; i++) {
      Value n = Coerce.toNumber(a.cells()[i], dates);
      if (!(n instanceof Num x)) {
        return null;
      }
      out[i] = Math.floor(x.v());
    }
    return out;
  }

  /** The rows (or columns) of x as lines of cells. */
  private static Value[][] lines(Arr x, boolean byCol) {
    Value[][] out = new Value[byCol ? x.cols() : x.rows()][];
    for (int i = 0; i < out.length; i++) {
      out[i] = byCol ? Search.column(x, i) : Search.row(x, i);
    }
    return out;
  }

  /** Rebuilds an array from lines kept in the given order. */
  private static Value assemble(Value[][] lines, List<Integer> order, boolean byCol) {
    int n = order.size();
    int len = lines[0].length;
    Value[] out = new Value[n * len];
    for (int k = 0; k < n; k++) {
      Value[] line = lines[order.get(k)];
      for (int j = 0; j < len; j++) {
        out[byCol ? j * n + k : k * len + j] = line[j];
      }
    }
    return byCol ? shaped(len, n, out) : shaped(n, len, out);
  }

  private static List<Integer> identity(int n) {
    List<Integer> l = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      l.add(i);
    }
    return l;
  }

  /** SORT(array, [sort_index=1], [sort_order=1], [by_col=FALSE]); index and order may be arrays of keys. */
  static Value sort(Args a) {
    Arr x = a.array(0);
    boolean byCol = a.bool(3);
    double[] keys = numbers(a.array(1), a.ctx().dates());
    double[] orders = numbers(a.array(2), a.ctx().dates());
    int width = byCol ? x.rows() : x.cols();
    if (keys == null || orders == null || orders.length != 1 && orders.length != keys.length) {
      return Value.err(ExcelError.VALUE, "invalid sort index or order");
    }
    for (int k = 0; k < keys.length; k++) {
      double o = orders.length == 1 ? orders[0] : orders[k];
      if (keys[k] < 1 || keys[k] > width || o != 1 && o != -1) {
        return Value.err(ExcelError.VALUE, "sort index out of range or order not 1/-1");
      }
    }
    Value[][] lines = lines(x, byCol);
    List<Integer> order = identity(lines.length);
    EvalContext ctx = a.ctx();
    order.sort((i, j) -> {
      for (int k = 0; k < keys.length; k++) {
        int col = (int) keys[k] - 1;
        boolean desc = (orders.length == 1 ? orders[0] : orders[k]) < 0;
        ctx.spend(compareWork(lines[i][col], lines[j][col]));
        int c = compareCells(lines[i][col], lines[j][col], desc);
        if (c != 0) {
          return c;
        }
      }
      return 0;
    });
    return assemble(lines, order, byCol);
  }

  /**
   * SORTBY(array, by1, [order1], by2, [order2], ...): each key is a single column as tall as the array
   * (sorting rows) or a single row as wide (sorting columns).
   */
  static Value sortBy(Args a) {
    Arr x = a.array(0);
    List<Value[]> keys = new ArrayList<>();
    List<Boolean> desc = new ArrayList<>();
    Boolean byCol = null;
    for (int i = 1; i < a.size(); i += 2) {
      Arr by = a.array(i);
      boolean vertical = by.cols() == 1 && by.rows() == x.rows();
      boolean horizontal = by.rows() == 1 && by.cols() == x.cols();
      boolean col = byCol != null && vertical && horizontal ? byCol : !vertical;
      if (!vertical && !horizontal || byCol != null && byCol != col) {
        return Value.err(ExcelError.VALUE, "a sort key does not fit the array");
      }
      byCol = col;
      double o = 1;
      if (i + 1 < a.size() && a.given(i + 1)) {
        double[] os = numbers(a.array(i + 1), a.ctx().dates());
        if (os == null || os.length != 1 || os[0] != 1 && os[0] != -1) {
          return Value.err(ExcelError.VALUE, "sort order must be 1 or -1");
        }
        o = os[0];
      }
      keys.add(by.cells());
      desc.add(o < 0);
    }
    boolean columns = byCol != null && byCol;
    Value[][] lines = lines(x, columns);
    List<Integer> order = identity(lines.length);
    EvalContext ctx = a.ctx();
    order.sort((i, j) -> {
      for (int k = 0; k < keys.size(); k++) {
        ctx.spend(compareWork(keys.get(k)[i], keys.get(k)[j]));
        int c = compareCells(keys.get(k)[i], keys.get(k)[j], desc.get(k));
        if (c != 0) {
          return c;
        }
      }
      return 0;
    });
    return assemble(lines, order, columns);
  }

  /** A hash key for a cell under Excel's equality: text without case, numbers by value. */
  private static Object cellKey(Value v) {
    if (v instanceof Num n) {
      return n.v() + 0.0;
    }
    if (v instanceof Text t) {
      return "t" + t.s().toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
    }
    if (v instanceof Bool b) {
      return b.b();
    }
    if (v instanceof Err e) {
      return e.code();
    }
    return v instanceof Blank ? "blank" : v;
  }

  /** UNIQUE(array, [by_col=FALSE], [exactly_once=FALSE]): distinct rows (columns) in first-seen order. */
  static Value unique(Args a) {
    Arr x = a.array(0);
    boolean byCol = a.bool(1);
    boolean once = a.bool(2);
    Value[][] lines = lines(x, byCol);
    Map<List<Object>, int[]> seen = new HashMap<>();
    List<List<Object>> keys = new ArrayList<>(lines.length);
    for (Value[] line : lines) {
      List<Object> k = new ArrayList<>(line.length);
      long work = 8;
      for (Value v : line) {
        k.add(cellKey(v));
        work += 8 + (v instanceof Text t ? 4L * t.s().length() : 0);
      }
      keys.add(k);
      seen.computeIfAbsent(k, z -> new int[1])[0]++;
      a.ctx().spend(work);
    }
    List<Integer> keep = new ArrayList<>();
    for (int i = 0; i < lines.length; i++) {
      int[] c = seen.get(keys.get(i));
      if (once ? c[0] == 1 : c[0] > 0) {
        keep.add(i);
        if (!once) {
          c[0] = 0;
        }
      }
    }
    return keep.isEmpty() ? calc("no value occurs exactly once") : assemble(lines, keep, byCol);
  }

  /**
   * FILTER(array, include, [if_empty]): include is a column as tall as the array (keeps rows) or a row as
   * wide (keeps columns); its numbers and booleans decide, text is #VALUE!, errors are returned.
   */
  static Value filter(Args a) {
    for (int i = 0; i < 2; i++) {
      if (a.get(i) instanceof Err e) {
        return e;
      }
    }
    Arr x = a.array(0);
    Arr inc = a.array(1);
    boolean rows = inc.cols() == 1 && inc.rows() == x.rows();
    if (!rows && !(inc.rows() == 1 && inc.cols() == x.cols())) {
      return Value.err(ExcelError.VALUE, "include does not fit the array");
    }
    List<Integer> keep = new ArrayList<>();
    for (int i = 0; i < inc.size(); i++) {
      Value v = inc.cells()[i];
      if (v instanceof Err e) {
        return e;
      }
      if (v instanceof Text) {
        return Value.err(ExcelError.VALUE, "include holds text");
      }
      if (v instanceof Num n && n.v() != 0 || v instanceof Bool b && b.b()) {
        keep.add(i);
      }
    }
    if (keep.isEmpty()) {
      return a.given(2) ? a.get(2) : calc("no rows match");
    }
    return assemble(lines(x, !rows), keep, !rows);
  }
}

package xlspark.functions.lookup;

import static xlspark.functions.ArgKind.ANY;
import static xlspark.functions.ArgKind.ARRAY;
import static xlspark.functions.ArgKind.BOOLEAN;
import static xlspark.functions.ArgKind.NUMBER;
import static xlspark.functions.ErrorPolicy.INSPECTS_ERRORS;

import java.util.ArrayList;
import java.util.List;
import xlspark.functions.Args;
import xlspark.functions.FunctionSpec;
import xlspark.value.ExcelError;
import xlspark.value.Value;
import xlspark.value.Value.Arr;
import xlspark.value.Value.Err;

/**
 * Lookup and reference functions over arrays (constants and array results): MATCH, XMATCH, the LOOKUP
 * family, INDEX, CHOOSE, ROWS and COLUMNS. Also gathers the dynamic-array functions of
 * {@link ArrayShapes} and {@link ArrayOrder}. Text compares without case; only values of the same type match.
 */
public final class LookupFunctions {
  private LookupFunctions() {
  }

  public static List<FunctionSpec> specs() {
    List<FunctionSpec> all = new ArrayList<>(List.of(
        FunctionSpec.builder("MATCH", LookupFunctions::match).args(ANY, ARRAY).optionalArg(NUMBER, 1).build(),
        FunctionSpec.builder("XMATCH", LookupFunctions::xmatch).args(ANY, ARRAY).skippableArg(NUMBER, 0)
            .skippableArg(NUMBER, 1).build(),
        FunctionSpec.builder("VLOOKUP", a -> tableLookup(a, true)).args(ANY, ARRAY, NUMBER)
            .optionalArg(BOOLEAN, true).build(),
        FunctionSpec.builder("HLOOKUP", a -> tableLookup(a, false)).args(ANY, ARRAY, NUMBER)
            .optionalArg(BOOLEAN, true).build(),
        FunctionSpec.builder("XLOOKUP", LookupFunctions::xlookup).args(ANY, ARRAY, ARRAY).optionalArg(ARRAY)
            .skippableArg(NUMBER, 0).skippableArg(NUMBER, 1).errorPolicy(INSPECTS_ERRORS).build(),
        FunctionSpec.builder("LOOKUP", LookupFunctions::lookup).args(ANY, ARRAY).optionalArg(ARRAY).build(),
        FunctionSpec.builder("INDEX", LookupFunctions::index).args(ARRAY, NUMBER).optionalArg(NUMBER).build(),
        FunctionSpec.builder("CHOOSE", LookupFunctions::choose).args(NUMBER, ANY).repeating(ANY, 255)
            .errorPolicy(INSPECTS_ERRORS).build(),
        FunctionSpec.builder("ROWS", a -> Value.num(a.array(0).rows())).arg(ARRAY).build(),
        FunctionSpec.builder("COLUMNS", a -> Value.num(a.array(0).cols())).arg(ARRAY).build()));
    all.addAll(ArrayShapes.specs());
    all.addAll(ArrayOrder.specs());
    all.addAll(ReferenceText.specs());
    all.addAll(TrimRange.specs());
    return List.copyOf(all);
  }

  private static Value na(String why) {
    return Value.err(ExcelError.NA, why);
  }

  /**
   * MATCH(value, line, [type=1]): type 0 finds the first equal cell (text may use wildcards); 1 the largest
   * value ≤ value in an ascending line, -1 the smallest value ≥ value in a descending one (binary search).
   */
  static Value match(Args a) {
    Value[] line = Search.vector(a.array(1));
    if (line == null) {
      return na("MATCH needs a single row or column");
    }
    Value v = Search.key(a.get(0));
    double type = a.num(2);
    int i = type == 0 ? Search.exact(line, v, true, false, a.ctx())
        : type > 0 ? Search.sorted(line, Search.approximateKey(v), true)
        : Search.descending(line, Search.approximateKey(v));
    return i < 0 ? na("no match") : Value.num(i + 1);
  }

  /** The index XMATCH/XLOOKUP find for match mode -1/0/1/2 and search mode 1/-1/2/-2; -1 when none. */
  static int find(Value[] line, Value v, int matchMode, int searchMode, Args a) {
    if (searchMode == 2 || searchMode == -2) {
      return Search.bisect(line, v, searchMode == 2, matchMode);
    }
    boolean reverse = searchMode == -1;
    if (matchMode == 0 || matchMode == 2) {
      return Search.exact(line, v, matchMode == 2, reverse, a.ctx());
    }
    return Search.nearest(line, v, matchMode == 1, reverse, a.ctx());
  }

  /** Null when the modes are valid, else the #VALUE! error. */
  static Value checkModes(int matchMode, int searchMode) {
    if (matchMode < -1 || matchMode > 2 || searchMode != 1 && searchMode != -1 && searchMode != 2 && searchMode != -2
        || matchMode == 2 && Math.abs(searchMode) == 2) {
      return Value.err(ExcelError.VALUE, "invalid match or search mode");
    }
    return null;
  }

  /** XMATCH(value, line, [match_mode=0], [search_mode=1]). */
  static Value xmatch(Args a) {
    Value[] line = Search.vector(a.array(1));
    if (line == null) {
      return Value.err(ExcelError.VALUE, "XMATCH needs a single row or column");
    }
    int mm = a.integer(2);
    int sm = a.integer(3);
    Value bad = checkModes(mm, sm);
    if (bad != null) {
      return bad;
    }
    int i = find(line, Search.key(a.get(0)), mm, sm, a);
    return i < 0 ? na("no match") : Value.num(i + 1);
  }

  /**
   * XLOOKUP(value, lookup, return, [if_not_found], [match_mode=0], [search_mode=1]): returns the matching
   * row (vertical lookup) or column (horizontal) of the return array.
   */
  static Value xlookup(Args a) {
    for (int i : new int[] {0, 1, 2, 4, 5}) {
      if (i < a.size() && a.get(i) instanceof Err e) {
        return e;
      }
    }
    Arr look = a.array(1);
    Arr ret = a.array(2);
    Value[] line = Search.vector(look);
    if (line == null) {
      return Value.err(ExcelError.VALUE, "the lookup array must be a single row or column");
    }
    boolean vertical = look.cols() == 1 && ret.rows() == look.rows();
    if (!vertical && !(look.rows() == 1 && ret.cols() == look.cols())) {
      return Value.err(ExcelError.VALUE, "the return array does not fit the lookup array");
    }
    int mm = a.integer(4);
    int sm = a.integer(5);
    Value bad = checkModes(mm, sm);
    if (bad != null) {
      return bad;
    }
    int i = find(line, Search.key(a.get(0)), mm, sm, a);
    if (i < 0) {
      return a.given(3) ? a.get(3) : na("no match");
    }
    if (vertical) {
      return ret.cols() == 1 ? ret.get(i, 0) : new Arr(1, ret.cols(), Search.row(ret, i));
    }
    return ret.rows() == 1 ? ret.get(0, i) : new Arr(ret.rows(), 1, Search.column(ret, i));
  }

  /**
   * VLOOKUP / HLOOKUP(value, table, index, [approximate=TRUE]): searches the first column (row) and returns
   * the cell of the index-th column (row); index below 1 is #VALUE!, beyond the table #REF!.
   */
  static Value tableLookup(Args a, boolean vertical) {
    Arr table = a.array(1);
    double index = Math.floor(a.num(2));
    if (index < 1) {
      return Value.err(ExcelError.VALUE, "the index must be at least 1");
    }
    if (index > (vertical ? table.cols() : table.rows())) {
      return Value.err(ExcelError.REF, "the index is beyond the table");
    }
    Value[] keys = vertical ? Search.column(table, 0) : Search.row(table, 0);
    Value v = Search.key(a.get(0));
    boolean approximate = a.bool(3);
    int i = approximate ? Search.sorted(keys, Search.approximateKey(v), true)
        : Search.exact(keys, v, true, false, a.ctx());
    if (i < 0) {
      return na("no match");
    }
    return vertical ? table.get(i, (int) index - 1) : table.get((int) index - 1, i);
  }

  /**
   * LOOKUP(value, vector, [result]): approximate (sorted) search. Without a result vector, an array wider
   * than tall is searched in its first row and answered from its last row, otherwise by columns.
   */
  static Value lookup(Args a) {
    Arr look = a.array(1);
    boolean wide = look.cols() > look.rows();
    Value[] keys = wide ? Search.row(look, 0) : Search.column(look, 0);
    Value[] result;
    if (a.has(2)) {
      result = Search.vector(a.array(2));
      if (result == null) {
        return na("LOOKUP's result vector must be one row or column");
      }
    } else {
      result = wide ? Search.row(look, look.rows() - 1) : Search.column(look, look.cols() - 1);
    }
    int i = Search.sorted(keys, Search.approximateKey(Search.key(a.get(0))), true);
    return i < 0 || i >= result.length ? na("no match") : result[i];
  }

  /**
   * INDEX(array, row, [column]): row or column 0 selects a whole column or row; a single row or column
   * takes one index; out of range is #REF!, negative #VALUE!.
   */
  static Value index(Args a) {
    Arr arr = a.array(0);
    Object at = indexPosition(a, arr.rows(), arr.cols());
    if (!(at instanceof int[] rc)) {
      return (Value) at;
    }
    int ri = rc[0];
    int ci = rc[1];
    if (ri == 0 && ci == 0) {
      return arr;
    }
    if (ri == 0) {
      return arr.rows() == 1 ? arr.get(0, ci - 1) : new Arr(arr.rows(), 1, Search.column(arr, ci - 1));
    }
    if (ci == 0) {
      return arr.cols() == 1 ? arr.get(ri - 1, 0) : new Arr(1, arr.cols(), Search.row(arr, ri - 1));
    }
    return arr.get(ri - 1, ci - 1);
  }

  /**
   * INDEX's row and column ({@code {row, column}}, 1-based, 0 for a whole line) in a rows x cols array or
   * reference: with one index, a single row takes it as the column and a single column as the row. An error value
   * when an index is negative (#VALUE!) or beyond the area (#REF!).
   */
  public static Object indexPosition(Args a, int rows, int cols) {
    double r = Math.floor(a.num(1));
    double c;
    if (a.has(2)) {
      c = Math.floor(a.num(2));
    } else if (rows == 1) {
      c = r;
      r = 1;
    } else {
      c = cols == 1 ? 1 : 0;
    }
    if (r < 0 || c < 0) {
      return Value.err(ExcelError.VALUE, "negative index");
    }
    if (r > rows || c > cols) {
      return Value.err(ExcelError.REF, "index out of range");
    }
    return new int[] {(int) r, (int) c};
  }

  /** CHOOSE(index, value1, ...): only the chosen value's error matters; index outside 1..n is #VALUE!. */
  static Value choose(Args a) {
    if (a.get(0) instanceof Err e) {
      return e;
    }
    double i = Math.floor(a.num(0));
    if (i < 1 || i >= a.size()) {
      return Value.err(ExcelError.VALUE, "CHOOSE index out of range");
    }
    Value v = a.get((int) i);
    return v == Value.MISSING ? Value.ZERO : v;
  }
}

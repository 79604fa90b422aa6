package xlspark.functions.lookup;

import xlspark.functions.EvalContext;
import xlspark.functions.criteria.Wildcard;
import xlspark.value.Ops;
import xlspark.value.Value;
import xlspark.value.Value.Arr;
import xlspark.value.Value.Text;

/**
 * The searches behind MATCH, XMATCH and the LOOKUP family over one line of cells. A cell matches a value
 * only when both are numbers, both text (ignoring case) or both booleans; blanks and errors never match.
 * Sorted searches are binary, as in Excel, and only look at cells of the value's type.
 */
final class Search {
  private Search() {
  }

  /** The value to look for: an empty argument is 0. */
  static Value key(Value v) {
    return v == Value.MISSING ? Value.ZERO : v;
  }

  /**
   * The key of an approximate (sorted) search: an empty cell looks up 0, as Excel's cached results show
   * (excel-truth tests__fixtures__lookup.xlsx: VLOOKUP, HLOOKUP, LOOKUP and MATCH of an empty cell find the 0).
   */
  static Value approximateKey(Value v) {
    return v instanceof Value.Blank ? Value.ZERO : v;
  }

  /**
   * MATCH type -1 (a descending line): the first cell equal to v, else the last of the leading run of cells
   * greater than v; -1 when the first cell of v's type is already smaller. Cells of another type are passed
   * over. This is what Excel answers on lines that are not descending (excel-truth tests__fixtures__lookup.xlsx:
   * MATCH(2,{0;1;2;3;4},-1) is #N/A, MATCH(0,{0;1;2;3;4},-1) is 1), where a binary search would find 5.
   */
  static int descending(Value[] cells, Value v) {
    int best = -1;
    for (int i = 0; i < cells.length; i++) {
      if (!sameType(cells[i], v)) {
        continue;
      }
      int c = Ops.compare(cells[i], v);
      if (c == 0) {
        return i;
      }
      if (c < 0) {
        return best;
      }
      best = i;
    }
    return best;
  }

  /** The cells of a single row or column, or null for a two-dimensional array. */
  static Value[] vector(Arr a) {
    return a.rows() == 1 || a.cols() == 1 ? a.cells() : null;
  }

  static Value[] row(Arr a, int r) {
    Value[] out = new Value[a.cols()];
    System.arraycopy(a.cells(), r * a.cols(), out, 0, a.cols());
    return out;
  }

  static Value[] column(Arr a, int c) {
    Value[] out = new Value[a.rows()];
    for (int r = 0; r < out.length; r++) {
      out[r] = a.get(r, c);
    }
    return out;
  }

  /** The kind order of a number, text or boolean; -1 for errors and blanks, which lookups never match by order. */
  private static int typeOf(Value v) {
    int t = Ops.typeOrder(v);
    return t <= 2 ? t : -1;
  }

  static boolean sameType(Value cell, Value v) {
    int t = typeOf(cell);
    return t >= 0 && t == typeOf(v);
  }

  static boolean equal(Value cell, Value v) {
    return sameType(cell, v) && Ops.compare(cell, v) == 0;
  }

  /**
   * The first (or, with {@code reverse}, last) cell equal to v, -1 if none; with {@code wildcards} a text
   * value containing {@code * ? ~} is a pattern.
   */
  static int exact(Value[] cells, Value v, boolean wildcards, boolean reverse, EvalContext ctx) {
    Wildcard w = wildcards && v instanceof Text t && Wildcard.isPattern(t.s()) ? Wildcard.compile(t.s(), ctx.budget()) : null;
    int n = cells.length;
    for (int k = 0; k < n; k++) {
      int i = reverse ? n - 1 - k : k;
      Value c = cells[i];
      if (w != null ? c instanceof Text ct && w.matches(ct.s()) : equal(c, v)) {
        return i;
      }
      if ((k & 1023) == 1023) {
        ctx.checkDeadline();
      }
    }
    return -1;
  }

  /**
   * Binary search of a line taken as sorted (ascending, or descending): the last cell of v's type that is not
   * past v, or -1. As Excel searches: the probe halves (lowest-1, highest+1) until they meet; a probe on a cell of
   * another type moves right to the next cell of v's type before that; a probe equal to v ends the search at the
   * last cell of the run of equal cells that starts there. On lines that are not sorted this is what decides the
   * answer (excel-truth FormulaEvalTestData_Copy.xlsx: HLOOKUP("STRING",...) over an unsorted header row finds
   * the STRING column; a search that went on past an equal cell would not).
   */
  static int sorted(Value[] cells, Value v, boolean ascending) {
    int low = -1;
    int high = cells.length;
    while (high - low >= 2) {
      int mid = (low + high) >>> 1;
      int m = mid;
      while (m < high && !sameType(cells[m], v)) {
        m++;
      }
      if (m == high) {
        high = mid;
        continue;
      }
      int c = Ops.compare(cells[m], v);
      if (c == 0) {
        while (m + 1 < high && sameType(cells[m + 1], v) && Ops.compare(cells[m + 1], v) == 0) {
          m++;
        }
        return m;
      }
      if (ascending ? c < 0 : c > 0) {
        low = m;
      } else {
        high = mid;
      }
    }
    return low;
  }

  /**
   * XMATCH's and XLOOKUP's binary search (search mode 2, or -2 for a descending line): halves the line comparing
   * across types in Excel's sort order (numbers, text, logicals) and stops at the first equal cell it probes; when
   * none, match mode -1 or 1 takes the neighbour where the search ended (if of v's type). On unsorted lines this
   * follows Excel's own path: {@code XMATCH("ss",{1,"SS","c bau c",4.1},0,2)} is 2 and
   * {@code XMATCH(4.1,{"","a",1.1,4.1},0,2)} is #N/A.
   */
  static int bisect(Value[] cells, Value v, boolean ascending, int matchMode) {
    int lo = 0;
    int hi = cells.length - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int c = Ops.compare(cells[mid], v);
      if (c == 0 && sameType(cells[mid], v)) {
        return mid;
      }
      if ((ascending ? c : -c) <= 0) {
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    if (matchMode == 0) {
      return -1;
    }
    int i = (ascending ? matchMode == -1 : matchMode == 1) ? hi : lo;
    return i >= 0 && i < cells.length && sameType(cells[i], v) ? i : -1;
  }

  /**
   * Linear search for an exact match, else the nearest smaller (or larger) value of v's type; among equal
   * candidates the first in search order wins.
   */
  static int nearest(Value[] cells, Value v, boolean larger, boolean reverse, EvalContext ctx) {
    int best = -1;
    int n = cells.length;
    for (int k = 0; k < n; k++) {
      int i = reverse ? n - 1 - k : k;
      Value c = cells[i];
      if (!sameType(c, v)) {
        continue;
      }
      int cmp = Ops.compare(c, v);
      if (cmp == 0) {
        return i;
      }
      if ((larger ? cmp > 0 : cmp < 0) && (best < 0 || (larger ? Ops.compare(c, cells[best]) < 0
          : Ops.compare(c, cells[best]) > 0))) {
        best = i;
      }
      if ((k & 1023) == 1023) {
        ctx.checkDeadline();
      }
    }
    return best;
  }
}

package xlspark.functions.math;

import static xlspark.functions.ArgKind.NUMBER;
import static xlspark.functions.ArgKind.REFERENCE;

import java.util.Arrays;
import java.util.List;
import xlspark.functions.Args;
import xlspark.functions.FunctionSpec;
import xlspark.functions.WorkbookAccess;
import xlspark.value.Coerce;
import xlspark.value.ExcelError;
import xlspark.value.Value;
import xlspark.value.Value.Arr;
import xlspark.value.Value.Blank;
import xlspark.value.Value.Err;
import xlspark.value.Value.Num;

/**
 * SUBTOTAL and AGGREGATE. Their ranges are taken as references (workbook mode) and read through
 * {@link WorkbookAccess#readAggregated}: SUBTOTAL leaves out rows an AutoFilter hides (1-11) or every hidden row
 * (101-111), and cells that are SUBTOTAL or AGGREGATE formulas themselves; AGGREGATE's options 0-3 leave out such
 * cells, 1, 3, 5 and 7 hidden rows, 2, 3, 6 and 7 errors. Arrays (expression mode, computed arrays) have no hidden
 * rows and no nested subtotals.
 */
final class Subtotals {
  private Subtotals() {
  }

  static List<FunctionSpec> specs() {
    return List.of(
        FunctionSpec.builder("SUBTOTAL", Subtotals::subtotal).args(NUMBER, REFERENCE).repeating(REFERENCE).build(),
        FunctionSpec.builder("AGGREGATE", Subtotals::aggregate).args(NUMBER, NUMBER, REFERENCE)
            .repeating(REFERENCE).build());
  }

  static Value subtotal(Args a) {
    int n = (int) a.num(0);
    Aggregation agg = n >= 1 && n <= 11 || n >= 101 && n <= 111 ? Aggregation.byNumber(n % 100) : null;
    if (agg == null) {
      return Value.err(ExcelError.VALUE, "SUBTOTAL function number must be 1-11 or 101-111");
    }
    return gather(a, 1, a.size(), agg, false, 0, n > 100, true);
  }

  static Value aggregate(Args a) {
    Aggregation agg = Aggregation.byNumber((int) a.num(0));
    int options = (int) a.num(1);
    if (agg == null || options < 0 || options > 7) {
      return Value.err(ExcelError.VALUE, "AGGREGATE needs a function number 1-19 and options 0-7");
    }
    boolean ignoreErrors = options == 2 || options == 3 || options == 6 || options == 7;
    boolean hidden = options % 2 == 1;
    boolean nested = options <= 3;
    if (!agg.takesK()) {
      return gather(a, 2, a.size(), agg, ignoreErrors, 0, hidden, nested);
    }
    if (a.size() != 4) {
      return Value.err(ExcelError.VALUE, "AGGREGATE " + (int) a.num(0) + " needs an array and k");
    }
    Value k = a.get(3);
    if (k instanceof Value.Ref r) {
      k = a.ctx().read(r, false);
      k = k instanceof Arr ka && ka.size() == 1 ? ka.cells()[0] : k;
    }
    if (k instanceof Arr ks) {
      Value[] out = new Value[ks.size()];
      for (int i = 0; i < out.length; i++) {
        out[i] = withK(a, agg, ignoreErrors, ks.cells()[i], hidden, nested);
      }
      return new Arr(ks.rows(), ks.cols(), out);
    }
    return withK(a, agg, ignoreErrors, k, hidden, nested);
  }

  private static Value withK(Args a, Aggregation agg, boolean ignoreErrors, Value k, boolean hidden,
                             boolean nested) {
    Value kn = Coerce.toNumber(k, a.ctx().dates());
    if (kn instanceof Err) {
      return kn;
    }
    return gather(a, 2, 3, agg, ignoreErrors, ((Num) kn).v(), hidden, nested);
  }

  /** An argument's values: a reference read as SUBTOTAL reads it, an array as it is, a value as a 1x1 array. */
  private static Value values(Args a, int i, boolean hidden, boolean nested) {
    Value v = a.get(i);
    if (v instanceof Value.Ref r) {
      WorkbookAccess wb = a.ctx().workbook();
      v = wb == null ? a.ctx().read(r, false) : wb.readAggregated(r.area(), hidden, nested);
    }
    return v instanceof Arr || v instanceof Err ? v : new Arr(1, 1, new Value[] {v});
  }

  /** Gathers the numbers (or, for COUNTA, the non-blank values) of arguments [from, to) and aggregates them. */
  private static Value gather(Args a, int from, int to, Aggregation agg, boolean ignoreErrors, double k,
                              boolean hidden, boolean nested) {
    double[] values = new double[16];
    int n = 0;
    for (int i = from; i < to; i++) {
      Value read = values(a, i, hidden, nested);
      if (read instanceof Err e) {
        return e;
      }
      Arr arr = (Arr) read;
      for (Value v : arr.cells()) {
        boolean counted;
        if (v instanceof Err) {
          if (!ignoreErrors && !agg.skipsErrors()) {
            return v;
          }
          counted = !ignoreErrors && agg.countsValues();
        } else {
          counted = v instanceof Num || agg.countsValues() && !(v instanceof Blank);
        }
        if (counted) {
          if (n == values.length) {
            values = Arrays.copyOf(values, n * 2);
          }
          values[n++] = v instanceof Num num ? num.v() : 0;
        }
      }
      a.ctx().checkDeadline();
    }
    return agg.apply(Arrays.copyOf(values, n), k);
  }
}

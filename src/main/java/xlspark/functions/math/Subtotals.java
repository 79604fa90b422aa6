package xlspark.functions.math;

import static xlspark.functions.ArgKind.ARRAY;
import static xlspark.functions.ArgKind.NUMBER;

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
 * SUBTOTAL and AGGREGATE over arrays. Arrays stand for ranges, so there are no hidden rows and no nested
 * subtotals to skip: function numbers 101-111 act like 1-11, and AGGREGATE's options only decide whether
 * errors are ignored (2, 3, 6, 7).
 */
final class Subtotals {
  private Subtotals() {
  }

  static List<FunctionSpec> specs() {
    return List.of(
        FunctionSpec.builder("SUBTOTAL", Subtotals::subtotal).args(NUMBER, ARRAY).repeating(ARRAY).build(),
        FunctionSpec.builder("AGGREGATE", Subtotals::aggregate).args(NUMBER, NUMBER, ARRAY).repeating(ARRAY)
            .build());
  }

  static Value subtotal(Args a) {
    int n = (int) a.num(0);
    Aggregation agg = n >= 1 && n <= 11 || n >= 101 && n <= 111 ? Aggregation.byNumber(n % 100) : null;
    if (agg == null) {
      return Value.err(ExcelError.VALUE, "SUBTOTAL function number must be 1-11 or 101-111");
    }
    return gather(a, 1, a.size(), agg, false, 0);
  }

  static Value aggregate(Args a) {
    Aggregation agg = Aggregation.byNumber((int) a.num(0));
    int options = (int) a.num(1);
    if (agg == null || options < 0 || options > 7) {
      return Value.err(ExcelError.VALUE, "AGGREGATE needs a function number 1-19 and options 0-7");
    }
    boolean ignoreErrors = options == 2 || options == 3 || options == 6 || options == 7;
    if (!agg.takesK()) {
      return gather(a, 2, a.size(), agg, ignoreErrors, 0);
    }
    if (a.size() != 4) {
      return Value.err(ExcelError.VALUE, "AGGREGATE " + (int) a.num(0) + " needs an array and k");
    }
    Value k = a.get(3);
    if (k instanceof Arr ks) {
      Value[] out = new Value[ks.size()];
      for (int i = 0; i < out.length; i++) {
        out[i] = withK(a, agg, ignoreErrors, ks.cells()[i]);
      }
      return new Arr(ks.rows(), ks.cols(), out);
    }
    return withK(a, agg, ignoreErrors, k);
  }

  private static Value withK(Args a, Aggregation agg, boolean ignoreErrors, Value k) {
    Value kn = Coerce.toNumber(k);
    if (kn instanceof Err) {
      return kn;
    }
    return gather(a, 2, 3, agg, ignoreErrors, ((Num) kn).v());
  }

  /** Gathers the numbers (or, for COUNTA, the non-blank values) of arguments [from, to) and aggregates them. */
  private static Value gather(Args a, int from, int to, Aggregation agg, boolean ignoreErrors, double k) {
    double[] values = new double[16];
    int n = 0;
    for (int i = from; i < to; i++) {
      Arr arr = a.array(i);
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

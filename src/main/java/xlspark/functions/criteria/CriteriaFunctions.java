package xlspark.functions.criteria;

import static xlspark.functions.ArgKind.ANY;
import static xlspark.functions.ArgKind.ARRAY;
import static xlspark.functions.ErrorPolicy.INSPECTS_ERRORS;

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
import xlspark.value.Value.Text;

/**
 * Conditional aggregates over arrays (which stand for ranges): COUNTIF(S), SUMIF(S), AVERAGEIF(S),
 * MAXIFS, MINIFS, and COUNTBLANK. Criteria follow {@link Criterion}; a criterion given as an array makes
 * an array of results (the registry lifts it). Errors in criteria ranges simply do not match; errors in
 * the cells being summed, averaged or compared are returned.
 */
public final class CriteriaFunctions {
  /** Excel allows 127 range/criterion pairs. */
  private static final int MAX_PAIRS = 127;

  /** What is done with the target cells that meet every criterion. */
  private enum Total { COUNT, SUM, AVERAGE, MAX, MIN }

  private CriteriaFunctions() {
  }

  public static List<FunctionSpec> specs() {
    return List.of(
        FunctionSpec.builder("COUNTIF", a -> single(a, Total.COUNT)).args(ARRAY, ANY).errorPolicy(INSPECTS_ERRORS).build(),
        FunctionSpec.builder("SUMIF", a -> single(a, Total.SUM)).args(ARRAY, ANY).optionalArg(ARRAY).errorPolicy(INSPECTS_ERRORS).build(),
        FunctionSpec.builder("AVERAGEIF", a -> single(a, Total.AVERAGE)).args(ARRAY, ANY).optionalArg(ARRAY)
            .errorPolicy(INSPECTS_ERRORS).build(),
        pairs(FunctionSpec.builder("COUNTIFS", a -> multiple(a, Total.COUNT, 0)).args(ARRAY, ANY)),
        pairs(FunctionSpec.builder("SUMIFS", a -> multiple(a, Total.SUM, 1)).args(ARRAY, ARRAY, ANY)),
        pairs(FunctionSpec.builder("AVERAGEIFS", a -> multiple(a, Total.AVERAGE, 1)).args(ARRAY, ARRAY, ANY)),
        pairs(FunctionSpec.builder("MAXIFS", a -> multiple(a, Total.MAX, 1)).args(ARRAY, ARRAY, ANY)),
        pairs(FunctionSpec.builder("MINIFS", a -> multiple(a, Total.MIN, 1)).args(ARRAY, ARRAY, ANY)),
        FunctionSpec.builder("COUNTBLANK", CriteriaFunctions::countBlank).arg(ARRAY).build());
  }

  /**
   * Declares the optional further (range, criterion) pairs: ranges are not lifted, criteria are. An error criterion
   * counts the cells holding that error (Excel's cached COUNTIF(AA7:AA13, 1/0) is 1), so errors reach the body.
   */
  private static FunctionSpec pairs(FunctionSpec.Builder b) {
    for (int i = 1; i < MAX_PAIRS; i++) {
      b.optionalArg(ARRAY).optionalArg(ANY);
    }
    return b.errorPolicy(INSPECTS_ERRORS).build();
  }

  /** COUNTIF, SUMIF, AVERAGEIF: the value range is aligned at the top-left of the criteria range. */
  private static Value single(Args a, Total total) {
    Value rangeError = rangeError(a, 0, 2);
    if (rangeError != null) {
      return rangeError;
    }
    Arr range = a.array(0);
    Criterion c = Criterion.of(a.get(1), a.ctx().budget());
    Arr values = a.has(2) && a.get(2) != Value.MISSING ? a.array(2) : range;
    Accumulator acc = new Accumulator(total);
    for (int r = 0; r < range.rows(); r++) {
      for (int col = 0; col < range.cols(); col++) {
        if (c.matches(range.get(r, col))) {
          Value v = r < values.rows() && col < values.cols() ? values.get(r, col) : Value.BLANK;
          if (!acc.add(v)) {
            return v;
          }
        }
      }
      a.ctx().checkDeadline();
    }
    return acc.result();
  }

  /** The first error given as a range (not as a criterion) among the arguments at these indexes, or null. */
  private static Value rangeError(Args a, int... indexes) {
    for (int i : indexes) {
      if (i < a.size() && a.get(i) instanceof Err e) {
        return e;
      }
    }
    return null;
  }

  /** The IFS functions: arguments {@code [target,] range1, criterion1, range2, criterion2...}, all ranges one shape. */
  private static Value multiple(Args a, Total total, int firstPair) {
    if ((a.size() - firstPair) % 2 != 0) {
      return Value.err(ExcelError.VALUE, "criteria ranges and criteria must come in pairs");
    }
    int pairs = (a.size() - firstPair) / 2;
    for (int i = 0; i < a.size(); i++) {
      if ((i < firstPair || (i - firstPair) % 2 == 0) && a.get(i) instanceof Err e) {
        return e;
      }
    }
    Arr target = a.array(0);
    Arr[] ranges = new Arr[pairs];
    Criterion[] criteria = new Criterion[pairs];
    for (int i = 0; i < pairs; i++) {
      ranges[i] = a.array(firstPair + 2 * i);
      if (ranges[i].rows() != target.rows() || ranges[i].cols() != target.cols()) {
        return Value.err(ExcelError.VALUE, "criteria ranges must have the same size");
      }
      criteria[i] = Criterion.of(a.get(firstPair + 2 * i + 1), a.ctx().budget());
    }
    Accumulator acc = new Accumulator(total);
    Value[] cells = target.cells();
    for (int k = 0; k < cells.length; k++) {
      boolean all = true;
      for (int i = 0; i < pairs && all; i++) {
        all = criteria[i].matches(ranges[i].cells()[k]);
      }
      if (all && !acc.add(cells[k])) {
        return cells[k];
      }
      if ((k & 1023) == 1023) {
        a.ctx().checkDeadline();
      }
    }
    return acc.result();
  }

  /** COUNTBLANK: blank cells and cells holding empty text. */
  private static Value countBlank(Args a) {
    int n = 0;
    for (Value v : a.array(0).cells()) {
      if (v instanceof Blank || v instanceof Text t && t.s().isEmpty()) {
        n++;
      }
    }
    return Value.num(n);
  }

  /** Totals the matching cells: counts all of them, or sums/averages/extremes of their numbers. */
  private static final class Accumulator {
    private final Total total;
    private int count;
    private double sum;
    private double extreme;

    Accumulator(Total total) {
      this.total = total;
      this.extreme = total == Total.MAX ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }

    /** Adds a matching cell; false when the cell is an error the function must return. */
    boolean add(Value v) {
      if (total == Total.COUNT) {
        count++;
        return true;
      }
      if (v instanceof Err) {
        return false;
      }
      if (v instanceof Num n) {
        count++;
        sum += n.v();
        extreme = total == Total.MAX ? Math.max(extreme, n.v()) : Math.min(extreme, n.v());
      }
      return true;
    }

    Value result() {
      return switch (total) {
        case COUNT -> Value.num(count);
        case SUM -> Coerce.number(sum);
        case AVERAGE -> count == 0 ? Value.err(ExcelError.DIV0) : Coerce.number(sum / count);
        case MAX, MIN -> count == 0 ? Value.ZERO : Coerce.number(extreme);
      };
    }
  }
}

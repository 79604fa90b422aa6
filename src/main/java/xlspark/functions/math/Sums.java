package xlspark.functions.math;

import static xlspark.functions.ArgKind.ARRAY;
import static xlspark.functions.ArgKind.NUMBER;

import java.util.List;
import xlspark.functions.Args;
import xlspark.functions.FunctionSpec;
import xlspark.functions.NumberList;
import xlspark.value.Coerce;
import xlspark.value.ExcelError;
import xlspark.value.Ops;
import xlspark.value.Value;
import xlspark.value.Value.Arr;
import xlspark.value.Value.Err;
import xlspark.value.Value.Num;

/** SUM, SUMSQ, PRODUCT, SUMPRODUCT, SERIESSUM and the paired sums SUMX2MY2, SUMX2PY2, SUMXMY2. */
final class Sums {
  /** The term of a paired sum over x and y. */
  @FunctionalInterface
  private interface PairTerm {
    double apply(double x, double y);
  }

  private Sums() {
  }

  static List<FunctionSpec> specs() {
    return List.of(
        FunctionSpec.builder("SUM", Sums::sum).repeating(ARRAY).build(),
        FunctionSpec.builder("SUMSQ", Sums::sumsq).repeating(ARRAY).build(),
        FunctionSpec.builder("PRODUCT", Sums::product).repeating(ARRAY).build(),
        FunctionSpec.builder("SUMPRODUCT", Sums::sumproduct).arg(ARRAY).repeating(ARRAY).build(),
        FunctionSpec.builder("SERIESSUM", Sums::seriessum).args(NUMBER, NUMBER, NUMBER, ARRAY).build(),
        paired("SUMX2MY2", (x, y) -> x * x - y * y),
        paired("SUMX2PY2", (x, y) -> x * x + y * y),
        paired("SUMXMY2", (x, y) -> (x - y) * (x - y)),
        FunctionSpec.builder("PERCENTOF", Sums::percentOf).args(ARRAY, ARRAY).build());
  }

  static Value sum(Args a) {
    NumberList l = a.numbers(0);
    return l.error() != null ? l.error() : Coerce.number(l.sum());
  }

  static Value sumsq(Args a) {
    NumberList l = a.numbers(0);
    if (l.error() != null) {
      return l.error();
    }
    double s = 0;
    for (int i = 0; i < l.size(); i++) {
      s += l.get(i) * l.get(i);
    }
    return Coerce.number(s);
  }

  /** PRODUCT: the product of the numbers, 0 when there are none. */
  static Value product(Args a) {
    NumberList l = a.numbers(0);
    if (l.error() != null) {
      return l.error();
    }
    if (l.size() == 0) {
      return Value.ZERO;
    }
    double p = 1;
    for (int i = 0; i < l.size(); i++) {
      p *= l.get(i);
    }
    return Coerce.number(p);
  }

  /**
   * SUMPRODUCT: arrays of one shape (else #VALUE!) multiplied cell by cell and summed; cells that are not
   * numbers (text, booleans, blanks) count as 0, errors are returned.
   */
  static Value sumproduct(Args a) {
    Arr first = a.array(0);
    int n = first.size();
    Arr[] arrays = new Arr[a.size()];
    for (int i = 0; i < arrays.length; i++) {
      Value v = a.get(i);
      if (v instanceof Err) {
        return v;
      }
      arrays[i] = a.array(i);
      if (arrays[i].rows() != first.rows() || arrays[i].cols() != first.cols()) {
        return Value.err(ExcelError.VALUE, "SUMPRODUCT arrays must have the same dimensions");
      }
    }
    double s = 0;
    for (int c = 0; c < n; c++) {
      double p = 1;
      for (Arr arr : arrays) {
        Value v = arr.cells()[c];
        if (v instanceof Num num) {
          p *= num.v();
        } else if (v instanceof Err) {
          return v;
        } else {
          p = 0;
        }
      }
      s += p;
    }
    a.ctx().checkDeadline();
    return Coerce.number(s);
  }

  /** SERIESSUM(x, n, m, coefficients): sum of a_i * x^(n + i*m); a coefficient that is not a number is #VALUE!. */
  static Value seriessum(Args a) {
    double x = a.num(0);
    double n = a.num(1);
    double m = a.num(2);
    Arr coeffs = a.array(3);
    double s = 0;
    for (int i = 0; i < coeffs.size(); i++) {
      Value c = coeffs.cells()[i];
      if (c instanceof Err) {
        return c;
      }
      if (!(c instanceof Num coeff)) {
        return Value.err(ExcelError.VALUE, "coefficients must be numbers");
      }
      Value term = Ops.power(x, n + i * m);
      if (term instanceof Err) {
        return term;
      }
      s += coeff.v() * ((Num) term).v();
    }
    return Coerce.number(s);
  }

  /**
   * SUMX2MY2 and friends: two arrays of the same number of cells (else #N/A); pairs where either cell is
   * not a number are skipped; errors are returned; no pair of numbers at all is #DIV/0! (Excel's cached
   * SUMX2MY2(D8:E11,C8:D11) over blanks and text in FormulaEvalTestData).
   */
  private static FunctionSpec paired(String name, PairTerm term) {
    return FunctionSpec.builder(name, a -> {
      for (int i = 0; i < 2; i++) {
        if (a.get(i) instanceof Err) {
          return a.get(i);
        }
      }
      Arr x = a.array(0);
      Arr y = a.array(1);
      if (x.size() != y.size()) {
        return Value.err(ExcelError.NA, "arrays have different sizes");
      }
      double s = 0;
      int pairs = 0;
      for (int i = 0; i < x.size(); i++) {
        Value u = x.cells()[i];
        Value v = y.cells()[i];
        if (u instanceof Err) {
          return u;
        }
        if (v instanceof Err) {
          return v;
        }
        if (u instanceof Num p && v instanceof Num q) {
          s += term.apply(p.v(), q.v());
          pairs++;
        }
      }
      return pairs == 0 ? Value.err(ExcelError.DIV0, "no pair of numbers") : Coerce.number(s);
    }).args(ARRAY, ARRAY).build();
  }

  /**
   * PERCENTOF(data_subset, data_all): the subset's SUM over the whole's SUM (numbers only, as SUM counts them in
   * ranges; an error in either is returned); a whole summing to 0 is #DIV/0!.
   */
  private static Value percentOf(Args a) {
    NumberList part = a.numbers(0, 1);
    if (part.error() != null) {
      return part.error();
    }
    NumberList whole = a.numbers(1, 2);
    if (whole.error() != null) {
      return whole.error();
    }
    double w = whole.sum();
    return w == 0 ? Value.err(ExcelError.DIV0, "data_all sums to 0") : Coerce.number(part.sum() / w);
  }
}

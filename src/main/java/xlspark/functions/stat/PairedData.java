package xlspark.functions.stat;

import static xlspark.functions.ArgKind.ARRAY;
import static xlspark.functions.ArgKind.NUMBER;

import java.util.List;
import xlspark.functions.Args;
import xlspark.functions.FunctionSpec;
import xlspark.functions.SpecList;
import xlspark.value.Coerce;
import xlspark.value.ExcelError;
import xlspark.value.Value;
import xlspark.value.Value.Arr;
import xlspark.value.Value.Err;
import xlspark.value.Value.Num;

/**
 * Statistics of paired data (correlation, covariance, least-squares line). Only pairs where both cells are
 * numbers count; arrays with different numbers of cells are #N/A; an error in either array is returned.
 */
final class PairedData {
  private PairedData() {
  }

  /** Sums over the numeric pairs, centred on their means. */
  record Sums(int n, double meanX, double meanY, double sxx, double syy, double sxy) {
  }

  /** A statistic of the sums: a value or an error. */
  @FunctionalInterface
  interface Stat {
    Value apply(Sums s);
  }

  static List<FunctionSpec> specs() {
    return new SpecList()
        .add(n -> paired(n, false, PairedData::correl), "CORREL", "PEARSON")
        .add(paired("RSQ", true, s -> square(correl(s))))
        .add(n -> paired(n, false, s -> covariance(s, false)), "COVAR", "COVARIANCE.P")
        .add(paired("COVARIANCE.S", false, s -> covariance(s, true)))
        .add(paired("SLOPE", true, PairedData::slope))
        .add(paired("INTERCEPT", true, PairedData::intercept))
        .add(paired("STEYX", true, PairedData::steyx))
        .add(n -> FunctionSpec.builder(n, PairedData::forecast).args(NUMBER, ARRAY, ARRAY).build(), "FORECAST",
            "FORECAST.LINEAR")
        .build();
  }

  /** {@code NAME(array1, array2)}; with {@code yFirst} the arguments are (known_y's, known_x's). */
  private static FunctionSpec paired(String name, boolean yFirst, Stat f) {
    return FunctionSpec.builder(name, a -> {
      Object s = yFirst ? sums(a.array(1), a.array(0), a) : sums(a.array(0), a.array(1), a);
      return s instanceof Sums sums ? f.apply(sums) : (Value) s;
    }).args(ARRAY, ARRAY).build();
  }

  /** The centred sums of the numeric pairs of two arrays, or the error value that stops them. */
  static Object sums(Arr xs, Arr ys, Args a) {
    if (xs.size() != ys.size()) {
      return Value.err(ExcelError.NA, "the arrays have different numbers of values");
    }
    Value[] x = xs.cells();
    Value[] y = ys.cells();
    int n = 0;
    double sx = 0;
    double sy = 0;
    for (int i = 0; i < x.length; i++) {
      if (x[i] instanceof Err e) {
        return e;
      }
      if (y[i] instanceof Err e) {
        return e;
      }
      if (x[i] instanceof Num p && y[i] instanceof Num q) {
        n++;
        sx += p.v();
        sy += q.v();
      }
    }
    a.ctx().checkDeadline();
    double mx = sx / n;
    double my = sy / n;
    double sxx = 0;
    double syy = 0;
    double sxy = 0;
    for (int i = 0; i < x.length; i++) {
      if (x[i] instanceof Num p && y[i] instanceof Num q) {
        double dx = p.v() - mx;
        double dy = q.v() - my;
        sxx += dx * dx;
        syy += dy * dy;
        sxy += dx * dy;
      }
    }
    return new Sums(n, mx, my, sxx, syy, sxy);
  }

  private static Value div0(String why) {
    return Value.err(ExcelError.DIV0, why);
  }

  static Value correl(Sums s) {
    if (s.n() == 0 || s.sxx() == 0 || s.syy() == 0) {
      return div0("no spread in the data");
    }
    return Coerce.number(s.sxy() / Math.sqrt(s.sxx() * s.syy()));
  }

  private static Value square(Value v) {
    return v instanceof Num n ? Coerce.number(n.v() * n.v()) : v;
  }

  static Value covariance(Sums s, boolean sample) {
    int d = sample ? s.n() - 1 : s.n();
    return d <= 0 ? div0("too few pairs") : Coerce.number(s.sxy() / d);
  }

  static Value slope(Sums s) {
    return s.n() == 0 || s.sxx() == 0 ? div0("no spread in x") : Coerce.number(s.sxy() / s.sxx());
  }

  static Value intercept(Sums s) {
    return s.n() == 0 || s.sxx() == 0 ? div0("no spread in x")
        : Coerce.number(s.meanY() - s.sxy() / s.sxx() * s.meanX());
  }

  /** STEYX: standard error of the predicted y; needs three pairs. */
  static Value steyx(Sums s) {
    if (s.n() < 3 || s.sxx() == 0) {
      return div0("needs three pairs with spread in x");
    }
    double resid = Math.max(0, s.syy() - s.sxy() * s.sxy() / s.sxx());
    return Coerce.number(Math.sqrt(resid / (s.n() - 2)));
  }

  /** FORECAST(x, known_y's, known_x's): the least-squares line at x. */
  static Value forecast(Args a) {
    Object o = sums(a.array(2), a.array(1), a);
    if (!(o instanceof Sums s)) {
      return (Value) o;
    }
    if (s.n() == 0 || s.sxx() == 0) {
      return div0("no spread in x");
    }
    double b = s.sxy() / s.sxx();
    return Coerce.number(s.meanY() + b * (a.num(0) - s.meanX()));
  }
}

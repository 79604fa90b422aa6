package xlspark.functions.stat;

import static xlspark.functions.ArgKind.ARRAY;
import static xlspark.functions.ArgKind.BOOLEAN;

import java.util.Arrays;
import java.util.List;
import xlspark.functions.Args;
import xlspark.functions.FunctionSpec;
import xlspark.value.Coerce;
import xlspark.value.ExcelError;
import xlspark.value.Value;
import xlspark.value.Value.Arr;
import xlspark.value.Value.Err;
import xlspark.value.Value.Num;

/**
 * Least-squares models over several variables: LINEST and LOGEST (coefficients, optionally with their
 * statistics) and TREND and GROWTH (fitted values). When known_y's is a column each column of known_x's is
 * a variable; when it is a row, each row is; x defaults to 1, 2, 3, ... LOGEST and GROWTH fit ln(y).
 */
final class LinearModels {
  private LinearModels() {
  }

  static List<FunctionSpec> specs() {
    return List.of(
        FunctionSpec.builder("LINEST", a -> estimate(a, false)).arg(ARRAY).optionalArg(ARRAY)
            .skippableArg(BOOLEAN, true).optionalArg(BOOLEAN, false).build(),
        FunctionSpec.builder("LOGEST", a -> estimate(a, true)).arg(ARRAY).optionalArg(ARRAY)
            .skippableArg(BOOLEAN, true).optionalArg(BOOLEAN, false).build(),
        FunctionSpec.builder("TREND", a -> predict(a, false)).arg(ARRAY).optionalArg(ARRAY).optionalArg(ARRAY)
            .skippableArg(BOOLEAN, true).build(),
        FunctionSpec.builder("GROWTH", a -> predict(a, true)).arg(ARRAY).optionalArg(ARRAY).optionalArg(ARRAY)
            .skippableArg(BOOLEAN, true).build());
  }

  /** Observations: y, the rows of x (n x k), and whether variables run along rows of known_x's. */
  private record Data(double[] y, double[][] x, int k, boolean byRow) {
  }

  /** All cells as numbers, or the error (#VALUE! for anything not a number). */
  private static Object numbers(Arr a) {
    double[] out = new double[a.size()];
    for (int i = 0; i < out.length; i++) {
      Value v = a.cells()[i];
      if (v instanceof Err e) {
        return e;
      }
      if (!(v instanceof Num n)) {
        return Value.err(ExcelError.VALUE, "the data must be numbers");
      }
      out[i] = n.v();
    }
    return out;
  }

  private static Object data(Args a, boolean log) {
    Arr ys = a.array(0);
    Object yo = numbers(ys);
    if (!(yo instanceof double[] y)) {
      return yo;
    }
    if (log) {
      for (int i = 0; i < y.length; i++) {
        if (y[i] <= 0) {
          return Value.err(ExcelError.NUM, "y values must be positive");
        }
        y[i] = Math.log(y[i]);
      }
    }
    int n = y.length;
    if (!a.given(1)) {
      double[][] x = new double[n][1];
      for (int i = 0; i < n; i++) {
        x[i][0] = i + 1;
      }
      return new Data(y, x, 1, ys.rows() == 1 && ys.cols() > 1);
    }
    Arr xs = a.array(1);
    Object xo = numbers(xs);
    if (!(xo instanceof double[] flat)) {
      return xo;
    }
    boolean column = ys.cols() == 1 && xs.rows() == n;
    boolean row = !column && ys.rows() == 1 && xs.cols() == n;
    if (!column && !row) {
      if (xs.rows() != ys.rows() || xs.cols() != ys.cols()) {
        return Value.err(ExcelError.REF, "known_x's does not fit known_y's");
      }
      double[][] x = new double[n][1];
      for (int i = 0; i < n; i++) {
        x[i][0] = flat[i];
      }
      return new Data(y, x, 1, false);
    }
    int k = column ? xs.cols() : xs.rows();
    double[][] x = new double[n][k];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < k; j++) {
        x[i][j] = column ? xs.get(i, j) instanceof Num v ? v.v() : 0 : ((Num) xs.get(j, i)).v();
      }
    }
    return new Data(y, x, k, row);
  }

  /** A number cell, or #NUM! for NaN/infinite, or #N/A for NaN marking "not applicable". */
  private static Value cell(double d) {
    return Coerce.number(d);
  }

  /** LINEST / LOGEST(known_y's, [known_x's], [const=TRUE], [stats=FALSE]). */
  static Value estimate(Args a, boolean log) {
    Object o = data(a, log);
    if (!(o instanceof Data d)) {
      return (Value) o;
    }
    boolean constant = a.bool(2);
    boolean stats = a.bool(3);
    Regression.Fit fit = Regression.fit(d.y(), d.x(), constant);
    int cols = d.k() + 1;
    Value na = Value.err(ExcelError.NA);
    Value[] out = new Value[(stats ? 5 : 1) * cols];
    Arrays.fill(out, na);
    for (int j = 0; j < cols; j++) {
      int c = j == d.k() ? 0 : d.k() - j;
      double coef = fit.coef()[c];
      out[j] = cell(log ? Math.exp(coef) : coef);
      if (stats) {
        out[cols + j] = c == 0 && !constant ? na : cell(fit.se()[c]);
      }
    }
    if (stats) {
      out[2 * cols] = cell(fit.r2());
      out[2 * cols + 1] = cell(fit.sey());
      out[3 * cols] = cell(fit.f());
      out[3 * cols + 1] = Value.num(fit.df());
      out[4 * cols] = cell(fit.ssReg());
      out[4 * cols + 1] = cell(fit.ssResid());
    }
    return new Arr(stats ? 5 : 1, cols, out);
  }

  /** TREND / GROWTH(known_y's, [known_x's], [new_x's], [const=TRUE]): fitted values at new_x's. */
  static Value predict(Args a, boolean log) {
    Object o = data(a, log);
    if (!(o instanceof Data d)) {
      return (Value) o;
    }
    Regression.Fit fit = Regression.fit(d.y(), d.x(), a.bool(3));
    Arr xs = a.given(2) ? a.array(2) : a.given(1) ? a.array(1) : null;
    if (xs == null) {
      return fitted(fit, d, log, a.array(0));
    }
    Object xo = numbers(xs);
    if (!(xo instanceof double[] flat)) {
      return (Value) xo;
    }
    if (d.k() == 1) {
      Value[] out = new Value[flat.length];
      for (int i = 0; i < flat.length; i++) {
        out[i] = value(fit.predict(new double[] {flat[i]}), log);
      }
      return new Arr(xs.rows(), xs.cols(), out);
    }
    if (d.byRow() ? xs.rows() != d.k() : xs.cols() != d.k()) {
      return Value.err(ExcelError.REF, "new_x's does not have one entry per variable");
    }
    int m = d.byRow() ? xs.cols() : xs.rows();
    Value[] out = new Value[m];
    for (int i = 0; i < m; i++) {
      double[] row = new double[d.k()];
      for (int j = 0; j < d.k(); j++) {
        row[j] = ((Num) (d.byRow() ? xs.get(j, i) : xs.get(i, j))).v();
      }
      out[i] = value(fit.predict(row), log);
    }
    return d.byRow() ? new Arr(1, m, out) : new Arr(m, 1, out);
  }

  private static Value fitted(Regression.Fit fit, Data d, boolean log, Arr shape) {
    Value[] out = new Value[d.y().length];
    for (int i = 0; i < out.length; i++) {
      out[i] = value(fit.predict(d.x()[i]), log);
    }
    return new Arr(shape.rows(), shape.cols(), out);
  }

  private static Value value(double v, boolean log) {
    return Coerce.number(log ? Math.exp(v) : v);
  }
}

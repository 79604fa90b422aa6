package xlspark.functions.math;

import static xlspark.functions.ArgKind.ARRAY;
import static xlspark.functions.ArgKind.BOOLEAN;
import static xlspark.functions.ArgKind.NUMBER;

import java.util.List;
import java.util.SplittableRandom;
import xlspark.functions.Args;
import xlspark.functions.FunctionSpec;
import xlspark.value.Coerce;
import xlspark.value.ExcelError;
import xlspark.value.Value;
import xlspark.value.Value.Arr;
import xlspark.value.Value.Err;
import xlspark.value.Value.Num;

/** Matrix functions (MMULT, MDETERM, MINVERSE, MUNIT) and array generators (SEQUENCE, RANDARRAY). */
final class Matrices {
  private Matrices() {
  }

  static List<FunctionSpec> specs() {
    return List.of(
        FunctionSpec.builder("MMULT", Matrices::mmult).args(ARRAY, ARRAY).build(),
        FunctionSpec.builder("MDETERM", Matrices::mdeterm).arg(ARRAY).build(),
        FunctionSpec.builder("MINVERSE", Matrices::minverse).arg(ARRAY).build(),
        FunctionSpec.builder("MUNIT", Matrices::munit).arg(NUMBER).build(),
        FunctionSpec.builder("SEQUENCE", Matrices::sequence).arg(NUMBER).skippableArg(NUMBER, 1)
            .skippableArg(NUMBER, 1).skippableArg(NUMBER, 1).build(),
        FunctionSpec.builder("RANDARRAY", Matrices::randarray).skippableArg(NUMBER, 1).skippableArg(NUMBER, 1)
            .skippableArg(NUMBER, 0).skippableArg(NUMBER, 1).skippableArg(BOOLEAN, false).volatileFn().build());
  }

  /** The cells of an array as a matrix of numbers, or null with the error in err[0] (#VALUE! for non-numbers). */
  private static double[][] matrix(Arr a, Value[] err) {
    double[][] m = new double[a.rows()][a.cols()];
    for (int r = 0; r < a.rows(); r++) {
      for (int c = 0; c < a.cols(); c++) {
        Value v = a.get(r, c);
        if (v instanceof Num n) {
          m[r][c] = n.v();
        } else {
          err[0] = v instanceof Err ? v : Value.err(ExcelError.VALUE, "matrix cells must be numbers");
          return null;
        }
      }
    }
    return m;
  }

  /** The matrix as an array value; with {@code round}, entries read to 15 digits (MINVERSE's -2, not -1.9999999999999996). */
  private static Value result(double[][] m, boolean round) {
    int rows = m.length;
    int cols = m[0].length;
    Value[] out = new Value[rows * cols];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        out[r * cols + c] = Coerce.number(round ? DecimalRounding.sig15(m[r][c]) : m[r][c]);
      }
    }
    return new Arr(rows, cols, out);
  }

  private static boolean tooLarge(Args a, double rows, double cols) {
    return rows * cols > a.ctx().maxArrayCells();
  }

  static Value mmult(Args a) {
    Value[] err = new Value[1];
    double[][] x = matrix(a.array(0), err);
    double[][] y = x == null ? null : matrix(a.array(1), err);
    if (y == null) {
      return err[0];
    }
    int n = x[0].length;
    if (n != y.length) {
      return Value.err(ExcelError.VALUE, "MMULT needs as many columns in array1 as rows in array2");
    }
    if (tooLarge(a, x.length, y[0].length)) {
      return Value.err(ExcelError.NUM, "array result too large");
    }
    double[][] out = new double[x.length][y[0].length];
    for (int r = 0; r < x.length; r++) {
      for (int c = 0; c < y[0].length; c++) {
        double s = 0;
        for (int i = 0; i < n; i++) {
          s += x[r][i] * y[i][c];
        }
        out[r][c] = s;
      }
      a.ctx().spend((long) y[0].length * n);
    }
    return result(out, false);
  }

  private static double[][] square(Args a, Value[] err) {
    Arr arr = a.array(0);
    if (arr.rows() != arr.cols()) {
      err[0] = Value.err(ExcelError.VALUE, "the matrix must be square");
      return null;
    }
    return matrix(arr, err);
  }

  /** MDETERM: LU decomposition with partial pivoting. */
  static Value mdeterm(Args a) {
    Value[] err = new Value[1];
    double[][] m = square(a, err);
    if (m == null) {
      return err[0];
    }
    int n = m.length;
    double det = 1;
    for (int k = 0; k < n; k++) {
      int p = pivot(m, k);
      if (m[p][k] == 0) {
        return Value.ZERO;
      }
      if (p != k) {
        double[] t = m[p];
        m[p] = m[k];
        m[k] = t;
        det = -det;
      }
      det *= m[k][k];
      for (int r = k + 1; r < n; r++) {
        double f = m[r][k] / m[k][k];
        for (int c = k; c < n; c++) {
          m[r][c] -= f * m[k][c];
        }
      }
      a.ctx().spend((long) (n - k) * (n - k));
    }
    return Coerce.number(det);
  }

  private static int pivot(double[][] m, int k) {
    int p = k;
    for (int r = k + 1; r < m.length; r++) {
      if (Math.abs(m[r][k]) > Math.abs(m[p][k])) {
        p = r;
      }
    }
    return p;
  }

  /** MINVERSE: Gauss-Jordan elimination with partial pivoting; a singular matrix is #NUM!. */
  static Value minverse(Args a) {
    Value[] err = new Value[1];
    double[][] m = square(a, err);
    if (m == null) {
      return err[0];
    }
    int n = m.length;
    double[][] inv = new double[n][n];
    for (int i = 0; i < n; i++) {
      inv[i][i] = 1;
    }
    for (int k = 0; k < n; k++) {
      int p = pivot(m, k);
      if (m[p][k] == 0) {
        return Value.err(ExcelError.NUM, "the matrix is singular");
      }
      double[] t = m[p];
      m[p] = m[k];
      m[k] = t;
      t = inv[p];
      inv[p] = inv[k];
      inv[k] = t;
      double d = m[k][k];
      for (int c = 0; c < n; c++) {
        m[k][c] /= d;
        inv[k][c] /= d;
      }
      for (int r = 0; r < n; r++) {
        double f = m[r][k];
        if (r != k && f != 0) {
          for (int c = 0; c < n; c++) {
            m[r][c] -= f * m[k][c];
            inv[r][c] -= f * inv[k][c];
          }
        }
      }
      a.ctx().spend(2L * n * n);
    }
    return result(inv, true);
  }

  static Value munit(Args a) {
    double n = Math.floor(a.num(0));
    if (n < 1) {
      return Value.err(ExcelError.VALUE, "MUNIT dimension must be at least 1");
    }
    if (tooLarge(a, n, n)) {
      return Value.err(ExcelError.NUM, "array result too large");
    }
    int size = (int) n;
    Value[] out = new Value[size * size];
    for (int i = 0; i < out.length; i++) {
      out[i] = i / size == i % size ? Value.ONE : Value.ZERO;
    }
    return new Arr(size, size, out);
  }

  /** SEQUENCE(rows, [columns=1], [start=1], [step=1]); empty arguments take their defaults ({@code SEQUENCE(3,,5)}). */
  static Value sequence(Args a) {
    double rows = Math.floor(a.num(0));
    double cols = Math.floor(a.num(1));
    double start = a.num(2);
    double step = a.num(3);
    if (rows < 1 || cols < 1) {
      return Value.err(ExcelError.VALUE, "SEQUENCE needs at least one row and one column");
    }
    if (tooLarge(a, rows, cols)) {
      return Value.err(ExcelError.NUM, "array result too large");
    }
    Value[] out = new Value[(int) rows * (int) cols];
    for (int i = 0; i < out.length; i++) {
      out[i] = Coerce.number(start + i * step);
    }
    return new Arr((int) rows, (int) cols, out);
  }

  /** RANDARRAY([rows=1], [columns=1], [min=0], [max=1], [integer=FALSE]). */
  static Value randarray(Args a) {
    double rows = Math.floor(a.num(0));
    double cols = Math.floor(a.num(1));
    double min = a.num(2);
    double max = a.num(3);
    boolean integers = a.bool(4);
    if (rows < 1 || cols < 1 || min > max || integers && (min != Math.rint(min) || max != Math.rint(max))) {
      return Value.err(ExcelError.VALUE, "invalid RANDARRAY arguments");
    }
    if (tooLarge(a, rows, cols)) {
      return Value.err(ExcelError.NUM, "array result too large");
    }
    SplittableRandom random = a.ctx().random();
    Value[] out = new Value[(int) rows * (int) cols];
    for (int i = 0; i < out.length; i++) {
      double u = random.nextDouble();
      out[i] = Value.num(integers ? min + Math.floor(u * (max - min + 1)) : min + u * (max - min));
    }
    return new Arr((int) rows, (int) cols, out);
  }
}

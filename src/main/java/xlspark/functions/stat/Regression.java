package xlspark.functions.stat;

/**
 * Ordinary least squares by Householder QR, as LINEST does it: the intercept column comes first, and a
 * column that is (numerically) a combination of earlier ones is dropped with a coefficient and standard
 * error of 0 and does not count as a degree of freedom used.
 */
final class Regression {
  private static final double TINY = 1e-13;

  /**
   * A fitted model.
   *
   * @param coef    the intercept (0 without a constant), then one coefficient per variable
   * @param se      standard errors in the same order (NaN for an intercept forced to 0)
   * @param df      residual degrees of freedom
   * @param ssReg   regression sum of squares
   * @param ssResid residual sum of squares
   * @param used    the number of variables kept (not dropped as collinear)
   */
  record Fit(double[] coef, double[] se, int df, double ssReg, double ssResid, int used) {
    double r2() {
      return ssReg + ssResid == 0 ? Double.NaN : ssReg / (ssReg + ssResid);
    }

    double sey() {
      return Math.sqrt(ssResid / df);
    }

    double f() {
      return ssReg / used / (ssResid / df);
    }

    /** The fitted value at one observation of the variables. */
    double predict(double[] x) {
      double s = coef[0];
      for (int j = 0; j < x.length; j++) {
        s += coef[j + 1] * x[j];
      }
      return s;
    }
  }

  private Regression() {
  }

  /** Fits y (n values) on x (n rows of k variables); with {@code constant} an intercept is estimated. */
  static Fit fit(double[] y, double[][] x, boolean constant) {
    int n = y.length;
    int k = x.length == 0 ? 0 : x[0].length;
    int p = k + 1;
    double[][] a = new double[n][p];
    for (int i = 0; i < n; i++) {
      a[i][0] = constant ? 1 : 0;
      System.arraycopy(x[i], 0, a[i], 1, k);
    }
    double[] qty = y.clone();
    int[] rowOf = new int[p];
    int rank = 0;
    for (int j = 0; j < p; j++) {
      rowOf[j] = -1;
      double original = 0;
      double norm = 0;
      for (int i = 0; i < n; i++) {
        original += a[i][j] * a[i][j];
        if (i >= rank) {
          norm += a[i][j] * a[i][j];
        }
      }
      if (rank >= n || norm <= TINY * TINY * original || norm == 0) {
        continue;
      }
      double alpha = a[rank][j] > 0 ? -Math.sqrt(norm) : Math.sqrt(norm);
      double[] v = new double[n];
      for (int i = rank; i < n; i++) {
        v[i] = a[i][j];
      }
      v[rank] -= alpha;
      double vv = 0;
      for (int i = rank; i < n; i++) {
        vv += v[i] * v[i];
      }
      for (int c = j; c < p; c++) {
        reflect(a, c, v, vv, rank, n);
      }
      double d = 0;
      for (int i = rank; i < n; i++) {
        d += v[i] * qty[i];
      }
      for (int i = rank; i < n; i++) {
        qty[i] -= 2 * d / vv * v[i];
      }
      rowOf[j] = rank++;
    }
    double[] coef = new double[p];
    double[][] rInv = new double[p][p];
    for (int j = p - 1; j >= 0; j--) {
      if (rowOf[j] < 0) {
        continue;
      }
      double s = qty[rowOf[j]];
      for (int c = j + 1; c < p; c++) {
        if (rowOf[c] >= 0) {
          s -= a[rowOf[j]][c] * coef[c];
        }
      }
      coef[j] = s / a[rowOf[j]][j];
    }
    for (int j = p - 1; j >= 0; j--) {
      if (rowOf[j] < 0) {
        continue;
      }
      rInv[j][j] = 1 / a[rowOf[j]][j];
      for (int c = j + 1; c < p; c++) {
        if (rowOf[c] < 0) {
          continue;
        }
        double s = 0;
        for (int m = j + 1; m <= c; m++) {
          if (rowOf[m] >= 0) {
            s += a[rowOf[j]][m] * rInv[m][c];
          }
        }
        rInv[j][c] = -s / a[rowOf[j]][j];
      }
    }
    double ssResid = 0;
    double mean = 0;
    for (double v : y) {
      mean += v / n;
    }
    double ssTotal = 0;
    for (int i = 0; i < n; i++) {
      double fitted = coef[0];
      for (int j = 0; j < k; j++) {
        fitted += coef[j + 1] * x[i][j];
      }
      ssResid += (y[i] - fitted) * (y[i] - fitted);
      double dev = constant ? y[i] - mean : y[i];
      ssTotal += dev * dev;
    }
    int df = n - rank;
    double sigma2 = df > 0 ? ssResid / df : Double.NaN;
    double[] se = new double[p];
    for (int j = 0; j < p; j++) {
      double s = 0;
      for (int c = 0; c < p; c++) {
        s += rInv[j][c] * rInv[j][c];
      }
      se[j] = rowOf[j] < 0 ? (j == 0 && !constant ? Double.NaN : 0) : Math.sqrt(s * sigma2);
    }
    return new Fit(coef, se, df, ssTotal - ssResid, ssResid, rank - (constant ? 1 : 0));
  }

  private static void reflect(double[][] a, int c, double[] v, double vv, int from, int n) {
    double d = 0;
    for (int i = from; i < n; i++) {
      d += v[i] * a[i][c];
    }
    double f = 2 * d / vv;
    for (int i = from; i < n; i++) {
      a[i][c] -= f * v[i];
    }
  }
}

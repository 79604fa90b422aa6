package xlspark.functions.stat;

import static xlspark.functions.ArgKind.ARRAY;
import static xlspark.functions.ArgKind.NUMBER;

import java.util.Arrays;
import java.util.List;
import xlspark.functions.Args;
import xlspark.functions.FunctionSpec;
import xlspark.functions.NumberList;
import xlspark.functions.SpecList;
import xlspark.value.Coerce;
import xlspark.value.ExcelError;
import xlspark.value.Value;
import xlspark.value.Value.Arr;
import xlspark.value.Value.Err;
import xlspark.value.Value.Num;

/** Hypothesis tests (z, t, chi-squared, F), PROB and FREQUENCY. */
final class StatTests {
  private StatTests() {
  }

  static List<FunctionSpec> specs() {
    return new SpecList()
        .add(n -> FunctionSpec.builder(n, StatTests::zTest).args(ARRAY, NUMBER).optionalArg(NUMBER).build(), "Z.TEST",
            "ZTEST")
        .add(n -> FunctionSpec.builder(n, StatTests::tTest).args(ARRAY, ARRAY, NUMBER, NUMBER).build(), "T.TEST",
            "TTEST")
        .add(n -> FunctionSpec.builder(n, StatTests::chiTest).args(ARRAY, ARRAY).build(), "CHISQ.TEST", "CHITEST")
        .add(n -> FunctionSpec.builder(n, StatTests::fTest).args(ARRAY, ARRAY).build(), "F.TEST", "FTEST")
        .add(FunctionSpec.builder("PROB", StatTests::prob).args(ARRAY, ARRAY, NUMBER).optionalArg(NUMBER).build())
        .add(FunctionSpec.builder("FREQUENCY", StatTests::frequency).args(ARRAY, ARRAY).build())
        .build();
  }

  private static double variance(double[] x) {
    return Aggregate.devsq(x) / (x.length - 1);
  }

  /** Z.TEST(array, x, [sigma]): one-tailed P-value; sigma defaults to the sample standard deviation. */
  static Value zTest(Args a) {
    NumberList l = a.numbers(0, 1);
    if (l.error() != null) {
      return l.error();
    }
    double[] x = l.toArray();
    if (x.length == 0) {
      return Value.err(ExcelError.NA, "no numbers");
    }
    double sigma;
    if (a.given(2)) {
      sigma = a.num(2);
    } else if (x.length < 2) {
      return Value.err(ExcelError.DIV0, "needs two numbers");
    } else {
      sigma = Math.sqrt(variance(x));
    }
    if (sigma == 0) {
      return Value.err(ExcelError.DIV0, "no spread");
    }
    double z = (Aggregate.mean(x) - a.num(1)) / (sigma / Math.sqrt(x.length));
    return Coerce.number(SpecialFunctions.normCdf(-z));
  }

  /** T.TEST(array1, array2, tails, type): type 1 paired, 2 equal variances, 3 unequal (Welch). */
  static Value tTest(Args a) {
    double tails = Math.floor(a.num(2));
    double type = Math.floor(a.num(3));
    if (tails != 1 && tails != 2 || type < 1 || type > 3) {
      return Value.err(ExcelError.NUM, "tails must be 1 or 2 and type 1 to 3");
    }
    double t;
    double df;
    if (type == 1) {
      Object o = PairedData.sums(a.array(0), a.array(1), a);
      if (!(o instanceof PairedData.Sums)) {
        return (Value) o;
      }
      double[] d = differences(a.array(0), a.array(1));
      if (d.length < 2) {
        return Value.err(ExcelError.DIV0, "needs two pairs");
      }
      double sd = Math.sqrt(variance(d));
      t = Aggregate.mean(d) / (sd / Math.sqrt(d.length));
      df = d.length - 1;
    } else {
      Object samples = twoSamples(a);
      if (samples instanceof Value error) {
        return error;
      }
      double[] x = ((double[][]) samples)[0];
      double[] y = ((double[][]) samples)[1];
      double v1 = variance(x) / x.length;
      double v2 = variance(y) / y.length;
      double diff = Aggregate.mean(x) - Aggregate.mean(y);
      if (type == 2) {
        df = x.length + y.length - 2;
        double pooled = (Aggregate.devsq(x) + Aggregate.devsq(y)) / df;
        t = diff / Math.sqrt(pooled * (1.0 / x.length + 1.0 / y.length));
      } else {
        t = diff / Math.sqrt(v1 + v2);
        df = (v1 + v2) * (v1 + v2) / (v1 * v1 / (x.length - 1) + v2 * v2 / (y.length - 1));
      }
    }
    if (Double.isNaN(t) || Double.isInfinite(t)) {
      return Value.err(ExcelError.DIV0, "no spread");
    }
    return Coerce.number(tails * SamplingDistributions.tTail(Math.abs(t), df));
  }

  private static double[] differences(Arr xs, Arr ys) {
    double[] d = new double[xs.size()];
    int n = 0;
    for (int i = 0; i < d.length; i++) {
      if (xs.cells()[i] instanceof Num p && ys.cells()[i] instanceof Num q) {
        d[n++] = p.v() - q.v();
      }
    }
    return Arrays.copyOf(d, n);
  }

  /** CHISQ.TEST(actual, expected): df is (rows-1)(cols-1), or n-1 for a single row or column. */
  static Value chiTest(Args a) {
    Arr actual = a.array(0);
    Arr expected = a.array(1);
    if (actual.rows() != expected.rows() || actual.cols() != expected.cols()) {
      return Value.err(ExcelError.NA, "the arrays differ in shape");
    }
    double chi = 0;
    for (int i = 0; i < actual.size(); i++) {
      Value x = actual.cells()[i];
      Value e = expected.cells()[i];
      if (x instanceof Err err) {
        return err;
      }
      if (e instanceof Err err) {
        return err;
      }
      if (x instanceof Num p && e instanceof Num q) {
        if (q.v() == 0) {
          return Value.err(ExcelError.DIV0, "an expected value is 0");
        }
        chi += (p.v() - q.v()) * (p.v() - q.v()) / q.v();
      }
    }
    int r = actual.rows();
    int c = actual.cols();
    double df = r > 1 && c > 1 ? (double) (r - 1) * (c - 1) : r * c - 1;
    if (df < 1) {
      return Value.err(ExcelError.NA, "no degrees of freedom");
    }
    return Coerce.number(SpecialFunctions.gammaQ(df / 2, chi / 2));
  }

  /**
   * The numbers of the first two arguments, each with at least two (T.TEST's unpaired types, F.TEST), or the error:
   * the first argument's, else the second's, else #DIV/0!.
   */
  private static Object twoSamples(Args a) {
    NumberList l1 = a.numbers(0, 1);
    NumberList l2 = a.numbers(1, 2);
    if (l1.error() != null || l2.error() != null) {
      return l1.error() != null ? l1.error() : l2.error();
    }
    double[] x = l1.toArray();
    double[] y = l2.toArray();
    if (x.length < 2 || y.length < 2) {
      return Value.err(ExcelError.DIV0, "needs two numbers in each array");
    }
    return new double[][] {x, y};
  }

  /** F.TEST: two-tailed probability that the variances of the arrays do not differ. */
  static Value fTest(Args a) {
    Object samples = twoSamples(a);
    if (samples instanceof Value error) {
      return error;
    }
    double[] x = ((double[][]) samples)[0];
    double[] y = ((double[][]) samples)[1];
    double v1 = variance(x);
    double v2 = variance(y);
    if (v1 == 0 || v2 == 0) {
      return Value.err(ExcelError.DIV0, "no spread");
    }
    double right = SamplingDistributions.fSf(v1 / v2, x.length - 1, y.length - 1);
    return Coerce.number(2 * Math.min(right, 1 - right));
  }

  /** PROB(x_range, prob_range, lower, [upper]): probabilities must lie in [0,1] and sum to 1. */
  static Value prob(Args a) {
    Arr xs = a.array(0);
    Arr ps = a.array(1);
    if (xs.size() != ps.size()) {
      return Value.err(ExcelError.NA, "the arrays have different numbers of values");
    }
    double lo = a.num(2);
    double hi = a.given(3) ? a.num(3) : lo;
    double total = 0;
    double in = 0;
    for (int i = 0; i < xs.size(); i++) {
      if (xs.cells()[i] instanceof Err e) {
        return e;
      }
      if (ps.cells()[i] instanceof Err e) {
        return e;
      }
      if (xs.cells()[i] instanceof Num x && ps.cells()[i] instanceof Num p) {
        if (p.v() < 0 || p.v() > 1) {
          return Value.err(ExcelError.NUM, "a probability is outside [0, 1]");
        }
        total += p.v();
        if (x.v() >= lo && x.v() <= hi) {
          in += p.v();
        }
      }
    }
    if (Math.abs(total - 1) > 1e-7) {
      return Value.err(ExcelError.NUM, "the probabilities do not sum to 1");
    }
    return Coerce.number(in);
  }

  /**
   * FREQUENCY(data, bins): a column with, for each bin in the given order, the count of data above the next
   * smaller bin and up to this one, then the count above the largest bin. Equal bins count once (the first
   * in the given order; the others show 0). Sorting and binary searches: n log n, whatever the repeats.
   */
  static Value frequency(Args a) {
    NumberList dl = a.numbers(0, 1);
    NumberList bl = a.numbers(1, 2);
    if (dl.error() != null || bl.error() != null) {
      return dl.error() != null ? dl.error() : bl.error();
    }
    double[] bins = bl.toArray();
    double[] sortedBins = bins.clone();
    Arrays.sort(sortedBins);
    long[] counts = new long[bins.length + 1];
    for (int i = 0; i < dl.size(); i++) {
      counts[firstAtLeast(sortedBins, dl.get(i))]++;
    }
    Value[] out = new Value[bins.length + 1];
    boolean[] used = new boolean[bins.length];
    for (int i = 0; i < bins.length; i++) {
      int k = firstAtLeast(sortedBins, bins[i]);
      out[i] = Value.num(used[k] ? 0 : counts[k]);
      used[k] = true;
    }
    out[bins.length] = Value.num(counts[bins.length]);
    return new Arr(out.length, 1, out);
  }

  /** The first index of an ascending array whose value is at least {@code x} ({@code sorted.length} if none). */
  static int firstAtLeast(double[] sorted, double x) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] < x) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}

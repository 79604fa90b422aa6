package xlspark.functions.math;

import java.util.Arrays;
import xlspark.value.Coerce;
import xlspark.value.ExcelError;
import xlspark.value.Value;

/**
 * The aggregations SUBTOTAL (1-11) and AGGREGATE (1-19) select by number, over the numbers already
 * gathered from their references. LARGE to QUARTILE.EXC (14-19) take a second argument {@code k}.
 */
enum Aggregation {
  AVERAGE((v, k) -> v.length == 0 ? div0() : Coerce.number(sum(v) / v.length)),
  COUNT((v, k) -> Value.num(v.length)),
  /** Counted from the values, not the numbers: see {@link #countsValues()}. */
  COUNTA((v, k) -> Value.num(v.length)),
  MAX((v, k) -> Value.num(v.length == 0 ? 0 : Arrays.stream(v).max().getAsDouble())),
  MIN((v, k) -> Value.num(v.length == 0 ? 0 : Arrays.stream(v).min().getAsDouble())),
  PRODUCT((v, k) -> {
    double p = 1;
    for (double d : v) {
      p *= d;
    }
    return Coerce.number(v.length == 0 ? 0 : p);
  }),
  STDEV_S((v, k) -> v.length < 2 ? div0() : Coerce.number(Math.sqrt(devsq(v) / (v.length - 1)))),
  STDEV_P((v, k) -> v.length < 1 ? div0() : Coerce.number(Math.sqrt(devsq(v) / v.length))),
  SUM((v, k) -> Coerce.number(sum(v))),
  VAR_S((v, k) -> v.length < 2 ? div0() : Coerce.number(devsq(v) / (v.length - 1))),
  VAR_P((v, k) -> v.length < 1 ? div0() : Coerce.number(devsq(v) / v.length)),
  MEDIAN((v, k) -> v.length == 0 ? num() : Coerce.number(percentileInc(sorted(v), 0.5))),
  MODE_SNGL((v, k) -> mode(v)),
  LARGE((v, k) -> nth(v, k, true)),
  SMALL((v, k) -> nth(v, k, false)),
  PERCENTILE_INC((v, k) -> v.length == 0 || k < 0 || k > 1 ? num() : Coerce.number(percentileInc(sorted(v), k))),
  QUARTILE_INC((v, k) -> {
    double q = Math.floor(k);
    return v.length == 0 || q < 0 || q > 4 ? num() : Coerce.number(percentileInc(sorted(v), q / 4));
  }),
  PERCENTILE_EXC((v, k) -> percentileExc(v, k)),
  QUARTILE_EXC((v, k) -> {
    double q = Math.floor(k);
    return q < 1 || q > 3 ? num() : percentileExc(v, q / 4);
  });

  /** An aggregation body over the gathered numbers and the optional k. */
  @FunctionalInterface
  interface Body {
    Value apply(double[] values, double k);
  }

  private static final Aggregation[] ALL = values();
  private final Body body;

  Aggregation(Body body) {
    this.body = body;
  }

  /** The aggregation of Excel's function number 1..19 (SUBTOTAL's 101..111 are reduced by the caller), or null. */
  static Aggregation byNumber(int n) {
    return n >= 1 && n <= ALL.length ? ALL[n - 1] : null;
  }

  /** LARGE and beyond take a k argument (AGGREGATE's array form). */
  boolean takesK() {
    return ordinal() >= LARGE.ordinal();
  }

  /** COUNTA counts non-blank values rather than numbers. */
  boolean countsValues() {
    return this == COUNTA;
  }

  /** COUNT and COUNTA skip errors instead of returning them. */
  boolean skipsErrors() {
    return this == COUNT || this == COUNTA;
  }

  Value apply(double[] values, double k) {
    return body.apply(values, k);
  }

  private static Value div0() {
    return Value.err(ExcelError.DIV0);
  }

  private static Value num() {
    return Value.err(ExcelError.NUM);
  }

  private static double sum(double[] v) {
    double s = 0;
    for (double d : v) {
      s += d;
    }
    return s;
  }

  private static double devsq(double[] v) {
    double mean = sum(v) / v.length;
    double s = 0;
    for (double d : v) {
      s += (d - mean) * (d - mean);
    }
    return s;
  }

  private static double[] sorted(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    return s;
  }

  private static double percentileInc(double[] s, double p) {
    double rank = p * (s.length - 1);
    int lo = (int) Math.floor(rank);
    if (lo + 1 >= s.length) {
      return s[s.length - 1];
    }
    return s[lo] + (rank - lo) * (s[lo + 1] - s[lo]);
  }

  private static Value percentileExc(double[] v, double p) {
    double rank = p * (v.length + 1);
    if (v.length == 0 || p <= 0 || p >= 1 || rank < 1 || rank > v.length) {
      return num();
    }
    double[] s = sorted(v);
    int lo = (int) Math.floor(rank);
    if (lo >= s.length) {
      return Coerce.number(s[s.length - 1]);
    }
    return Coerce.number(s[lo - 1] + (rank - lo) * (s[lo] - s[lo - 1]));
  }

  /** LARGE/SMALL: k rounded up; outside 1..n is #NUM!. */
  private static Value nth(double[] v, double k, boolean largest) {
    double kk = Math.ceil(k);
    if (kk < 1 || kk > v.length) {
      return num();
    }
    double[] s = sorted(v);
    int i = (int) kk - 1;
    return Value.num(largest ? s[s.length - 1 - i] : s[i]);
  }

  /** MODE.SNGL: the most frequent number, the first met among ties; #N/A when none repeats. */
  private static Value mode(double[] v) {
    double[] s = sorted(v);
    int best = 1;
    double bestValue = Double.NaN;
    for (int i = 0; i < s.length;) {
      int j = i;
      while (j < s.length && s[j] == s[i]) {
        j++;
      }
      int count = j - i;
      if (count > best || count == best && count > 1 && firstIndex(v, s[i]) < firstIndex(v, bestValue)) {
        best = count;
        bestValue = s[i];
      }
      i = j;
    }
    return best > 1 ? Value.num(bestValue) : Value.err(ExcelError.NA);
  }

  private static int firstIndex(double[] v, double x) {
    for (int i = 0; i < v.length; i++) {
      if (v[i] == x) {
        return i;
      }
    }
    return Integer.MAX_VALUE;
  }
}

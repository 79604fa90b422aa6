package xlspark.functions.stat;

import static xlspark.functions.ArgKind.ARRAY;
import static xlspark.functions.ArgKind.NUMBER;
import static xlspark.functions.stat.Aggregate.arrayAnd;

import java.util.Arrays;
import java.util.List;
import xlspark.functions.Args;
import xlspark.functions.FunctionSpec;
import xlspark.functions.NumberList;
import xlspark.functions.SpecList;
import xlspark.value.Coerce;
import xlspark.value.ExcelError;
import xlspark.value.Ops;
import xlspark.value.Value;

/** Statistics of sorted data: LARGE/SMALL, ranks, percentiles, quartiles, percent ranks, trimmed mean. */
final class OrderStatistics {
  private OrderStatistics() {
  }

  static List<FunctionSpec> specs() {
    return new SpecList()
        .add(arrayAnd("LARGE", (x, k) -> kth(x, k, true)))
        .add(arrayAnd("SMALL", (x, k) -> kth(x, k, false)))
        .add(n -> rank(n, false), "RANK", "RANK.EQ")
        .add(rank("RANK.AVG", true))
        .add(n -> arrayAnd(n, OrderStatistics::percentileInc), "PERCENTILE", "PERCENTILE.INC")
        .add(arrayAnd("PERCENTILE.EXC", OrderStatistics::percentileExc))
        .add(n -> arrayAnd(n, OrderStatistics::quartileInc), "QUARTILE", "QUARTILE.INC")
        .add(arrayAnd("QUARTILE.EXC", OrderStatistics::quartileExc))
        .add(n -> percentRank(n, true), "PERCENTRANK", "PERCENTRANK.INC")
        .add(percentRank("PERCENTRANK.EXC", false))
        .add(arrayAnd("TRIMMEAN", OrderStatistics::trimMean))
        .build();
  }

  private static double[] sorted(double[] x) {
    Arrays.sort(x);
    return x;
  }

  /**
   * The {@code k}-th smallest value (0-based), partly reordering x so that x[k] holds it with no larger value
   * before it and no smaller one after: quickselect with a three-way partition (equal values cost nothing),
   * falling back to a sort after too many poor pivots (introselect). Linear on average and n log n at worst,
   * where sorting for every call of a function lifted over many k would be n log n each time.
   */
  static double select(double[] x, int k) {
    int lo = 0;
    int hi = x.length - 1;
    int poorPivots = 2 * (64 - Long.numberOfLeadingZeros(x.length)) + 4;
    while (hi > lo) {
      if (poorPivots-- == 0) {
        Arrays.sort(x, lo, hi + 1);
        return x[k];
      }
      double p = median(x[lo], x[(lo + hi) >>> 1], x[hi]);
      int lt = lo;
      int gt = hi;
      for (int i = lo; i <= gt;) {
        if (x[i] < p) {
          swap(x, lt++, i++);
        } else if (x[i] > p) {
          swap(x, i, gt--);
        } else {
          i++;
        }
      }
      if (k < lt) {
        hi = lt - 1;
      } else if (k > gt) {
        lo = gt + 1;
      } else {
        return x[k];
      }
    }
    return x[k];
  }

  private static double median(double a, double b, double c) {
    return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
  }

  private static void swap(double[] x, int i, int j) {
    double t = x[i];
    x[i] = x[j];
    x[j] = t;
  }

  /** LARGE/SMALL: k is rounded up; k below 1 or above the count is #NUM!. */
  static Value kth(double[] x, double k, boolean largest) {
    if (k < 1 || Math.ceil(k) > x.length) {
      return Value.err(ExcelError.NUM, "k is out of range");
    }
    int i = (int) Math.ceil(k) - 1;
    return Value.num(select(x, largest ? x.length - 1 - i : i));
  }

  /**
   * {@code RANK(number, ref, [order])}: 1 + the count of numbers before it (greater when descending, the
   * default for order 0 or absent); RANK.AVG averages the places of ties. A number not in the list ranks
   * where it would be inserted (the conformance corpus pins RANK(4,{1,3,5,7}) = 3).
   */
  private static FunctionSpec rank(String name, boolean average) {
    return FunctionSpec.builder(name, a -> rank(a, average)).args(NUMBER, ARRAY).optionalArg(NUMBER, 0).build();
  }

  private static Value rank(Args a, boolean average) {
    NumberList l = a.numbers(1, 2);
    if (l.error() != null) {
      return l.error();
    }
    double x = a.num(0);
    boolean ascending = a.num(2) != 0;
    int before = 0;
    int equal = 0;
    for (int i = 0; i < l.size(); i++) {
      int c = Ops.compareNumbers(l.get(i), x);
      if (c == 0) {
        equal++;
      } else if (ascending ? c < 0 : c > 0) {
        before++;
      }
    }
    return Value.num(average && equal > 1 ? before + (equal + 1) / 2.0 : before + 1);
  }

  /** PERCENTILE.INC: linear interpolation at rank (n-1)k, k in [0,1]. */
  static Value percentileInc(double[] x, double k) {
    if (x.length == 0 || k < 0 || k > 1) {
      return Value.err(ExcelError.NUM, "k must be between 0 and 1");
    }
    return Value.num(interpolate(x, (x.length - 1) * k));
  }

  /** PERCENTILE.EXC: interpolation at rank (n+1)k - 1; #NUM! outside [1/(n+1), n/(n+1)]. */
  static Value percentileExc(double[] x, double k) {
    double h = (x.length + 1) * k;
    if (x.length == 0 || k <= 0 || k >= 1 || h < 1 || h > x.length) {
      return Value.err(ExcelError.NUM, "k is out of range for PERCENTILE.EXC");
    }
    return Value.num(interpolate(x, h - 1));
  }

  /** The value at fractional rank h (0-based) of the unsorted x, between its two neighbouring order statistics. */
  private static double interpolate(double[] x, double h) {
    int lo = (int) Math.floor(h);
    if (lo >= x.length - 1) {
      return select(x, x.length - 1);
    }
    double v0 = select(x, lo);
    double v1 = Double.POSITIVE_INFINITY;
    for (int i = lo + 1; i < x.length; i++) {
      v1 = Math.min(v1, x[i]);
    }
    return v0 + (h - lo) * (v1 - v0);
  }

  /** QUARTILE.INC: quart (truncated) 0..4 is the 0th, 25th, 50th, 75th or 100th percentile. */
  static Value quartileInc(double[] x, double quart) {
    double q = Math.floor(quart);
    if (q < 0 || q > 4) {
      return Value.err(ExcelError.NUM, "quart must be 0 to 4");
    }
    return percentileInc(x, q / 4);
  }

  /** QUARTILE.EXC: quart (truncated) 1..3 only. */
  static Value quartileExc(double[] x, double quart) {
    double q = Math.floor(quart);
    if (q < 1 || q > 3) {
      return Value.err(ExcelError.NUM, "quart must be 1 to 3");
    }
    return percentileExc(x, q / 4);
  }

  /** {@code PERCENTRANK(array, x, [significance=3])}. */
  private static FunctionSpec percentRank(String name, boolean inclusive) {
    return FunctionSpec.builder(name, a -> percentRank(a, inclusive)).args(ARRAY, NUMBER).skippableArg(NUMBER, 3)
        .build();
  }

  /**
   * The rank of x as a fraction (INC: i/(n-1), EXC: (i+1)/(n+1) for the i-th smallest), interpolated between
   * neighbours when x is not in the data, truncated to {@code significance} digits; #N/A outside the data.
   */
  private static Value percentRank(Args a, boolean inclusive) {
    NumberList l = a.numbers(0, 1);
    if (l.error() != null) {
      return l.error();
    }
    double digits = Math.floor(a.num(2));
    if (digits < 1) {
      return Value.err(ExcelError.NUM, "significance must be at least 1");
    }
    if (l.size() == 0) {
      return Value.err(ExcelError.NUM, "no numbers");
    }
    double[] s = sorted(l.toArray());
    double x = a.num(1);
    int n = s.length;
    if (x < s[0] || x > s[n - 1]) {
      return Value.err(ExcelError.NA, "x is outside the data");
    }
    int below = 0;
    while (below < n && s[below] < x) {
      below++;
    }
    double r;
    if (s[below] == x) {
      r = fraction(below, n, inclusive);
    } else {
      int first = below - 1;
      while (first > 0 && s[first - 1] == s[below - 1]) {
        first--;
      }
      double r0 = fraction(first, n, inclusive);
      double r1 = fraction(below, n, inclusive);
      r = r0 + (x - s[below - 1]) / (s[below] - s[below - 1]) * (r1 - r0);
    }
    return Coerce.number(truncate(r, (int) Math.min(digits, 15)));
  }

  private static double fraction(int smaller, int n, boolean inclusive) {
    if (inclusive) {
      return n == 1 ? 1 : (double) smaller / (n - 1);
    }
    return (smaller + 1.0) / (n + 1);
  }

  /** Truncates to {@code digits} decimals, forgiving binary noise just below a boundary. */
  private static double truncate(double r, int digits) {
    double f = Math.pow(10, digits);
    double scaled = r * f;
    double nearest = Math.rint(scaled);
    if (Math.abs(scaled - nearest) < 1e-9) {
      return nearest / f;
    }
    return Math.floor(scaled) / f;
  }

  /** TRIMMEAN: drops floor(n*percent/2) points at each end; percent in [0,1). */
  static Value trimMean(double[] x, double percent) {
    if (x.length == 0 || percent < 0 || percent >= 1) {
      return Value.err(ExcelError.NUM, "percent must be in [0, 1)");
    }
    sorted(x);
    int k = (int) Math.floor(x.length * percent / 2);
    double s = 0;
    for (int i = k; i < x.length - k; i++) {
      s += x[i];
    }
    return Coerce.number(s / (x.length - 2 * k));
  }
}

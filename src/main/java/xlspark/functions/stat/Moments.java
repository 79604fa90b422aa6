package xlspark.functions.stat;

import static xlspark.functions.stat.Aggregate.over;

import java.util.List;
import xlspark.functions.FunctionSpec;
import xlspark.functions.NumberList;
import xlspark.functions.SpecList;
import xlspark.value.Coerce;
import xlspark.value.ExcelError;
import xlspark.value.Value;

/** Spread and shape of data: variances, standard deviations, deviations, means, skewness, kurtosis. */
final class Moments {
  private Moments() {
  }

  static List<FunctionSpec> specs() {
    return new SpecList()
        .add(n -> variance(n, false, true, false), "VAR", "VAR.S")
        .add(variance("VARA", true, true, false))
        .add(n -> variance(n, false, false, false), "VARP", "VAR.P")
        .add(variance("VARPA", true, false, false))
        .add(n -> variance(n, false, true, true), "STDEV", "STDEV.S")
        .add(variance("STDEVA", true, true, true))
        .add(n -> variance(n, false, false, true), "STDEVP", "STDEV.P")
        .add(variance("STDEVPA", true, false, true))
        .add(over("AVEDEV", false, Moments::aveDev))
        .add(over("DEVSQ", false, Moments::devSq))
        .add(over("GEOMEAN", false, Moments::geoMean))
        .add(over("HARMEAN", false, Moments::harMean))
        .add(over("KURT", false, Moments::kurt))
        .add(over("SKEW", false, l -> skew(l, true)))
        .add(over("SKEW.P", false, l -> skew(l, false)))
        .add(Aggregate.ternary("STANDARDIZE", Moments::standardize))
        .build();
  }

  /**
   * The variance family: sample (divides by n-1, #DIV/0! below two numbers) or population (divides by n,
   * #DIV/0! for none), optionally its square root; the A-variants count text in arrays as 0, TRUE as 1.
   */
  private static FunctionSpec variance(String name, boolean aStyle, boolean sample, boolean root) {
    return over(name, aStyle, l -> {
      int n = l.size();
      if (n < (sample ? 2 : 1)) {
        return Value.err(ExcelError.DIV0, sample ? "needs at least two numbers" : "no numbers");
      }
      double v = Aggregate.devsq(l.toArray()) / (sample ? n - 1 : n);
      return Coerce.number(root ? Math.sqrt(v) : v);
    });
  }

  static Value aveDev(NumberList l) {
    if (l.size() == 0) {
      return Value.err(ExcelError.NUM, "no numbers");
    }
    double[] x = l.toArray();
    double m = Aggregate.mean(x);
    double s = 0;
    for (double d : x) {
      s += Math.abs(d - m);
    }
    return Coerce.number(s / x.length);
  }

  static Value devSq(NumberList l) {
    return l.size() == 0 ? Value.err(ExcelError.NUM, "no numbers") : Coerce.number(Aggregate.devsq(l.toArray()));
  }

  /** GEOMEAN: #NUM! for no numbers or any number not above 0. */
  static Value geoMean(NumberList l) {
    if (l.size() == 0) {
      return Value.err(ExcelError.NUM, "no numbers");
    }
    double s = 0;
    for (int i = 0; i < l.size(); i++) {
      if (l.get(i) <= 0) {
        return Value.err(ExcelError.NUM, "GEOMEAN needs positive numbers");
      }
      s += Math.log(l.get(i));
    }
    return Coerce.number(Math.exp(s / l.size()));
  }

  /** HARMEAN: #NUM! for no numbers or any number not above 0. */
  static Value harMean(NumberList l) {
    if (l.size() == 0) {
      return Value.err(ExcelError.NUM, "no numbers");
    }
    double s = 0;
    for (int i = 0; i < l.size(); i++) {
      if (l.get(i) <= 0) {
        return Value.err(ExcelError.NUM, "HARMEAN needs positive numbers");
      }
      s += 1 / l.get(i);
    }
    return Coerce.number(l.size() / s);
  }

  /** Sum of ((x - mean) / sd)^power with the sample (n-1) or population standard deviation; NaN if sd is 0. */
  private static double standardMoment(double[] x, int power, boolean sample) {
    int n = x.length;
    double m = Aggregate.mean(x);
    double sd = Math.sqrt(Aggregate.devsq(x) / (sample ? n - 1 : n));
    if (sd == 0) {
      return Double.NaN;
    }
    double s = 0;
    for (double d : x) {
      s += Math.pow((d - m) / sd, power);
    }
    return s;
  }

  /** KURT: excess kurtosis, #DIV/0! below four numbers or with no spread. */
  static Value kurt(NumberList l) {
    double n = l.size();
    double s = n < 4 ? Double.NaN : standardMoment(l.toArray(), 4, true);
    if (Double.isNaN(s)) {
      return Value.err(ExcelError.DIV0, "KURT needs four numbers with some spread");
    }
    return Coerce.number(n * (n + 1) / ((n - 1) * (n - 2) * (n - 3)) * s - 3 * (n - 1) * (n - 1) / ((n - 2) * (n - 3)));
  }

  /** SKEW (sample, at least three numbers) and SKEW.P (population); #DIV/0! with no spread. */
  static Value skew(NumberList l, boolean sample) {
    double n = l.size();
    double s = n < (sample ? 3 : 1) ? Double.NaN : standardMoment(l.toArray(), 3, sample);
    if (Double.isNaN(s)) {
      return Value.err(ExcelError.DIV0, "SKEW needs numbers with some spread");
    }
    return Coerce.number(sample ? n / ((n - 1) * (n - 2)) * s : s / n);
  }

  /** STANDARDIZE: (x - mean) / sd, sd must be above 0. */
  static double standardize(double x, double mean, double sd) {
    return sd <= 0 ? Double.NaN : (x - mean) / sd;
  }
}

package xlspark.functions.stat;

import static xlspark.functions.ArgKind.ARRAY;
import static xlspark.functions.ErrorPolicy.INSPECTS_ERRORS;
import static xlspark.functions.stat.Aggregate.over;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import xlspark.functions.Args;
import xlspark.functions.FunctionSpec;
import xlspark.functions.NumberList;
import xlspark.functions.SpecList;
import xlspark.value.Coerce;
import xlspark.value.ExcelError;
import xlspark.value.TextNumbers;
import xlspark.value.Value;
import xlspark.value.Value.Arr;
import xlspark.value.Value.Blank;
import xlspark.value.Value.Bool;
import xlspark.value.Value.Num;
import xlspark.value.Value.Text;

/**
 * Statistical functions. This class holds the counting and central-tendency aggregates and gathers the
 * specs of the package's other classes (order statistics, moments, paired data, distributions).
 */
public final class StatFunctions {
  private StatFunctions() {
  }

  public static List<FunctionSpec> specs() {
    return new SpecList()
        .add(FunctionSpec.builder("COUNT", StatFunctions::count).arg(ARRAY).repeating(ARRAY)
            .errorPolicy(INSPECTS_ERRORS).build())
        .add(FunctionSpec.builder("COUNTA", StatFunctions::countA).arg(ARRAY).repeating(ARRAY)
            .errorPolicy(INSPECTS_ERRORS).build())
        .add(over("AVERAGE", false, StatFunctions::average))
        .add(over("AVERAGEA", true, StatFunctions::average))
        .add(over("MAX", false, StatFunctions::max))
        .add(over("MAXA", true, StatFunctions::max))
        .add(over("MIN", false, StatFunctions::min))
        .add(over("MINA", true, StatFunctions::min))
        .add(over("MEDIAN", false, StatFunctions::median))
        .add(n -> FunctionSpec.builder(n, StatFunctions::modeOfArguments).arg(ARRAY).repeating(ARRAY)
            .errorPolicy(INSPECTS_ERRORS).build(), "MODE", "MODE.SNGL")
        .add(over("MODE.MULT", false, StatFunctions::modeMult))
        .addAll(OrderStatistics.specs())
        .addAll(Moments.specs())
        .addAll(PairedData.specs())
        .addAll(Distributions.specs())
        .addAll(SamplingDistributions.specs())
        .addAll(DiscreteDistributions.specs())
        .addAll(StatTests.specs())
        .addAll(LinearModels.specs())
        .addAll(EtsForecast.specs())
        .build();
  }

  /**
   * COUNT: numbers anywhere; directly given booleans, numeric text and empty arguments count too; errors
   * and other text do not (and are not errors).
   */
  static Value count(Args a) {
    long n = 0;
    for (int i = 0; i < a.size(); i++) {
      Value v = a.get(i);
      if (v instanceof Arr arr) {
        for (Value c : arr.cells()) {
          if (c instanceof Num) {
            n++;
          }
        }
        a.ctx().checkDeadline();
      } else if (v instanceof Num || v instanceof Bool || v == Value.MISSING) {
        n++;
      } else if (v instanceof Text t && !Double.isNaN(TextNumbers.parse(t.s(), a.ctx().dates()))) {
        n++;
      }
    }
    return Value.num(n);
  }

  /** COUNTA: every value that is not a blank cell, errors included; an empty argument counts. */
  static Value countA(Args a) {
    long n = 0;
    for (int i = 0; i < a.size(); i++) {
      Value v = a.get(i);
      if (v instanceof Arr arr) {
        for (Value c : arr.cells()) {
          if (!(c instanceof Blank)) {
            n++;
          }
        }
        a.ctx().checkDeadline();
      } else if (!(v instanceof Blank) || v == Value.MISSING) {
        n++;
      }
    }
    return Value.num(n);
  }

  static Value average(NumberList l) {
    return l.size() == 0 ? Value.err(ExcelError.DIV0, "no numbers to average") : Coerce.number(l.sum() / l.size());
  }

  /** MAX of no numbers is 0. */
  static Value max(NumberList l) {
    if (l.size() == 0) {
      return Value.ZERO;
    }
    double m = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < l.size(); i++) {
      m = Math.max(m, l.get(i));
    }
    return Coerce.number(m);
  }

  /** MIN of no numbers is 0. */
  static Value min(NumberList l) {
    if (l.size() == 0) {
      return Value.ZERO;
    }
    double m = Double.POSITIVE_INFINITY;
    for (int i = 0; i < l.size(); i++) {
      m = Math.min(m, l.get(i));
    }
    return Coerce.number(m);
  }

  static Value median(NumberList l) {
    if (l.size() == 0) {
      return Value.err(ExcelError.NUM, "no numbers");
    }
    double[] x = l.toArray();
    Arrays.sort(x);
    int n = x.length;
    return Coerce.number(n % 2 == 1 ? x[n / 2] : (x[n / 2 - 1] + x[n / 2]) / 2);
  }

  /**
   * MODE and MODE.SNGL: unlike the other aggregates, a text argument given directly is #VALUE! even when it reads as
   * a number, and it wins over a later error argument ({@code MODE("1",1,#DIV/0!)} is #VALUE! in Excel).
   */
  static Value modeOfArguments(Args a) {
    for (int i = 0; i < a.size(); i++) {
      Value v = a.get(i);
      if (v instanceof Value.Err) {
        return v;
      }
      if (v instanceof Text) {
        return Value.err(ExcelError.VALUE, "MODE takes numbers, not text arguments");
      }
    }
    NumberList l = a.numbers(0);
    return l.error() != null ? l.error() : mode(l);
  }

  /** MODE: the most frequent number, the first in argument order among ties; #N/A when none repeats. */
  static Value mode(NumberList l) {
    List<Double> modes = modes(l);
    return modes.isEmpty() ? Value.err(ExcelError.NA, "no value repeats") : Value.num(modes.get(0));
  }

  /** MODE.MULT: every most frequent number, in order of first appearance, as a column. */
  static Value modeMult(NumberList l) {
    List<Double> modes = modes(l);
    if (modes.isEmpty()) {
      return Value.err(ExcelError.NA, "no value repeats");
    }
    Value[] out = new Value[modes.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = Value.num(modes.get(i));
    }
    return new Arr(out.length, 1, out);
  }

  private static List<Double> modes(NumberList l) {
    Map<Double, int[]> counts = new HashMap<>();
    int best = 1;
    for (int i = 0; i < l.size(); i++) {
      int[] c = counts.computeIfAbsent(l.get(i) + 0.0, k -> new int[1]);
      best = Math.max(best, ++c[0]);
    }
    List<Double> out = new ArrayList<>();
    if (best < 2) {
      return out;
    }
    for (int i = 0; i < l.size(); i++) {
      int[] c = counts.get(l.get(i) + 0.0);
      if (c[0] == best) {
        out.add(l.get(i));
        c[0] = -1;
      }
    }
    return out;
  }
}

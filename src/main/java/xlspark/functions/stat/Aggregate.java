package xlspark.functions.stat;

import static xlspark.functions.ArgKind.ARRAY;
import static xlspark.functions.ArgKind.BOOLEAN;
import static xlspark.functions.ArgKind.NUMBER;

import xlspark.functions.FunctionSpec;
import xlspark.functions.NumberList;
import xlspark.value.Coerce;
import xlspark.value.Value;

/**
 * Factories shared by the statistical classes: aggregates over SUM-style argument lists and plain numeric
 * functions of two to four numbers (NaN results become #NUM!).
 */
final class Aggregate {
  private Aggregate() {
  }

  /** What an aggregate computes from the numbers it gathered. */
  @FunctionalInterface
  interface Reducer {
    Value apply(NumberList numbers);
  }

  /** A numeric body of three numbers. */
  @FunctionalInterface
  interface Fn3 {
    double apply(double a, double b, double c);
  }

  /** A numeric body of four numbers. */
  @FunctionalInterface
  interface Fn4 {
    double apply(double a, double b, double c, double d);
  }

  /** A distribution of one number and the cumulative flag (NORM.S.DIST). */
  @FunctionalInterface
  interface Dist1 {
    double apply(double x, boolean cumulative);
  }

  /** A distribution of {@code x}, one parameter and the cumulative flag (EXPON.DIST, T.DIST...). */
  @FunctionalInterface
  interface Dist2 {
    double apply(double x, double p, boolean cumulative);
  }

  /** A distribution of {@code x}, two parameters and the cumulative flag (NORM.DIST, GAMMA.DIST...). */
  @FunctionalInterface
  interface Dist3 {
    double apply(double x, double p, double q, boolean cumulative);
  }

  /**
   * {@code NAME(number1, ...)} over Excel's SUM-style collection: direct numbers, booleans and numeric text
   * count, inside arrays only numbers do (text as 0 and booleans as 1/0 too with {@code aStyle}).
   */
  static FunctionSpec over(String name, boolean aStyle, Reducer r) {
    return FunctionSpec.builder(name, a -> reduce(aStyle ? a.numbersA(0) : a.numbers(0), r))
        .arg(ARRAY).repeating(ARRAY).build();
  }

  /** The reducer's value, or the error met while gathering. */
  static Value reduce(NumberList l, Reducer r) {
    return l.error() != null ? l.error() : r.apply(l);
  }

  /** {@code NAME(array, number)}: the numbers of one array and a scalar (LARGE, PERCENTILE...). */
  static FunctionSpec arrayAnd(String name, ArrayFn f) {
    return FunctionSpec.builder(name, a -> {
      NumberList l = a.numbers(0, 1);
      return l.error() != null ? l.error() : f.apply(l.toArray(), a.num(1));
    }).arg(ARRAY).arg(NUMBER).build();
  }

  /** The body of {@link #arrayAnd}. */
  @FunctionalInterface
  interface ArrayFn {
    Value apply(double[] numbers, double k);
  }

  static FunctionSpec ternary(String name, Fn3 f) {
    return FunctionSpec.builder(name, a -> Coerce.number(f.apply(a.num(0), a.num(1), a.num(2))))
        .args(NUMBER, NUMBER, NUMBER).build();
  }

  static FunctionSpec quaternary(String name, Fn4 f) {
    return FunctionSpec.builder(name, a -> Coerce.number(f.apply(a.num(0), a.num(1), a.num(2), a.num(3))))
        .args(NUMBER, NUMBER, NUMBER, NUMBER).build();
  }

  static FunctionSpec dist(String name, Dist1 f) {
    return FunctionSpec.builder(name, a -> Coerce.number(f.apply(a.num(0), a.bool(1))))
        .args(NUMBER, BOOLEAN).build();
  }

  static FunctionSpec dist(String name, Dist2 f) {
    return FunctionSpec.builder(name, a -> Coerce.number(f.apply(a.num(0), a.num(1), a.bool(2))))
        .args(NUMBER, NUMBER, BOOLEAN).build();
  }

  static FunctionSpec dist(String name, Dist3 f) {
    return FunctionSpec.builder(name, a -> Coerce.number(f.apply(a.num(0), a.num(1), a.num(2), a.bool(3))))
        .args(NUMBER, NUMBER, NUMBER, BOOLEAN).build();
  }

  /** Sum of the numbers. */
  static double sum(double[] x) {
    double s = 0;
    for (double d : x) {
      s += d;
    }
    return s;
  }

  /** Arithmetic mean (NaN for none). */
  static double mean(double[] x) {
    return sum(x) / x.length;
  }

  /** Sum of squared deviations from the mean, two-pass for accuracy. */
  static double devsq(double[] x) {
    double m = mean(x);
    double s = 0;
    for (double d : x) {
      s += (d - m) * (d - m);
    }
    return s;
  }
}

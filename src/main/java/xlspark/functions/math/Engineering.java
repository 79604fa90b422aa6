package xlspark.functions.math;

import static xlspark.functions.ArgKind.NUMBER;
import static xlspark.functions.ArgKind.NUMBER_NOT_LOGICAL;

import java.util.List;
import java.util.function.DoubleBinaryOperator;
import java.util.function.LongBinaryOperator;
import xlspark.functions.Args;
import xlspark.functions.FunctionSpec;
import xlspark.functions.SpecList;
import xlspark.functions.stat.SpecialFunctions;
import xlspark.value.Coerce;
import xlspark.value.ExcelError;
import xlspark.value.Value;

/** Engineering functions that belong with math here: bitwise operations, DELTA, GESTEP, ERF and ERFC. */
final class Engineering {
  /** Bitwise functions take integers from 0 to 2^48 - 1. */
  private static final double BIT_LIMIT = 281_474_976_710_656d;

  private Engineering() {
  }

  static List<FunctionSpec> specs() {
    return new SpecList().add(n -> oneNumber(n, SpecialFunctions::erfc), "ERFC", "ERFC.PRECISE").addAll(List.of(
        bitwise("BITAND", (x, y) -> x & y),
        bitwise("BITOR", (x, y) -> x | y),
        bitwise("BITXOR", (x, y) -> x ^ y),
        FunctionSpec.builder("BITLSHIFT", a -> shift(a.num(0), a.num(1))).args(NUMBER, NUMBER).build(),
        FunctionSpec.builder("BITRSHIFT", a -> shift(a.num(0), -a.num(1))).args(NUMBER, NUMBER).build(),
        compare("DELTA", (x, y) -> x == y ? 1 : 0),
        compare("GESTEP", (x, y) -> x >= y ? 1 : 0),
        FunctionSpec.builder("ERF", Engineering::erfBetween).arg(NUMBER_NOT_LOGICAL).optionalArg(NUMBER_NOT_LOGICAL)
            .build(),
        oneNumber("ERF.PRECISE", SpecialFunctions::erf))).build();
  }

  private static boolean isBitOperand(double x) {
    return x >= 0 && x < BIT_LIMIT && x == Math.floor(x);
  }

  private static FunctionSpec bitwise(String name, LongBinaryOperator op) {
    return FunctionSpec.builder(name, a -> {
      double x = a.num(0);
      double y = a.num(1);
      if (!isBitOperand(x) || !isBitOperand(y)) {
        return Value.err(ExcelError.NUM, "bitwise operands must be integers from 0 to 2^48-1");
      }
      return Value.num(op.applyAsLong((long) x, (long) y));
    }).args(NUMBER, NUMBER).build();
  }

  /** BITLSHIFT/BITRSHIFT: shifts of up to 53 places either way; the result must stay below 2^48. */
  private static Value shift(double x, double places) {
    double s = places < 0 ? Math.ceil(places) : Math.floor(places);
    if (!isBitOperand(x) || Math.abs(s) > 53) {
      return Value.err(ExcelError.NUM, "BITLSHIFT/BITRSHIFT arguments out of range");
    }
    double r = s >= 0 ? x * Math.pow(2, s) : Math.floor(x / Math.pow(2, -s));
    return r >= BIT_LIMIT ? Value.err(ExcelError.NUM, "result exceeds 2^48-1") : Value.num(r);
  }

  /** DELTA(number1, [number2=0]) and GESTEP(number, [step=0]); logical values are #VALUE!. */
  private static FunctionSpec compare(String name, DoubleBinaryOperator f) {
    return FunctionSpec.builder(name, a -> Value.num(f.applyAsDouble(a.num(0), a.num(1))))
        .arg(NUMBER_NOT_LOGICAL).optionalArg(NUMBER_NOT_LOGICAL, 0).build();
  }

  private static FunctionSpec oneNumber(String name, java.util.function.DoubleUnaryOperator f) {
    return FunctionSpec.builder(name, a -> Coerce.number(f.applyAsDouble(a.num(0)))).arg(NUMBER_NOT_LOGICAL).build();
  }

  /** ERF(lower, [upper]): erf(lower), or erf(upper) - erf(lower) with both bounds. */
  private static Value erfBetween(Args a) {
    double l = SpecialFunctions.erf(a.num(0));
    return Coerce.number(a.has(1) ? SpecialFunctions.erf(a.num(1)) - l : l);
  }
}

package xlspark.functions.math;

import static xlspark.functions.ArgKind.NUMBER;

import java.util.List;
import java.util.function.DoubleUnaryOperator;
import xlspark.functions.Args;
import xlspark.functions.FunctionSpec;
import xlspark.value.Coerce;
import xlspark.value.ExcelError;
import xlspark.value.Value;

/** Trigonometric and hyperbolic functions, DEGREES and RADIANS. */
final class Trig {
  /** Excel refuses SIN, COS, TAN and the reciprocal functions of arguments of 2^27 and more (#NUM!). */
  private static final double CIRCULAR_LIMIT = 134_217_728;

  private Trig() {
  }

  static List<FunctionSpec> specs() {
    return List.of(
        circular("SIN", Math::sin),
        circular("COS", Math::cos),
        circular("TAN", Math::tan),
        reciprocal("COT", Math::tan),
        reciprocal("CSC", Math::sin),
        reciprocal("SEC", Math::cos),
        reciprocal("COTH", Math::tanh),
        reciprocal("CSCH", Math::sinh),
        reciprocal("SECH", Math::cosh),
        FunctionSpec.unary("ASIN", Math::asin),
        FunctionSpec.unary("ACOS", Math::acos),
        FunctionSpec.unary("ATAN", Math::atan),
        FunctionSpec.unary("ACOT", x -> Math.PI / 2 - Math.atan(x)),
        FunctionSpec.builder("ATAN2", Trig::atan2).args(NUMBER, NUMBER).build(),
        FunctionSpec.unary("SINH", Math::sinh),
        FunctionSpec.unary("COSH", Math::cosh),
        FunctionSpec.unary("TANH", Math::tanh),
        FunctionSpec.unary("ASINH", Trig::asinh),
        FunctionSpec.unary("ACOSH", Trig::acosh),
        FunctionSpec.unary("ATANH", x -> Math.abs(x) >= 1 ? Double.NaN : 0.5 * Math.log1p(2 * x / (1 - x))),
        FunctionSpec.unary("ACOTH", x -> Math.abs(x) <= 1 ? Double.NaN : 0.5 * Math.log((x + 1) / (x - 1))),
        FunctionSpec.unary("DEGREES", Math::toDegrees),
        FunctionSpec.unary("RADIANS", Math::toRadians));
  }

  private static FunctionSpec circular(String name, DoubleUnaryOperator f) {
    return FunctionSpec.unary(name, x -> Math.abs(x) >= CIRCULAR_LIMIT ? Double.NaN : f.applyAsDouble(x));
  }

  /** COT, CSC, SEC, COTH, CSCH, SECH: 1/f(x), #DIV/0! where f(x) is 0; Excel caps all six at 2^27 too. */
  private static FunctionSpec reciprocal(String name, DoubleUnaryOperator f) {
    return FunctionSpec.builder(name, a -> {
      double x = a.num(0);
      if (Math.abs(x) >= CIRCULAR_LIMIT) {
        return Value.err(ExcelError.NUM);
      }
      double d = f.applyAsDouble(x);
      return d == 0 ? Value.err(ExcelError.DIV0) : Coerce.number(1 / d);
    }).arg(NUMBER).build();
  }

  /** ATAN2(x, y): the angle of the point (x, y), Excel's argument order; (0, 0) is #DIV/0!. */
  private static Value atan2(Args a) {
    double x = a.num(0);
    double y = a.num(1);
    if (x == 0 && y == 0) {
      return Value.err(ExcelError.DIV0);
    }
    return Coerce.number(Math.atan2(y, x));
  }

  private static double acosh(double x) {
    if (x < 1) {
      return Double.NaN;
    }
    return x > 1e8 ? Math.log(x) + Math.log(2) : Math.log(x + Math.sqrt(x * x - 1));
  }

  private static double asinh(double x) {
    double a = Math.abs(x);
    double r = a > 1e8 ? Math.log(a) + Math.log(2) : Math.log1p(a + a * a / (1 + Math.sqrt(1 + a * a)));
    return x < 0 ? -r : r;
  }
}

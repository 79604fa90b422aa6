package xlspark.functions.engineering;

import static xlspark.functions.ArgKind.ANY;
import static xlspark.functions.ArgKind.ARRAY;
import static xlspark.functions.ArgKind.NUMBER_NOT_LOGICAL;
import static xlspark.functions.ArgKind.TEXT;

import java.util.List;
import java.util.function.BinaryOperator;
import java.util.function.ToDoubleFunction;
import java.util.function.UnaryOperator;
import xlspark.functions.Args;
import xlspark.functions.FunctionSpec;
import xlspark.value.Coerce;
import xlspark.value.ExcelError;
import xlspark.value.Value;
import xlspark.value.Value.Arr;
import xlspark.value.Value.Blank;

/**
 * COMPLEX and the 26 IM* functions. Arguments are complex text ({@link Complex}); results are complex text
 * with the operands' suffix, or a number for IMABS, IMREAL, IMAGINARY and IMARGUMENT. The formulas are the
 * ones whose rounding reproduces Excel's cached results: polar form for IMPOWER and IMSQRT (so
 * IMPOWER("2+3i",3) is -46+9.00000000000001i as in Excel), and the double-angle forms for IMTAN and IMCOT.
 */
final class ComplexFunctions {
  private static final double LN10 = Math.log(10);
  private static final double LN2 = Math.log(2);

  private ComplexFunctions() {
  }

  static List<FunctionSpec> specs() {
    return List.of(
        FunctionSpec.builder("COMPLEX", ComplexFunctions::complex).args(NUMBER_NOT_LOGICAL, NUMBER_NOT_LOGICAL)
            .optionalArg(TEXT, "i").build(),
        measure("IMABS", Complex::abs),
        measure("IMREAL", Complex::re),
        measure("IMAGINARY", Complex::im),
        FunctionSpec.builder("IMARGUMENT", a -> withOperand(a.get(0), z -> z.isZero()
            ? Value.err(ExcelError.DIV0, "the argument of 0 is undefined") : Coerce.number(z.arg()))).arg(ANY).build(),
        unary("IMCONJUGATE", z -> z.with(z.re(), -z.im())),
        unary("IMEXP", ComplexFunctions::exp),
        unary("IMLN", z -> scaledLog(z, 1)),
        unary("IMLOG10", z -> scaledLog(z, LN10)),
        unary("IMLOG2", z -> scaledLog(z, LN2)),
        unary("IMSQRT", z -> polarPower(z, 0.5)),
        unary("IMSIN", ComplexFunctions::sin),
        unary("IMCOS", ComplexFunctions::cos),
        unary("IMSINH", ComplexFunctions::sinh),
        unary("IMCOSH", ComplexFunctions::cosh),
        unary("IMTAN", ComplexFunctions::tan),
        unary("IMCOT", ComplexFunctions::cot),
        unary("IMSEC", z -> reciprocal(cos(z))),
        unary("IMCSC", z -> reciprocal(sin(z))),
        unary("IMSECH", z -> reciprocal(cosh(z))),
        unary("IMCSCH", z -> reciprocal(sinh(z))),
        FunctionSpec.builder("IMPOWER", ComplexFunctions::power).args(ANY, NUMBER_NOT_LOGICAL).build(),
        binary("IMSUB", (x, y) -> x.with(x.re() - y.re(), x.im() - y.im())),
        binary("IMDIV", ComplexFunctions::divide),
        FunctionSpec.builder("IMSUM", a -> fold(a, Complex.ZERO, (x, y) -> x.with(x.re() + y.re(), x.im() + y.im())))
            .arg(ARRAY).repeating(ARRAY).build(),
        FunctionSpec.builder("IMPRODUCT", a -> fold(a, new Complex(1, 0, (char) 0), ComplexFunctions::multiply))
            .arg(ARRAY).repeating(ARRAY).build());
  }

  private interface ComplexBody {
    Value apply(Complex z);
  }

  private static Value withOperand(Value v, ComplexBody body) {
    Value[] err = new Value[1];
    Complex z = Complex.read(v, err);
    return z == null ? err[0] : body.apply(z);
  }

  private static FunctionSpec measure(String name, ToDoubleFunction<Complex> f) {
    return FunctionSpec.builder(name, a -> withOperand(a.get(0), z -> Coerce.number(f.applyAsDouble(z))))
        .arg(ANY).build();
  }

  private static FunctionSpec unary(String name, UnaryOperator<Complex> f) {
    return FunctionSpec.builder(name, a -> withOperand(a.get(0), z -> {
      Complex r = f.apply(z);
      return r == null ? Value.err(ExcelError.NUM) : r.toValue();
    })).arg(ANY).build();
  }

  private static FunctionSpec binary(String name, BinaryOperator<Complex> f) {
    return FunctionSpec.builder(name, a -> withOperand(a.get(0), x -> withOperand(a.get(1), y -> {
      int suffix = Complex.commonSuffix(x.suffix(), y.suffix());
      if (suffix < 0) {
        return Value.err(ExcelError.NUM, "the operands mix the suffixes i and j");
      }
      Complex r = f.apply(new Complex(x.re(), x.im(), (char) suffix), y);
      return r == null ? Value.err(ExcelError.NUM) : r.toValue();
    }))).args(ANY, ANY).build();
  }

  /** IMSUM and IMPRODUCT: every argument and array cell in turn; blank cells are skipped. */
  private static Value fold(Args a, Complex start, BinaryOperator<Complex> op) {
    Complex acc = start;
    Value[] err = new Value[1];
    for (int i = 0; i < a.size(); i++) {
      Value v = a.get(i);
      Value[] cells = v instanceof Arr arr ? arr.cells() : new Value[] {v};
      a.ctx().spend(cells.length);
      for (Value c : cells) {
        if (c instanceof Blank && (v instanceof Arr || c != Value.MISSING)) {
          continue;
        }
        Complex z = Complex.read(c, err);
        if (z == null) {
          return err[0];
        }
        int suffix = Complex.commonSuffix(acc.suffix(), z.suffix());
        if (suffix < 0) {
          return Value.err(ExcelError.NUM, "the operands mix the suffixes i and j");
        }
        acc = op.apply(new Complex(acc.re(), acc.im(), (char) suffix), z);
      }
    }
    return acc.toValue();
  }

  /** COMPLEX(real, imaginary, [suffix]): the suffix is "i" (also when empty or omitted) or "j". */
  private static Value complex(Args a) {
    String suffix = a.text(2);
    if (!suffix.isEmpty() && !suffix.equals("i") && !suffix.equals("j")) {
      return Value.err(ExcelError.VALUE, "the suffix must be \"i\" or \"j\"");
    }
    return new Complex(a.num(0), a.num(1), suffix.isEmpty() ? 'i' : suffix.charAt(0)).toValue();
  }

  private static Value power(Args a) {
    double p = a.num(1);
    return withOperand(a.get(0), z -> {
      if (z.isZero()) {
        return p > 0 ? z.with(0, 0).toValue() : Value.err(ExcelError.NUM, "0 to a power that is not positive");
      }
      return polarPower(z, p).toValue();
    });
  }

  private static Complex polarPower(Complex z, double p) {
    if (z.isZero()) {
      return z;
    }
    double r = Math.pow(z.abs(), p);
    double t = z.arg() * p;
    return z.with(r * Math.cos(t), r * Math.sin(t));
  }

  private static Complex exp(Complex z) {
    double m = Math.exp(z.re());
    return z.with(m * Math.cos(z.im()), m * Math.sin(z.im()));
  }

  /** ln(z) divided by {@code base} (ln 10, ln 2 or 1); null (#NUM!) for 0. */
  private static Complex scaledLog(Complex z, double base) {
    if (z.isZero()) {
      return null;
    }
    return z.with(Math.log(z.abs()) / base, z.arg() / base);
  }

  private static Complex sin(Complex z) {
    return z.with(Math.sin(z.re()) * Math.cosh(z.im()), Math.cos(z.re()) * Math.sinh(z.im()));
  }

  private static Complex cos(Complex z) {
    return z.with(Math.cos(z.re()) * Math.cosh(z.im()), -Math.sin(z.re()) * Math.sinh(z.im()));
  }

  private static Complex sinh(Complex z) {
    return z.with(Math.sinh(z.re()) * Math.cos(z.im()), Math.cosh(z.re()) * Math.sin(z.im()));
  }

  private static Complex cosh(Complex z) {
    return z.with(Math.cosh(z.re()) * Math.cos(z.im()), Math.sinh(z.re()) * Math.sin(z.im()));
  }

  /** tan z = (sin 2x + i sinh 2y) / (cos 2x + cosh 2y): exact where sin/cos cancels (IMTAN("7+25j")). */
  private static Complex tan(Complex z) {
    double d = Math.cos(2 * z.re()) + Math.cosh(2 * z.im());
    return z.with(Math.sin(2 * z.re()) / d, Math.sinh(2 * z.im()) / d);
  }

  /** cot z = (sin 2x - i sinh 2y) / (cosh 2y - cos 2x). */
  private static Complex cot(Complex z) {
    double d = Math.cosh(2 * z.im()) - Math.cos(2 * z.re());
    return z.with(Math.sin(2 * z.re()) / d, -Math.sinh(2 * z.im()) / d);
  }

  private static Complex reciprocal(Complex z) {
    return divide(z.with(1, 0), z);
  }

  private static Complex multiply(Complex x, Complex y) {
    return x.with(x.re() * y.re() - x.im() * y.im(), x.re() * y.im() + x.im() * y.re());
  }

  /** x / y; null (#NUM!) for a zero divisor. */
  private static Complex divide(Complex x, Complex y) {
    double d = y.re() * y.re() + y.im() * y.im();
    if (d == 0) {
      return null;
    }
    return x.with((x.re() * y.re() + x.im() * y.im()) / d, (x.im() * y.re() - x.re() * y.im()) / d);
  }
}

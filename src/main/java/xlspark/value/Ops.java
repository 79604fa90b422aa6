package xlspark.value;

import xlspark.value.Value.Arr;
import xlspark.value.Value.Blank;
import xlspark.value.Value.Bool;
import xlspark.value.Value.Err;
import xlspark.value.Value.Num;
import xlspark.value.Value.Text;

/**
 * Excel's operators on values: arithmetic, concatenation and comparison, lifted over arrays (a single row
 * or column repeats; cells outside a shorter array are #N/A). Errors propagate, left operand first.
 */
public final class Ops {
  /** Operators the engine implements; the JEXL arithmetic maps JEXL's operators onto these. */
  public enum Op { ADD, SUB, MUL, DIV, POW, CONCAT, EQ, NE, LT, GT, LE, GE }

  private Ops() {
  }

  /**
   * An operator on two values; {@code budget} is the row's, which arrays are bounded and timed by and text read as
   * a date counts in. It may be null only when neither operand is an array or text.
   */
  public static Value apply(Op op, Value a, Value b, Budget budget) {
    if (a instanceof Arr || b instanceof Arr) {
      return lift(op, a, b, budget);
    }
    return scalar(op, a, b, a instanceof Text || b instanceof Text ? budget.dates() : null);
  }

  /**
   * Broadcasts an operator over arrays. The result is bounded by the row's {@link Budget} (a row times a
   * column can be huge: #NUM! instead), big results check the deadline every {@link Budget#CHECK_EVERY}
   * cells, and concatenation counts the text it puts into arrays.
   */
  private static Value lift(Op op, Value a, Value b, Budget budget) {
    int rows = Math.max(a instanceof Arr x ? x.rows() : 1, b instanceof Arr y ? y.rows() : 1);
    int cols = Math.max(a instanceof Arr x ? x.cols() : 1, b instanceof Arr y ? y.cols() : 1);
    Value tooLarge = budget.tooLarge(rows, cols);
    if (tooLarge != null) {
      return tooLarge;
    }
    Value[] out = new Value[rows * cols];
    int sinceCheck = 0;
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        if (++sinceCheck == Budget.CHECK_EVERY) {
          sinceCheck = 0;
          budget.check();
        }
        Value l = a instanceof Arr x ? x.broadcastGet(r, c) : a;
        Value rr = b instanceof Arr y ? y.broadcastGet(r, c) : b;
        Value v = scalar(op, l, rr, budget.dates());
        if (op == Op.CONCAT && v instanceof Text t && !budget.spendArrayText(t.s().length())) {
          return budget.tooMuchText();
        }
        out[r * cols + c] = v;
      }
    }
    return new Arr(rows, cols, out);
  }

  private static Value scalar(Op op, Value a, Value b, DateSystem dates) {
    return switch (op) {
      case ADD, SUB, MUL, DIV, POW -> arithmetic(op, a, b, dates);
      case CONCAT -> concat(a, b);
      case EQ, NE, LT, GT, LE, GE -> compare(op, a, b);
    };
  }

  private static Value arithmetic(Op op, Value a, Value b, DateSystem dates) {
    Value na = Coerce.toNumber(a, dates);
    if (na instanceof Err) {
      return na;
    }
    Value nb = Coerce.toNumber(b, dates);
    if (nb instanceof Err) {
      return nb;
    }
    double x = ((Num) na).v();
    double y = ((Num) nb).v();
    return switch (op) {
      case ADD -> Coerce.number(snap(x + y, x, y));
      case SUB -> Coerce.number(snap(x - y, x, y));
      case MUL -> Coerce.number(x * y);
      case DIV -> y == 0 ? Value.err(ExcelError.DIV0) : Coerce.number(x / y);
      case POW -> power(x, y);
      default -> throw new IllegalArgumentException(op.name());
    };
  }

  /**
   * Excel drops a sum or difference that is below the 15-digit precision of its operands to 0, so
   * {@code 0.1+0.2-0.3} is 0, not 5.55E-17.
   */
  private static double snap(double r, double x, double y) {
    if (r != 0 && Math.abs(r) < Math.max(Math.abs(x), Math.abs(y)) * 1e-15) {
      return 0;
    }
    return r;
  }

  /** {@code x^y}: 0^0 and 0^negative are #NUM!, a negative base with a fractional exponent is #NUM!. */
  public static Value power(double x, double y) {
    if (x == 0 && y <= 0) {
      return Value.err(ExcelError.NUM);
    }
    if (x < 0 && y != Math.rint(y)) {
      double inv = 1 / y;
      if (inv == Math.rint(inv) && ((long) inv & 1) == 1) {
        return Coerce.number(-Math.pow(-x, y));
      }
      return Value.err(ExcelError.NUM);
    }
    return Coerce.number(Math.pow(x, y));
  }

  private static Value concat(Value a, Value b) {
    Value ta = Coerce.toText(a);
    if (ta instanceof Err) {
      return ta;
    }
    Value tb = Coerce.toText(b);
    if (tb instanceof Err) {
      return tb;
    }
    String l = ((Text) ta).s();
    String r = ((Text) tb).s();
    if ((long) l.length() + r.length() > Coerce.MAX_TEXT) {
      return Value.err(ExcelError.VALUE, "text longer than 32,767 characters");
    }
    return new Text(l.concat(r));
  }

  private static Value compare(Op op, Value a, Value b) {
    a = Coerce.scalar(a);
    b = Coerce.scalar(b);
    if (a instanceof Err) {
      return a;
    }
    if (b instanceof Err) {
      return b;
    }
    int c = compare(a, b);
    boolean r = switch (op) {
      case EQ -> c == 0;
      case NE -> c != 0;
      case LT -> c < 0;
      case GT -> c > 0;
      case LE -> c <= 0;
      case GE -> c >= 0;
      default -> throw new IllegalArgumentException(op.name());
    };
    return Value.bool(r);
  }

  /**
   * Excel's ordering of two non-error scalars: numbers before text before booleans; text compared without
   * case; a blank acts as 0, "" or FALSE to match the other side; numbers equal to 15 significant digits.
   */
  public static int compare(Value a, Value b) {
    if (a instanceof Blank) {
      a = blankLike(b);
    }
    if (b instanceof Blank) {
      b = blankLike(a);
    }
    int ra = typeOrder(a);
    int rb = typeOrder(b);
    if (ra != rb) {
      return Integer.compare(ra, rb);
    }
    if (a instanceof Num x) {
      return compareNumbers(x.v(), ((Num) b).v());
    }
    if (a instanceof Text x) {
      return compareText(x.s(), ((Text) b).s());
    }
    if (a instanceof Bool x) {
      return Boolean.compare(x.b(), ((Bool) b).b());
    }
    return 0;
  }

  /**
   * Numbers compare as Excel shows them: rounded to 15 significant digits. Not a relative tolerance: Excel's cached
   * results (excel-truth external_name.xls) have 100.00000000000041 = 100 but 99.99999999999994 &lt;&gt; 100 (it
   * rounds to 99.9999999999999). Only numbers within 1e-14 of each other need the rounding.
   */
  public static int compareNumbers(double x, double y) {
    if (x == y) {
      return 0;
    }
    double scale = Math.max(Math.abs(x), Math.abs(y));
    if (Math.abs(x - y) > scale * 1e-14 || Double.isInfinite(scale)) {
      return x < y ? -1 : 1;
    }
    return significant15(x).compareTo(significant15(y));
  }

  private static final java.math.MathContext FIFTEEN = new java.math.MathContext(15, java.math.RoundingMode.HALF_UP);

  private static java.math.BigDecimal significant15(double d) {
    return new java.math.BigDecimal(d).round(FIFTEEN);
  }

  /** Case-insensitive text order. */
  public static int compareText(String x, String y) {
    int c = x.compareToIgnoreCase(y);
    return Integer.signum(c);
  }

  private static Value blankLike(Value other) {
    if (other instanceof Text) {
      return new Text("");
    }
    if (other instanceof Bool) {
      return Value.FALSE;
    }
    return Value.ZERO;
  }

  /** Excel's order of value kinds: numbers 0, text 1, booleans 2, errors 3, blanks (and anything else) 4. */
  public static int typeOrder(Value v) {
    if (v instanceof Num) {
      return 0;
    }
    if (v instanceof Text) {
      return 1;
    }
    if (v instanceof Bool) {
      return 2;
    }
    return v instanceof Err ? 3 : 4;
  }

  /** Unary minus, lifted over arrays. */
  public static Value negate(Value v, Budget budget) {
    if (v instanceof Arr a) {
      return map(a, x -> negateScalar(x, budget.dates()), budget);
    }
    return negateScalar(v, budget.dates());
  }

  /**
   * Negation of a value that is neither an array nor text (a number literal the lexer folds a sign into, a scalar
   * of the JEXL tier): the same as the operator's, without the row's budget.
   */
  public static Value negate(Value v) {
    if (v instanceof Arr || v instanceof Text) {
      throw new IllegalArgumentException("arrays and text are negated with the row's budget");
    }
    return negateScalar(v, null);
  }

  private static Value negateScalar(Value v, DateSystem dates) {
    Value n = Coerce.toNumber(v, dates);
    return n instanceof Num x ? Coerce.number(-x.v()) : n;
  }

  /** Postfix percent: the value divided by 100, lifted over arrays. */
  public static Value percent(Value v, Budget budget) {
    if (v instanceof Arr a) {
      return map(a, x -> percent(x, budget), budget);
    }
    Value n = Coerce.toNumber(v, budget.dates());
    return n instanceof Num x ? Coerce.number(x.v() / 100) : n;
  }

  private static Value map(Arr a, java.util.function.UnaryOperator<Value> f, Budget budget) {
    Value[] out = new Value[a.size()];
    for (int i = 0; i < out.length; i++) {
      if (budget != null && (i & (Budget.CHECK_EVERY - 1)) == 0) {
        budget.check();
      }
      out[i] = f.apply(a.cells()[i]);
    }
    return new Arr(a.rows(), a.cols(), out);
  }
}

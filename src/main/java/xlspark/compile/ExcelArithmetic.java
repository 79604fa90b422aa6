package xlspark.compile;

import org.apache.commons.jexl3.JexlArithmetic;
import xlspark.value.Ops;
import xlspark.value.Ops.Op;
import xlspark.value.Value;

/**
 * JEXL arithmetic with Excel's operators: every operator the translator emits lands here and works on
 * {@link Value}s. JEXL's own meanings never apply: {@code ^} is power (not xor), {@code &} is
 * concatenation (not bitwise and), and an operand that is not an Excel value is refused, so raw JEXL
 * numbers, strings or objects cannot be computed with even if text ever reached the sandbox unchecked.
 */
public final class ExcelArithmetic extends JexlArithmetic {

  public ExcelArithmetic() {
    super(true);
  }

  private static Value v(Object o) {
    if (o instanceof Value.Ref r) {
      return JexlSandbox.running().read(r, true);
    }
    if (o instanceof Value val) {
      return val;
    }
    throw new IllegalArgumentException("not an Excel value: " + (o == null ? "null" : o.getClass().getSimpleName()));
  }

  /**
   * An operator on two operands; only arrays (their size and time are bounded by it) and text (a date in it counts
   * in the run's date system) need the row's budget.
   */
  private static Value op(Op op, Object l, Object r) {
    Value a = v(l);
    Value b = v(r);
    boolean row = a instanceof Value.Arr || b instanceof Value.Arr || a instanceof Value.Text
        || b instanceof Value.Text;
    return Ops.apply(op, a, b, row ? JexlSandbox.running().budget() : null);
  }

  @Override
  public Object add(Object l, Object r) {
    return op(Op.ADD, l, r);
  }

  @Override
  public Object subtract(Object l, Object r) {
    return op(Op.SUB, l, r);
  }

  @Override
  public Object multiply(Object l, Object r) {
    return op(Op.MUL, l, r);
  }

  @Override
  public Object divide(Object l, Object r) {
    return op(Op.DIV, l, r);
  }

  /** JEXL's {@code ^}: Excel's power. */
  @Override
  public Object xor(Object l, Object r) {
    return op(Op.POW, l, r);
  }

  /** JEXL's {@code &}: Excel's concatenation. */
  @Override
  public Object and(Object l, Object r) {
    return op(Op.CONCAT, l, r);
  }

  @Override
  public Object negate(Object o) {
    Value x = v(o);
    return x instanceof Value.Arr || x instanceof Value.Text ? Ops.negate(x, JexlSandbox.running().budget())
        : Ops.negate(x);
  }

  /** Excel's unary plus changes nothing, not even the type. */
  @Override
  public Object positivize(Object o) {
    return v(o);
  }

  /** JEXL's {@code !} wraps {@code ==} to express {@code <>}: it negates an Excel boolean, errors pass. */
  @Override
  public Object not(Object o) {
    return logicalNot(v(o));
  }

  /** {@code <>} from the result of {@code =}: negates an Excel boolean, over arrays, errors pass. */
  static Value logicalNot(Value x) {
    if (x instanceof Value.Bool b) {
      return Value.bool(!b.b());
    }
    if (x instanceof Value.Arr a) {
      Value[] out = new Value[a.size()];
      for (int i = 0; i < out.length; i++) {
        out[i] = logicalNot(a.cells()[i]);
      }
      return new Value.Arr(a.rows(), a.cols(), out);
    }
    return x;
  }

  // Comparison overloads: JEXL finds these by name and argument type and returns their result as is,
  // so a comparison with an error operand yields the error, as in Excel.

  public Object equals(Value l, Value r) {
    return op(Op.EQ, l, r);
  }

  public Object lessThan(Value l, Value r) {
    return op(Op.LT, l, r);
  }

  public Object lessThanOrEqual(Value l, Value r) {
    return op(Op.LE, l, r);
  }

  public Object greaterThan(Value l, Value r) {
    return op(Op.GT, l, r);
  }

  public Object greaterThanOrEqual(Value l, Value r) {
    return op(Op.GE, l, r);
  }

  /**
   * JEXL's truthiness, used only by the conditionals of lazy calls ({@link LazyCalls}): an Excel boolean decides;
   * anything else (an array or error decision) hands the row to the interpreter. No other JEXL truthiness exists.
   */
  @Override
  public boolean toBoolean(Object o) {
    if (o instanceof Value.Bool b) {
      return b.b();
    }
    throw new LazyFallback();
  }

  @Override
  protected boolean toBoolean(boolean strict, Object o) {
    return toBoolean(o);
  }

  @Override
  public boolean testPredicate(Object o) {
    return toBoolean(o);
  }

  // JEXL operators that have no Excel meaning: the translator never emits them, and they are refused here
  // too, so that text reaching JEXL by any other path cannot use them.

  private static UnsupportedOperationException refused(String op) {
    return new UnsupportedOperationException("operator " + op + " is not an Excel operator");
  }

  @Override
  public Object mod(Object l, Object r) {
    throw refused("%");
  }

  @Override
  public Object or(Object l, Object r) {
    throw refused("|");
  }

  @Override
  public Object complement(Object o) {
    throw refused("~");
  }

  @Override
  public Object increment(Object o) {
    throw refused("++");
  }

  @Override
  public Object decrement(Object o) {
    throw refused("--");
  }

  @Override
  public Boolean contains(Object l, Object r) {
    throw refused("=~");
  }

  @Override
  public Boolean startsWith(Object l, Object r) {
    throw refused("=^");
  }

  @Override
  public Boolean endsWith(Object l, Object r) {
    throw refused("=$");
  }

  @Override
  public Boolean empty(Object o) {
    throw refused("empty");
  }

  @Override
  public Boolean isEmpty(Object o) {
    throw refused("empty");
  }

  @Override
  public Integer size(Object o) {
    throw refused("size");
  }
}

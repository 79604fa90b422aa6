package xlspark.functions;

import xlspark.value.Coerce;
import xlspark.value.ExcelError;
import xlspark.value.TextNumbers;
import xlspark.value.Value;
import xlspark.value.Value.Arr;
import xlspark.value.Value.Blank;
import xlspark.value.Value.Bool;
import xlspark.value.Value.Err;
import xlspark.value.Value.Num;
import xlspark.value.Value.Text;

/**
 * The arguments of one call, already coerced to their declared {@link ArgKind}: a NUMBER argument is a
 * {@code Num}, a TEXT argument a {@code Text}, a BOOLEAN argument a {@code Bool}. Bodies read them with
 * {@link #num}, {@link #text}, {@link #bool}; arguments not given are absent ({@link #has} is false).
 */
public final class Args {
  private final Value[] values;
  /** How many arguments the call wrote; the values after them are the spec's defaults. */
  private final int written;
  private final EvalContext ctx;
  /** Which arguments were written empty before coercion replaced them; null when none was. */
  private final boolean[] empty;

  public Args(Value[] values, EvalContext ctx) {
    this(values, values.length, ctx, null);
  }

  /**
   * {@code written} arguments were in the call (the rest are defaults); {@code empty[i]} marks an argument written
   * empty ({@code F(1,)}) whose value was coerced since.
   */
  public Args(Value[] values, int written, EvalContext ctx, boolean[] empty) {
    this.values = values;
    this.written = written;
    this.ctx = ctx;
    this.empty = empty;
  }

  public int size() {
    return values.length;
  }

  /** True when argument i was written in the call (possibly empty, as in {@code F(1,)}); a default is not. */
  public boolean has(int i) {
    return i < written;
  }

  /** True when argument i was written and is not an empty argument. */
  public boolean given(int i) {
    return i < values.length && values[i] != Value.MISSING && (empty == null || !empty[i]);
  }

  public Value get(int i) {
    return values[i];
  }

  public double num(int i) {
    return ((Num) values[i]).v();
  }

  /** A number argument rounded down to an integer (Excel's INT), saturating at the int range: modes, types. */
  public int integer(int i) {
    return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, Math.floor(num(i))));
  }

  public String text(int i) {
    return ((Text) values[i]).s();
  }

  public boolean bool(int i) {
    return ((Bool) values[i]).b();
  }

  /** A named number argument ({@link Param}: its position is its ordinal). */
  public double number(Param p) {
    return num(p.ordinal());
  }

  /** A named number argument rounded down to an integer, as {@link #integer(int)}. */
  public int integer(Param p) {
    return integer(p.ordinal());
  }

  /** A named logical argument. */
  public boolean bool(Param p) {
    return bool(p.ordinal());
  }

  /** A named text argument. */
  public String text(Param p) {
    return text(p.ordinal());
  }

  /** A named argument as given (ANY, ARRAY and REFERENCE kinds). */
  public Value get(Param p) {
    return values[p.ordinal()];
  }

  /** Argument i as an array; a scalar becomes a 1x1 array. */
  public Arr array(int i) {
    Value v = values[i];
    return v instanceof Arr a ? a : new Arr(1, 1, new Value[] {v == Value.MISSING ? Value.BLANK : v});
  }

  public EvalContext ctx() {
    return ctx;
  }

  /**
   * Collects the numbers of arguments from {@code from} on, as SUM, AVERAGE, MIN and MAX do: numbers given
   * directly count, and so do booleans and numeric text given directly (other direct text is #VALUE!);
   * inside arrays only numbers count. Errors anywhere are returned.
   */
  public NumberList numbers(int from) {
    return collect(from, values.length, false);
  }

  /** As {@link #numbers(int)}, over arguments {@code from} (inclusive) to {@code to} (exclusive) only. */
  public NumberList numbers(int from, int to) {
    return collect(from, Math.min(to, values.length), false);
  }

  /** As {@link #numbers}, but inside arrays text counts as 0 and booleans as 1/0 (AVERAGEA, MAXA...). */
  public NumberList numbersA(int from) {
    return collect(from, values.length, true);
  }

  /** As {@link #numbersA(int)}, over arguments {@code from} (inclusive) to {@code to} (exclusive) only. */
  public NumberList numbersA(int from, int to) {
    return collect(from, Math.min(to, values.length), true);
  }

  private NumberList collect(int from, int to, boolean aStyle) {
    NumberList out = new NumberList();
    for (int i = from; i < to; i++) {
      Value v = values[i];
      if (v instanceof Arr a) {
        for (Value c : a.cells()) {
          if (c instanceof Num n) {
            out.add(n.v());
          } else if (c instanceof Err e) {
            return out.fail(e);
          } else if (aStyle && c instanceof Bool b) {
            out.add(b.b() ? 1 : 0);
          } else if (aStyle && c instanceof Text) {
            out.add(0);
          }
        }
        ctx.checkDeadline();
      } else if (v instanceof Num n) {
        out.add(n.v());
      } else if (v instanceof Bool b) {
        out.add(b.b() ? 1 : 0);
      } else if (v instanceof Text t) {
        double d = TextNumbers.parse(t.s(), ctx.dates());
        if (Double.isNaN(d)) {
          return out.fail(Value.err(ExcelError.VALUE, "text \"" + t.s() + "\" is not a number"));
        }
        out.add(d);
      } else if (v instanceof Err e) {
        return out.fail(e);
      } else if (v instanceof Blank && v == Value.MISSING) {
        out.add(0);
      }
    }
    return out;
  }

}

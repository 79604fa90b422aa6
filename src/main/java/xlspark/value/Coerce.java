package xlspark.value;

import xlspark.value.Value.Arr;
import xlspark.value.Value.Blank;
import xlspark.value.Value.Bool;
import xlspark.value.Value.Err;
import xlspark.value.Value.Num;
import xlspark.value.Value.Text;

/** Excel's implicit conversions between value kinds, in one place. */
public final class Coerce {
  /** Excel's limit on the length of a text value. */
  public static final int MAX_TEXT = 32_767;

  private Coerce() {
  }

  /** A number result: NaN and infinities become #NUM!. */
  public static Value number(double d) {
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      return Value.err(ExcelError.NUM);
    }
    return new Num(d == 0 ? 0.0 : d);
  }

  /** A text result: over 32,767 characters becomes #VALUE!. */
  public static Value text(String s) {
    if (s.length() > MAX_TEXT) {
      return Value.err(ExcelError.VALUE, "text longer than 32,767 characters");
    }
    return new Text(s);
  }

  /** The single value an array stands for in a scalar context: its top-left cell. */
  public static Value scalar(Value v) {
    return v instanceof Arr a ? a.cells()[0] : v;
  }

  /**
   * To a number as arithmetic does: TRUE is 1, blank is 0, numeric text is parsed (date text as a serial of
   * {@code dates}, the run's date system), other text is #VALUE!.
   */
  public static Value toNumber(Value v, DateSystem dates) {
    if (v instanceof Num) {
      return v;
    }
    if (v instanceof Bool b) {
      return b.b() ? Value.ONE : Value.ZERO;
    }
    if (v instanceof Text t) {
      double d = TextNumbers.parse(t.s(), dates);
      if (Double.isNaN(d)) {
        // "TRUE" is no number either: Excel's cached -"TRUE", "FALSE"-"TRUE" and PMT(...,"TRUE") are #VALUE!
        // (LibreOffice and Gnumeric give "TRUE"+"1" = 2, conformance case coercion-0104)
        return Value.err(ExcelError.VALUE, "text \"" + abbreviate(t.s()) + "\" is not a number");
      }
      return new Num(d);
    }
    if (v instanceof Blank) {
      return Value.ZERO;
    }
    if (v instanceof Arr a) {
      return toNumber(a.cells()[0], dates);
    }
    return v;
  }

  /** To text as {@code &} does: numbers in General format, TRUE/FALSE, blank as "". Errors pass through. */
  public static Value toText(Value v) {
    if (v instanceof Text) {
      return v;
    }
    if (v instanceof Num n) {
      return new Text(NumberText.general(n.v()));
    }
    if (v instanceof Bool b) {
      return new Text(b.b() ? "TRUE" : "FALSE");
    }
    if (v instanceof Blank) {
      return new Text("");
    }
    if (v instanceof Arr a) {
      return toText(a.cells()[0]);
    }
    return v;
  }

  /** To a boolean: non-zero numbers are TRUE, "TRUE"/"FALSE" text, blank is FALSE, other text #VALUE!. */
  public static Value toBool(Value v) {
    if (v instanceof Bool) {
      return v;
    }
    if (v instanceof Num n) {
      return Value.bool(n.v() != 0);
    }
    if (v instanceof Text t) {
      if (t.s().equalsIgnoreCase("TRUE")) {
        return Value.TRUE;
      }
      if (t.s().equalsIgnoreCase("FALSE")) {
        return Value.FALSE;
      }
      return Value.err(ExcelError.VALUE, "text \"" + abbreviate(t.s()) + "\" is not a logical value");
    }
    if (v instanceof Blank) {
      return Value.FALSE;
    }
    if (v instanceof Arr a) {
      return toBool(a.cells()[0]);
    }
    return v;
  }

  /** Converts a Java value from a data column (Number, String, Boolean, null) into a Value. */
  public static Value fromJava(Object o) {
    if (o == null) {
      return Value.BLANK;
    }
    if (o instanceof Value v) {
      return v;
    }
    if (o instanceof Number n) {
      return number(n.doubleValue());
    }
    if (o instanceof Boolean b) {
      return Value.bool(b);
    }
    return text(o.toString());
  }

  /**
   * The one typing of a text cell, as Excel types what is entered into a cell, used by the job for CSV cells and
   * {@code --var} constants and by the golden tests for their inputs: empty is blank; TRUE and FALSE in any case
   * are logical values; a number as {@link TextNumbers#parseCell} reads it ({@code 1,234.5}, {@code 1e3},
   * {@code 0.0%}) is a number; an error literal ({@code #N/A}, {@code #DIV/0!}...) is that error; anything else
   * stays text as written. Surrounding white space does not prevent a number, logical or error.
   */
  public static Value typeCell(String s) {
    if (s == null || s.isEmpty()) {
      return Value.BLANK;
    }
    String t = s.strip();
    if (t.equalsIgnoreCase("TRUE")) {
      return Value.TRUE;
    }
    if (t.equalsIgnoreCase("FALSE")) {
      return Value.FALSE;
    }
    double d = TextNumbers.parseCell(t);
    if (!Double.isNaN(d)) {
      return number(d);
    }
    ExcelError e = ExcelError.fromText(t);
    if (e != null && e != ExcelError.ERROR) {
      return Value.err(e);
    }
    return text(s);
  }

  static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 37) + "...";
  }

  /** Numbers' double or NaN when the value is not a number. */
  public static double asDouble(Value v) {
    return v instanceof Num n ? n.v() : Double.NaN;
  }

  public static boolean isErr(Value v) {
    return v instanceof Err;
  }
}

package xlspark.value;

import java.util.Arrays;

/**
 * An Excel value: number, text, boolean, error, blank, an array of values, or (workbook mode) a reference.
 * Immutable.
 * Data errors are values ({@link Err}), never exceptions.
 */
public sealed interface Value extends java.io.Serializable {

  Blank BLANK = new Blank();
  /** An omitted argument, as in {@code IF(A,,1)}: coerces like a blank. Compared by identity. */
  Blank MISSING = new Blank();
  Bool TRUE = new Bool(true);
  Bool FALSE = new Bool(false);
  Num ZERO = new Num(0);
  Num ONE = new Num(1);

  static Num num(double d) {
    return new Num(d);
  }

  static Text text(String s) {
    return new Text(s);
  }

  static Bool bool(boolean b) {
    return b ? TRUE : FALSE;
  }

  static Err err(ExcelError e) {
    return Err.of(e);
  }

  static Err err(ExcelError e, String message) {
    return new Err(e, message);
  }

  default boolean isError() {
    return this instanceof Err;
  }

  /** A finite IEEE double. Use {@link Coerce#number(double)} to build one from a result that may be NaN. */
  record Num(double v) implements Value {
    @Override
    public String toString() {
      return NumberText.shortest(v);
    }
  }

  /** Text up to 32,767 characters. */
  record Text(String s) implements Value {
    @Override
    public String toString() {
      return '"' + s + '"';
    }
  }

  record Bool(boolean b) implements Value {
    @Override
    public String toString() {
      return b ? "TRUE" : "FALSE";
    }
  }

  /** An error value with an optional message saying why. */
  record Err(ExcelError code, String message) implements Value {
    private static final Err[] PLAIN = Arrays.stream(ExcelError.values()).map(e -> new Err(e, null)).toArray(Err[]::new);

    public static Err of(ExcelError e) {
      return PLAIN[e.ordinal()];
    }

    @Override
    public String toString() {
      return code.text();
    }
  }

  /** An empty cell or an omitted argument ({@link #MISSING}). */
  final class Blank implements Value {
    private Blank() {
    }

    public boolean isMissing() {
      return this == MISSING;
    }

    @Override
    public String toString() {
      return "";
    }
  }

  /**
   * A reference to cells (workbook mode only), as OFFSET and INDIRECT return it and as reference-taking
   * arguments (ROW, COLUMN, OFFSET) receive it. Data, not a handle: every other consumer (operators, other
   * functions, the cell's result) reads the cells first, through the evaluation context's workbook.
   */
  record Ref(Area area) implements Value {
    @Override
    public String toString() {
      return area.toString();
    }
  }

  /** A rectangular array of values, row-major; never empty. */
  record Arr(int rows, int cols, Value[] cells) implements Value {
    public Arr {
      if (rows < 1 || cols < 1 || cells.length != rows * cols) {
        throw new IllegalArgumentException("bad array shape " + rows + "x" + cols);
      }
    }

    public Value get(int r, int c) {
      return cells[r * cols + c];
    }

    public int size() {
      return cells.length;
    }

    /** Excel's broadcast read: a single row or column repeats; outside the array is #N/A. */
    public Value broadcastGet(int r, int c) {
      int rr = rows == 1 ? 0 : r;
      int cc = cols == 1 ? 0 : c;
      if (rr >= rows || cc >= cols) {
        return Value.err(ExcelError.NA);
      }
      return cells[rr * cols + cc];
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Arr a && a.rows == rows && a.cols == cols && Arrays.equals(a.cells, cells);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(cells) * 31 + rows;
    }

    @Override
    public String toString() {
      StringBuilder sb = new StringBuilder("{");
      for (int r = 0; r < rows; r++) {
        if (r > 0) {
          sb.append(';');
        }
        for (int c = 0; c < cols; c++) {
          if (c > 0) {
            sb.append(',');
          }
          sb.append(get(r, c));
        }
      }
      return sb.append('}').toString();
    }
  }
}

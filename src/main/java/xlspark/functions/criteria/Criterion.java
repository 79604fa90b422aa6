package xlspark.functions.criteria;

import xlspark.value.Budget;
import xlspark.value.DateSystem;
import xlspark.value.ExcelError;
import xlspark.value.Ops;
import xlspark.value.TextNumbers;
import xlspark.value.Value;
import xlspark.value.Value.Blank;
import xlspark.value.Value.Bool;
import xlspark.value.Value.Err;
import xlspark.value.Value.Num;
import xlspark.value.Value.Text;

/**
 * One criterion of COUNTIF/SUMIFS/... (and the database functions): a value, or text with an optional
 * comparison prefix ({@code =}, {@code <>}, {@code <}, {@code <=}, {@code >}, {@code >=}) before an operand.
 * <ul>
 *   <li>An operand that reads as a number ("5", "1e3", "50%", "$5", a date) matches numbers, and for
 *   {@code =}/{@code <>} also text cells that read as that number ("2" matches 2 and "2").</li>
 *   <li>TRUE/FALSE match logical values; "#N/A" and other error texts match those errors.</li>
 *   <li>Other text matches text cells, ignoring case; with {@code =}/{@code <>} it may use the wildcards
 *   {@code * ? ~}; with {@code <}/{@code >} it compares text with text.</li>
 *   <li>{@code ""} matches blank cells and empty text, {@code "="} blank cells only, {@code "<>"} every
 *   non-blank cell. A blank criterion (an empty cell) means 0.</li>
 *   <li>{@code <>x} matches exactly the cells {@code =x} does not, blanks included.</li>
 * </ul>
 */
public final class Criterion {
  private enum Op { EQ, NE, LT, LE, GT, GE }

  private enum Kind { NUMBER, TEXT, PATTERN, BOOLEAN, ERROR, EMPTY, BLANK_ONLY }

  private final Op op;
  private final Kind kind;
  private final double number;
  private final String text;
  private final Wildcard pattern;
  private final boolean bool;
  private final ExcelError error;
  /** The run's date system: date text in a criterion or a cell compares as its serial there. */
  private final DateSystem dates;

  private Criterion(Op op, Kind kind, double number, String text, boolean bool, ExcelError error, Budget budget) {
    this.op = op;
    this.kind = kind;
    this.number = number;
    this.text = text;
    this.pattern = kind == Kind.PATTERN ? Wildcard.compile(text, budget) : null;
    this.bool = bool;
    this.error = error;
    this.dates = budget.dates();
  }

  /**
   * The criterion a value stands for (a single value; arrays are lifted by the caller); a pattern's matching
   * accounts for its work to {@code budget}, the row's.
   */
  public static Criterion of(Value v, Budget budget) {
    if (v instanceof Num n) {
      return new Criterion(Op.EQ, Kind.NUMBER, n.v(), null, false, null, budget);
    }
    if (v instanceof Bool b) {
      return new Criterion(Op.EQ, Kind.BOOLEAN, 0, null, b.b(), null, budget);
    }
    if (v instanceof Err e) {
      return new Criterion(Op.EQ, Kind.ERROR, 0, null, false, e.code(), budget);
    }
    if (v instanceof Text t) {
      return parse(t.s(), budget);
    }
    return new Criterion(Op.EQ, Kind.NUMBER, 0, null, false, null, budget);
  }

  private static Criterion parse(String s, Budget budget) {
    Op op = Op.EQ;
    int skip = 0;
    boolean explicitEq = false;
    if (s.startsWith("<=")) {
      op = Op.LE;
      skip = 2;
    } else if (s.startsWith(">=")) {
      op = Op.GE;
      skip = 2;
    } else if (s.startsWith("<>")) {
      op = Op.NE;
      skip = 2;
    } else if (s.startsWith("<")) {
      op = Op.LT;
      skip = 1;
    } else if (s.startsWith(">")) {
      op = Op.GT;
      skip = 1;
    } else if (s.startsWith("=")) {
      skip = 1;
      explicitEq = true;
    }
    String operand = s.substring(skip);
    if (operand.isEmpty() && (op == Op.EQ || op == Op.NE)) {
      Kind k = explicitEq || op == Op.NE ? Kind.BLANK_ONLY : Kind.EMPTY;
      return new Criterion(op, k, 0, "", false, null, budget);
    }
    double d = TextNumbers.parse(operand, budget.dates());
    if (!Double.isNaN(d)) {
      return new Criterion(op, Kind.NUMBER, d, operand, false, null, budget);
    }
    if (operand.equalsIgnoreCase("TRUE") || operand.equalsIgnoreCase("FALSE")) {
      return new Criterion(op, Kind.BOOLEAN, 0, operand, operand.equalsIgnoreCase("TRUE"), null, budget);
    }
    ExcelError e = ExcelError.fromText(operand);
    if (e != null && e != ExcelError.ERROR) {
      return new Criterion(op, Kind.ERROR, 0, operand, false, e, budget);
    }
    boolean wild = (op == Op.EQ || op == Op.NE) && Wildcard.isPattern(operand);
    return new Criterion(op, wild ? Kind.PATTERN : Kind.TEXT, 0, operand, false, null, budget);
  }

  /** True when the cell meets the criterion. */
  public boolean matches(Value cell) {
    if (op == Op.NE) {
      return !equalTo(cell);
    }
    if (op == Op.EQ) {
      return equalTo(cell);
    }
    int c;
    if (kind == Kind.NUMBER && cell instanceof Num n) {
      c = Double.compare(n.v(), number);
    } else if (kind == Kind.TEXT && cell instanceof Text t) {
      c = Ops.compareText(t.s(), text);
    } else if (kind == Kind.BOOLEAN && cell instanceof Bool b) {
      c = Boolean.compare(b.b(), bool);
    } else {
      return false;
    }
    return switch (op) {
      case LT -> c < 0;
      case LE -> c <= 0;
      case GT -> c > 0;
      case GE -> c >= 0;
      case EQ, NE -> throw new IllegalStateException("handled above");
    };
  }

  private boolean equalTo(Value cell) {
    return switch (kind) {
      case NUMBER -> cell instanceof Num n ? Ops.compareNumbers(n.v(), number) == 0
          : cell instanceof Text t && textEqualsNumber(t.s());
      case TEXT -> cell instanceof Text t && t.s().equalsIgnoreCase(text);
      case PATTERN -> cell instanceof Text t && pattern.matches(t.s());
      case BOOLEAN -> cell instanceof Bool b && b.b() == bool;
      case ERROR -> cell instanceof Err e && e.code() == error;
      case EMPTY -> cell instanceof Blank || cell instanceof Text t && t.s().isEmpty();
      case BLANK_ONLY -> cell instanceof Blank;
    };
  }

  private boolean textEqualsNumber(String s) {
    if (s.isEmpty()) {
      return false;
    }
    double d = TextNumbers.parse(s, dates);
    return !Double.isNaN(d) && Ops.compareNumbers(d, number) == 0;
  }
}

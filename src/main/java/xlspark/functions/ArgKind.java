package xlspark.functions;

import xlspark.value.Coerce;
import xlspark.value.DateSystem;
import xlspark.value.ExcelError;
import xlspark.value.Value;

/**
 * How the registry prepares an argument before the function body sees it ({@link #coerce}: the one coercion gate).
 * The scalar kinds (NUMBER, TEXT, BOOLEAN, ANY) are lifted over arrays: {@code ROUND({1.5,2.5},0)} calls ROUND per
 * cell.
 */
public enum ArgKind {
  /** Coerced to a number (TRUE is 1, numeric text parsed, blank 0); other text is #VALUE!. */
  NUMBER(true),
  /**
   * Coerced like NUMBER, except that a logical value is #VALUE!: the functions that came from the Analysis ToolPak
   * (EDATE, EOMONTH, YEARFRAC, WEEKNUM, FACTDOUBLE...) refuse TRUE and FALSE, as Excel's cached results show. The
   * engineering numbers are of this kind too (DELTA, GESTEP, ERF, BESSELJ, COMPLEX, CONVERT, DEC2BIN's number and
   * places); numeric text is read.
   */
  NUMBER_NOT_LOGICAL(true),
  /** Coerced to text (numbers in General format). */
  TEXT(true),
  /** Coerced to a boolean. */
  BOOLEAN(true),
  /** Any single value, uncoerced (blank and {@code Value.MISSING} included). */
  ANY(true),
  /** Passed as is, array or scalar, not lifted: lookups, aggregates, array functions. */
  ARRAY(false),
  /**
   * A reference as such (workbook mode): a {@code Value.Ref} when a reference is written there (ROW, COLUMN,
   * OFFSET), otherwise the value given. Not lifted. Every other kind receives a reference's cell values.
   */
  REFERENCE(false);

  private final boolean scalar;

  ArgKind(boolean scalar) {
    this.scalar = scalar;
  }

  public boolean isScalar() {
    return scalar;
  }

  /**
   * The value a body sees for an argument of this kind: coerced (date text to a serial of {@code dates}, the run's
   * date system), or an error value when it cannot be. Bodies that
   * must check something before an argument's coercion error (DEC2BIN checks places first) take it as ANY and call
   * this themselves.
   */
  public Value coerce(Value v, DateSystem dates) {
    return switch (this) {
      case NUMBER -> Coerce.toNumber(v, dates);
      case NUMBER_NOT_LOGICAL -> v instanceof Value.Bool
          ? Value.err(ExcelError.VALUE, "logical values are not accepted") : Coerce.toNumber(v, dates);
      case TEXT -> Coerce.toText(v);
      case BOOLEAN -> Coerce.toBool(v);
      case ANY, ARRAY, REFERENCE -> v;
    };
  }
}

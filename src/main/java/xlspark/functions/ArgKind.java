package xlspark.functions;

/**
 * How the registry prepares an argument before the function body sees it. The scalar kinds
 * (NUMBER, TEXT, BOOLEAN, ANY) are lifted over arrays: {@code ROUND({1.5,2.5},0)} calls ROUND per cell.
 */
public enum ArgKind {
  /** Coerced to a number (TRUE is 1, numeric text parsed, blank 0); other text is #VALUE!. */
  NUMBER(true),
  /**
   * Coerced like NUMBER, except that a logical value is #VALUE!: the functions that came from the Analysis ToolPak
   * (EDATE, EOMONTH, YEARFRAC, WEEKNUM, FACTDOUBLE...) refuse TRUE and FALSE, as Excel's cached results show.
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
}

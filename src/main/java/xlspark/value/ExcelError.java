package xlspark.value;

/** Excel's error values, plus {@link #ERROR} for failures that are not Excel values. */
public enum ExcelError {
  /** Intersection of two ranges that do not intersect. */
  NULL("#NULL!"),
  /** Division by zero, or an average of nothing. */
  DIV0("#DIV/0!"),
  /** An argument or operand of the wrong type, e.g. {@code "abc"+1}. */
  VALUE("#VALUE!"),
  /** A reference that is not valid. */
  REF("#REF!"),
  /** An unknown function or name, or a function known to Excel that is not implemented. */
  NAME("#NAME?"),
  /** A number out of range, or an iteration that did not converge. */
  NUM("#NUM!"),
  /** A value that is not available, e.g. a failed lookup. */
  NA("#N/A"),
  /** A spreadsheet engine's own failure: syntax error, limit hit, time-out (not an Excel code). */
  ERROR("#ERROR!"),
  /** A calculation with no result, e.g. FILTER that keeps nothing or an empty array (Excel 365). */
  CALC("#CALC!");

  private final String text;

  ExcelError(String text) {
    this.text = text;
  }

  /** The error as Excel writes it. */
  public String text() {
    return text;
  }

  /** Excel's ERROR.TYPE number (1..7, 14 for #CALC!); 8 for the engine marker. */
  public int typeNumber() {
    return this == CALC ? 14 : ordinal() + 1;
  }

  /** Looks up an error by its text, case-insensitively; null when it is not one. */
  public static ExcelError fromText(String s) {
    for (ExcelError e : values()) {
      if (e.text.equalsIgnoreCase(s)) {
        return e;
      }
    }
    return null;
  }
}

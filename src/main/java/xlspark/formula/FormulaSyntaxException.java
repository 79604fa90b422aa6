package xlspark.formula;

/**
 * A formula that cannot be parsed or breaks one of Excel's limits. The message has fixed phrasing
 * ("Expected ')' after arguments") and {@link #getMessage()} adds the 1-based column.
 */
public final class FormulaSyntaxException extends Exception {
  private final transient SourceSpan span;
  private final String reason;

  public FormulaSyntaxException(String reason, SourceSpan span) {
    super(reason + " at column " + span.column(), null, false, false);
    this.reason = reason;
    this.span = span;
  }

  public SourceSpan span() {
    return span;
  }

  /** The message without the position. */
  public String reason() {
    return reason;
  }
}

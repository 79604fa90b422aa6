package xlspark.formula;

/**
 * One token. {@code text} is the upper-cased name for IDENT, the unescaped text for STRING, the error text
 * for ERROR, the upper-cased reference (sheet prefix as written) for REF, the text as written for STRUCT;
 * {@code number} the value of a NUMBER; {@code literal} the hoisted-literal slot of NUMBER and STRING tokens
 * and the hoisted-reference slot of REF tokens (-1 otherwise).
 */
public record Token(TokenKind kind, int start, int end, String text, double number, int literal) {
  public SourceSpan span() {
    return new SourceSpan(start, end);
  }
}

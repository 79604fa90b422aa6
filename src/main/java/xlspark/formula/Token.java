package xlspark.formula;

/**
 * One token. {@code text} is the upper-cased name for IDENT, the unescaped text for STRING, the error text
 * for ERROR; {@code number} the value of a NUMBER; {@code literal} the hoisted-literal slot of NUMBER and
 * STRING tokens (-1 otherwise).
 */
public record Token(TokenKind kind, int start, int end, String text, double number, int literal) {
  public SourceSpan span() {
    return new SourceSpan(start, end);
  }
}

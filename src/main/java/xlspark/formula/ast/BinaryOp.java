package xlspark.formula.ast;

/** Excel's binary operators, with their symbols. */
public enum BinaryOp {
  ADD("+"), SUB("-"), MUL("*"), DIV("/"), POW("^"), CONCAT("&"),
  EQ("="), NE("<>"), LT("<"), GT(">"), LE("<="), GE(">="),
  /** The range operator ':' between references that are not one written area ({@code A1:INDEX(B:B,3)}). */
  RANGE(":"),
  /** The intersection operator, a space between references ({@code B:B 3:3}). */
  INTERSECT(" "),
  /** The union operator, a comma between references inside parentheses ({@code SUM((A1:A3,C1))}). */
  UNION(",");

  private final String symbol;

  BinaryOp(String symbol) {
    this.symbol = symbol;
  }

  public String symbol() {
    return symbol;
  }

  /** The operators on references (workbook mode only): range, intersection, union. */
  public boolean isReference() {
    return this == RANGE || this == INTERSECT || this == UNION;
  }
}

package xlspark.formula.ast;

/** Excel's binary operators, with their symbols. */
public enum BinaryOp {
  ADD("+"), SUB("-"), MUL("*"), DIV("/"), POW("^"), CONCAT("&"),
  EQ("="), NE("<>"), LT("<"), GT(">"), LE("<="), GE(">="),
  /** The range operator ':' (references, workbook mode). */
  RANGE(":");

  private final String symbol;

  BinaryOp(String symbol) {
    this.symbol = symbol;
  }

  public String symbol() {
    return symbol;
  }
}

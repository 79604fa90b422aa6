package xlspark.formula;

/**
 * Moves a formula the way copying it does: relative references shift by (rows, cols), {@code $}-anchored
 * parts stay; a reference pushed off the sheet becomes {@code #REF!}. Used to expand the shared formulas of
 * .xlsx files, where only the first cell of a block stores the text.
 */
public final class FormulaShifter {
  private FormulaShifter() {
  }

  /** The moved formula text (without '='), or the input when nothing moves. */
  public static String shift(String formula, int rows, int cols) throws FormulaSyntaxException {
    if (rows == 0 && cols == 0) {
      return formula;
    }
    Lexed lexed = Lexer.lexWorkbook(formula);
    StringBuilder out = new StringBuilder(formula.length() + 8);
    int copied = 0;
    for (Token t : lexed.tokens()) {
      if (t.kind() != TokenKind.REF) {
        continue;
      }
      String[] prefix = RefSyntax.sheetPrefix(formula, t.start());
      int at = prefix == null ? t.start() : Integer.parseInt(prefix[2]);
      RefSyntax r = RefSyntax.match(formula, at, t.start(), prefix == null ? null : prefix[0],
          prefix == null ? null : prefix[1]);
      if (r == null) {
        continue;
      }
      String moved = r.shifted(rows, cols);
      out.append(formula, copied, t.start()).append(moved == null ? "#REF!" : moved);
      copied = t.end();
    }
    return out.append(formula, copied, formula.length()).toString();
  }
}

package xlspark.formula;

import java.util.List;
import xlspark.value.Area;
import xlspark.value.Value;

/**
 * A lexed formula: its tokens, its shape key (the token stream with number and text literals taken out and
 * names upper-cased) and the literal values in order. Formulas with the same shape share one compiled template.
 * {@code refs} are the references in order of appearance (hoisted in workbook mode).
 */
public record Lexed(String text, List<Token> tokens, String shapeKey, Value[] literals, Area[] refs) {
  private static final Area[] NO_REFS = new Area[0];

  public Lexed(String text, List<Token> tokens, String shapeKey, Value[] literals) {
    this(text, tokens, shapeKey, literals, NO_REFS);
  }

  /** True for a formula lexed in workbook mode. */
  public boolean workbook() {
    return shapeKey.startsWith("W");
  }
}

package xlspark.formula;

import java.util.List;
import xlspark.value.Value;

/**
 * A lexed formula: its tokens, its shape key (the token stream with number and text literals taken out and
 * names upper-cased) and the literal values in order. Formulas with the same shape share one compiled template.
 */
public record Lexed(String text, List<Token> tokens, String shapeKey, Value[] literals) {
}

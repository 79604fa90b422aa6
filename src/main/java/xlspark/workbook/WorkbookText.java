package xlspark.workbook;

import xlspark.formula.FormulaSyntaxException;
import xlspark.formula.Lexed;
import xlspark.formula.Lexer;
import xlspark.formula.Token;
import xlspark.formula.TokenKind;
import xlspark.value.Area;

/** Reading reference text found in workbook files and in INDIRECT: {@code A1:C10}, {@code Sheet1!$B$2}. */
final class WorkbookText {
  private WorkbookText() {
  }

  /** The single reference a text spells (a leading '=' allowed), or null when it is anything else. */
  static Area area(String text) {
    try {
      Lexed l = Lexer.lexWorkbook(text);
      if (l.tokens().size() == 2 && l.tokens().get(0).kind() == TokenKind.REF) {
        return l.refs()[0];
      }
    } catch (FormulaSyntaxException | IllegalArgumentException e) {
      return null;
    }
    return null;
  }

  /** True when a text is one name, possibly sheet-qualified (an IDENT token). */
  static String name(String text) {
    try {
      Lexed l = Lexer.lexWorkbook(text);
      Token t = l.tokens().get(0);
      if (l.tokens().size() == 2 && t.kind() == TokenKind.IDENT) {
        return t.text();
      }
    } catch (FormulaSyntaxException e) {
      return null;
    }
    return null;
  }

  /**
   * An R1C1 reference ({@code R2C3}, {@code R[1]C[-1]}, {@code R2C3:R4C5}) relative to a cell, or null. Sheet
   * prefixes are kept as given.
   */
  static Area r1c1(String text, int row, int col) {
    String t = text.trim();
    String sheet = null;
    int bang = t.lastIndexOf('!');
    if (bang > 0) {
      sheet = t.substring(0, bang);
      if (sheet.startsWith("'") && sheet.endsWith("'") && sheet.length() >= 2) {
        sheet = sheet.substring(1, sheet.length() - 1).replace("''", "'");
      }
      t = t.substring(bang + 1);
    }
    String[] parts = t.toUpperCase(java.util.Locale.ROOT).split(":", -1);
    if (parts.length > 2) {
      return null;
    }
    int[] a = r1c1Cell(parts[0], row, col);
    int[] b = parts.length == 2 ? r1c1Cell(parts[1], row, col) : a;
    if (a == null || b == null) {
      return null;
    }
    try {
      return new Area(sheet, a[0], a[1], b[0], b[1]);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static int[] r1c1Cell(String s, int row, int col) {
    java.util.regex.Matcher m = java.util.regex.Pattern
        .compile("R(\\[(-?\\d+)]|(\\d+))?C(\\[(-?\\d+)]|(\\d+))?").matcher(s);
    if (!m.matches()) {
      return null;
    }
    int r = m.group(2) != null ? row + Integer.parseInt(m.group(2))
        : m.group(3) != null ? Integer.parseInt(m.group(3)) - 1 : row;
    int c = m.group(5) != null ? col + Integer.parseInt(m.group(5))
        : m.group(6) != null ? Integer.parseInt(m.group(6)) - 1 : col;
    return new int[] {r, c};
  }
}

package xlspark.formula;

import xlspark.value.Area;

/**
 * The A1 reference syntax at one position of a formula: an optional sheet prefix ({@code Sheet2!},
 * {@code 'My Sheet'!}), then a cell ({@code $A$1}), a cell area ({@code A1:B10}), whole columns
 * ({@code A:C}) or whole rows ({@code 1:3}), each bound with or without {@code $}. The {@code $} anchors
 * matter only when a formula is copied (shared formulas); evaluation uses the coordinates.
 *
 * @param start      where the reference starts (its sheet prefix, if any)
 * @param end        just after it
 * @param sheet      the sheet name, unquoted, or null
 * @param sheetText  the sheet prefix as written, without '!', or null
 * @param area       the coordinates (with {@code sheet})
 * @param kind       what was written
 * @param absolute   the {@code $} of first row, first column, last row, last column
 */
public record RefSyntax(int start, int end, String sheet, String sheetText, Area area, Kind kind, boolean[] absolute) {

  /**
   * The sheet of a reference whose sheet was deleted ({@code #REF!A1}): a name no sheet can have (':' is not
   * allowed in sheet names), so it never finds one and reads as #REF!.
   */
  public static final String DELETED_SHEET = "#REF!:deleted";

  /** What a reference spells. */
  public enum Kind { CELL, AREA, COLUMNS, ROWS }

  /** The prefix of a sheet-qualified reference or name at {@code pos}: [sheet, sheetText, end after '!'], or null. */
  static String[] sheetPrefix(String src, int pos) throws FormulaSyntaxException {
    if (pos >= src.length()) {
      return null;
    }
    if (src.charAt(pos) == '\'') {
      StringBuilder name = new StringBuilder();
      int p = pos + 1;
      while (true) {
        if (p >= src.length()) {
          throw new FormulaSyntaxException("Expected ' to close the sheet name", new SourceSpan(pos, src.length()));
        }
        char c = src.charAt(p);
        if (c == '\'') {
          if (p + 1 < src.length() && src.charAt(p + 1) == '\'') {
            name.append('\'');
            p += 2;
            continue;
          }
          break;
        }
        name.append(c);
        p++;
      }
      if (p + 1 >= src.length() || src.charAt(p + 1) != '!') {
        throw new FormulaSyntaxException("Expected '!' after the quoted sheet name", new SourceSpan(pos, p + 1));
      }
      return new String[] {name.toString(), src.substring(pos, p + 1), String.valueOf(p + 2)};
    }
    int p = pos;
    if (src.charAt(pos) == '[') {
      // another workbook: [1]Sheet1! (.xlsx, the external link's number), [book.xls]Sheet1! (as POI writes .xls
      // formulas), or [1]! before a name of that workbook
      int close = src.indexOf(']', pos);
      if (close < 0 || src.lastIndexOf('[', close) != pos || close == pos + 1) {
        return null;
      }
      p = close + 1;
    }
    while (p < src.length() && isSheetChar(src.charAt(p))) {
      p++;
    }
    if (p > pos && p + 1 < src.length() && src.charAt(p) == ':' && src.charAt(pos) != '['
        && match(src, pos, pos, null, null) == null) {
      // a 3-D reference's sheets, Sheet1:Sheet3! (not A1:Sheet2!B2, a range between a cell and another sheet's)
      int q = p + 1;
      while (q < src.length() && isSheetChar(src.charAt(q))) {
        q++;
      }
      if (q > p + 1 && q < src.length() && src.charAt(q) == '!') {
        String name = src.substring(pos, q);
        return new String[] {name, name, String.valueOf(q + 1)};
      }
    }
    if (p > pos && p < src.length() && src.charAt(p) == '!') {
      String name = src.substring(pos, p);
      return new String[] {name, name, String.valueOf(p + 1)};
    }
    return null;
  }

  /** The end of a structured reference whose first '[' is at {@code bracket} (nested brackets, ' escapes). */
  static int structuredEnd(String src, int start, int bracket) throws FormulaSyntaxException {
    int depth = 0;
    for (int p = bracket; p < src.length(); p++) {
      char ch = src.charAt(p);
      if (ch == '\'') {
        p++;
      } else if (ch == '[') {
        depth++;
      } else if (ch == ']' && --depth == 0) {
        return p + 1;
      }
    }
    throw new FormulaSyntaxException("Expected ']' to close the structured reference", new SourceSpan(start, src.length()));
  }

  private static boolean isSheetChar(char c) {
    return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '.'
        || c > 127 && Character.isLetterOrDigit(c);
  }

  /**
   * The reference (without sheet prefix) at {@code pos}, or null when the text there is not one: a name such
   * as {@code A1B} or {@code LOG10(} is not a reference.
   */
  static RefSyntax match(String src, int pos, int start, String sheet, String sheetText) {
    long[] a = new long[3];
    int e = cell(src, pos, a);
    if (e > 0) {
      int r1 = (int) a[0];
      int c1 = (int) a[1];
      boolean ar1 = (a[2] & 1) != 0;
      boolean ac1 = (a[2] & 2) != 0;
      if (e < src.length() && src.charAt(e) == ':') {
        int e2 = cell(src, e + 1, a);
        if (e2 > 0 && ends(src, e2)) {
          return new RefSyntax(start, e2, sheet, sheetText, new Area(sheet, r1, c1, (int) a[0], (int) a[1]),
              Kind.AREA, new boolean[] {ar1, ac1, (a[2] & 1) != 0, (a[2] & 2) != 0});
        }
      }
      if (ends(src, e)) {
        return new RefSyntax(start, e, sheet, sheetText, Area.cell(sheet, r1, c1), Kind.CELL,
            new boolean[] {ar1, ac1, ar1, ac1});
      }
      return null;
    }
    e = column(src, pos, a);
    if (e > 0 && e < src.length() && src.charAt(e) == ':') {
      int c1 = (int) a[1];
      boolean ac1 = a[2] != 0;
      int e2 = column(src, e + 1, a);
      if (e2 > 0 && ends(src, e2)) {
        return new RefSyntax(start, e2, sheet, sheetText, new Area(sheet, 0, c1, Area.MAX_ROWS - 1, (int) a[1]),
            Kind.COLUMNS, new boolean[] {false, ac1, false, a[2] != 0});
      }
    }
    e = row(src, pos, a);
    if (e > 0 && e < src.length() && src.charAt(e) == ':') {
      int r1 = (int) a[0];
      boolean ar1 = a[2] != 0;
      int e2 = row(src, e + 1, a);
      if (e2 > 0 && ends(src, e2)) {
        return new RefSyntax(start, e2, sheet, sheetText, new Area(sheet, r1, 0, (int) a[0], Area.MAX_COLS - 1),
            Kind.ROWS, new boolean[] {ar1, false, a[2] != 0, false});
      }
    }
    return null;
  }

  /** A reference ends where no name character, '(' or '[' follows (else it is a name or a function). */
  private static boolean ends(String src, int e) {
    if (e >= src.length()) {
      return true;
    }
    char c = src.charAt(e);
    if (Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '?' || c == '\\' || c == '$' || c == '[') {
      return false;
    }
    int p = e;
    while (p < src.length() && src.charAt(p) == ' ') {
      p++;
    }
    return p >= src.length() || src.charAt(p) != '(';
  }

  /** {@code $?letters$?digits}: out[0] row, out[1] col, out[2] bit 1 row-$, bit 2 col-$; returns end or -1. */
  private static int cell(String src, int pos, long[] out) {
    int p = column(src, pos, out);
    if (p < 0) {
      return -1;
    }
    long col = out[1];
    long colAbs = out[2];
    int q = row(src, p, out);
    if (q < 0) {
      return -1;
    }
    out[1] = col;
    out[2] = out[2] | (colAbs << 1);
    return q;
  }

  private static int column(String src, int pos, long[] out) {
    int p = pos;
    boolean abs = p < src.length() && src.charAt(p) == '$';
    if (abs) {
      p++;
    }
    int col = 0;
    int n = 0;
    while (p < src.length() && n <= 3) {
      char c = Character.toUpperCase(src.charAt(p));
      if (c < 'A' || c > 'Z') {
        break;
      }
      col = col * 26 + (c - 'A' + 1);
      n++;
      p++;
    }
    if (n == 0 || n > 3 || col > Area.MAX_COLS) {
      return -1;
    }
    out[1] = col - 1;
    out[2] = abs ? 1 : 0;
    return p;
  }

  private static int row(String src, int pos, long[] out) {
    int p = pos;
    boolean abs = p < src.length() && src.charAt(p) == '$';
    if (abs) {
      p++;
    }
    long row = 0;
    int n = 0;
    while (p < src.length() && src.charAt(p) >= '0' && src.charAt(p) <= '9' && n <= 7) {
      row = row * 10 + (src.charAt(p) - '0');
      n++;
      p++;
    }
    if (n == 0 || n > 7 || row < 1 || row > Area.MAX_ROWS) {
      return -1;
    }
    out[0] = row - 1;
    out[2] = abs ? 1 : 0;
    return p;
  }

  /** The reference as text, moved by (rows, cols) where not anchored with '$'; null when it leaves the sheet. */
  public String shifted(int rows, int cols) {
    int r1 = area.firstRow() + (absolute[0] || kind == Kind.COLUMNS ? 0 : rows);
    int c1 = area.firstCol() + (absolute[1] || kind == Kind.ROWS ? 0 : cols);
    int r2 = area.lastRow() + (absolute[2] || kind == Kind.COLUMNS ? 0 : rows);
    int c2 = area.lastCol() + (absolute[3] || kind == Kind.ROWS ? 0 : cols);
    if (r1 < 0 || c1 < 0 || r2 < 0 || c2 < 0 || r1 >= Area.MAX_ROWS || r2 >= Area.MAX_ROWS
        || c1 >= Area.MAX_COLS || c2 >= Area.MAX_COLS) {
      return null;
    }
    String prefix = sheetText == null ? "" : sheetText + "!";
    return prefix + switch (kind) {
      case CELL -> bound(r1, c1, absolute[0], absolute[1]);
      case AREA -> bound(r1, c1, absolute[0], absolute[1]) + ":" + bound(r2, c2, absolute[2], absolute[3]);
      case COLUMNS -> (absolute[1] ? "$" : "") + Area.columnName(c1) + ":" + (absolute[3] ? "$" : "")
          + Area.columnName(c2);
      case ROWS -> (absolute[0] ? "$" : "") + (r1 + 1) + ":" + (absolute[2] ? "$" : "") + (r2 + 1);
    };
  }

  private static String bound(int r, int c, boolean absRow, boolean absCol) {
    return (absCol ? "$" : "") + Area.columnName(c) + (absRow ? "$" : "") + (r + 1);
  }
}

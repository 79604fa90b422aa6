package xlspark.value;

import java.io.Serializable;

/**
 * A rectangular cell reference as data: an optional sheet name (null means the formula's own sheet) and
 * 0-based inclusive row and column bounds. A single cell has equal bounds; a whole column ({@code A:A}) runs
 * over every row and a whole row ({@code 1:1}) over every column, bounded later by the sheet's used range.
 * Holds no workbook: evaluating it is the workbook's business.
 */
public record Area(String sheet, int firstRow, int firstCol, int lastRow, int lastCol) implements Serializable {
  /** Rows in an Excel 2007+ sheet. */
  public static final int MAX_ROWS = 1_048_576;
  /** Columns in an Excel 2007+ sheet (A to XFD). */
  public static final int MAX_COLS = 16_384;

  public Area {
    if (firstRow > lastRow) {
      int t = firstRow;
      firstRow = lastRow;
      lastRow = t;
    }
    if (firstCol > lastCol) {
      int t = firstCol;
      firstCol = lastCol;
      lastCol = t;
    }
    if (firstRow < 0 || firstCol < 0 || lastRow >= MAX_ROWS || lastCol >= MAX_COLS) {
      throw new IllegalArgumentException("reference outside the sheet");
    }
  }

  public static Area cell(String sheet, int row, int col) {
    return new Area(sheet, row, col, row, col);
  }

  public boolean isCell() {
    return firstRow == lastRow && firstCol == lastCol;
  }

  public boolean wholeColumns() {
    return firstRow == 0 && lastRow == MAX_ROWS - 1;
  }

  public boolean wholeRows() {
    return firstCol == 0 && lastCol == MAX_COLS - 1;
  }

  public int rows() {
    return lastRow - firstRow + 1;
  }

  public int cols() {
    return lastCol - firstCol + 1;
  }

  public boolean contains(int row, int col) {
    return row >= firstRow && row <= lastRow && col >= firstCol && col <= lastCol;
  }

  public Area withSheet(String s) {
    return new Area(s, firstRow, firstCol, lastRow, lastCol);
  }

  /** The same area on another sheet, or null when moved outside the sheet. */
  public Area offset(int rowDelta, int colDelta, int height, int width) {
    long r1 = (long) firstRow + rowDelta;
    long c1 = (long) firstCol + colDelta;
    long r2 = r1 + height - 1;
    long c2 = c1 + width - 1;
    if (height < 1 || width < 1 || r1 < 0 || c1 < 0 || r2 >= MAX_ROWS || c2 >= MAX_COLS) {
      return null;
    }
    return new Area(sheet, (int) r1, (int) c1, (int) r2, (int) c2);
  }

  /** The column letters of a 0-based column: 0 is A, 26 is AA. */
  public static String columnName(int col) {
    StringBuilder sb = new StringBuilder();
    int c = col + 1;
    while (c > 0) {
      int rem = (c - 1) % 26;
      sb.append((char) ('A' + rem));
      c = (c - 1) / 26;
    }
    return sb.reverse().toString();
  }

  /** A1 text of one cell, without sheet: {@code B3}. */
  public static String a1(int row, int col) {
    return columnName(col) + (row + 1);
  }

  /** The sheet name as a formula writes it: quoted when it is not a plain name. */
  public static String quoteSheet(String sheet) {
    if (sheet.matches("[A-Za-z_][A-Za-z0-9_.]*") && !sheet.matches("(?i)[A-Z]{1,3}[0-9]+|R[0-9]*C[0-9]*|TRUE|FALSE")) {
      return sheet;
    }
    return "'" + sheet.replace("'", "''") + "'";
  }

  /** A1 text: {@code Sheet2!A1:B3}, {@code A:A}, {@code 1:1}. */
  @Override
  public String toString() {
    String prefix = sheet == null ? "" : quoteSheet(sheet) + "!";
    if (isCell()) {
      return prefix + a1(firstRow, firstCol);
    }
    if (wholeColumns()) {
      return prefix + columnName(firstCol) + ":" + columnName(lastCol);
    }
    if (wholeRows()) {
      return prefix + (firstRow + 1) + ":" + (lastRow + 1);
    }
    return prefix + a1(firstRow, firstCol) + ":" + a1(lastRow, lastCol);
  }
}

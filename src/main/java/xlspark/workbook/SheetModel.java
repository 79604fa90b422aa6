package xlspark.workbook;

import java.util.Arrays;

/**
 * The cells of one sheet in a row-indexed grid, plus, per column, the sorted rows that hold computed cells
 * (formulas and array-formula members) so that finding the formulas inside a range costs a binary search.
 */
public final class SheetModel {
  private static final CellModel[] EMPTY_ROW = new CellModel[0];

  final int index;
  final String name;
  /** For a sheet of a linked workbook: which workbook (its values are the ones saved in this file); else null. */
  String external;
  private CellModel[][] rows = new CellModel[16][];
  private int lastRow = -1;
  private int lastCol = -1;
  private int[][] computedRows;

  SheetModel(int index, String name) {
    this.index = index;
    this.name = name;
  }

  public String name() {
    return name;
  }

  /** The cell at (row, col), created when absent. */
  CellModel cell(int row, int col) {
    if (row >= rows.length) {
      rows = Arrays.copyOf(rows, Math.max(row + 1, rows.length * 2));
    }
    CellModel[] r = rows[row];
    if (r == null) {
      r = new CellModel[Math.max(col + 1, 8)];
      rows[row] = r;
    } else if (col >= r.length) {
      r = Arrays.copyOf(r, Math.max(col + 1, r.length * 2));
      rows[row] = r;
    }
    CellModel c = r[col];
    if (c == null) {
      c = new CellModel(index, row, col);
      r[col] = c;
      lastRow = Math.max(lastRow, row);
      lastCol = Math.max(lastCol, col);
    }
    return c;
  }

  /** The cell at (row, col), or null when empty. */
  public CellModel get(int row, int col) {
    if (row >= rows.length || row < 0) {
      return null;
    }
    CellModel[] r = rows[row];
    return r == null || col >= r.length || col < 0 ? null : r[col];
  }

  /** The last used row, 0-based; -1 for an empty sheet. */
  public int lastRow() {
    return lastRow;
  }

  /** The last used column, 0-based; -1 for an empty sheet. */
  public int lastCol() {
    return lastCol;
  }

  /** The cells of one row (may hold nulls), for iteration in row-major order. */
  CellModel[] row(int row) {
    CellModel[] r = row < rows.length ? rows[row] : null;
    return r == null ? EMPTY_ROW : r;
  }

  /** Indexes the computed cells by column; call once the sheet is read. */
  void index() {
    int[] counts = new int[lastCol + 1];
    for (int r = 0; r <= lastRow; r++) {
      for (CellModel c : row(r)) {
        if (c != null && c.computed()) {
          counts[c.col]++;
        }
      }
    }
    computedRows = new int[lastCol + 1][];
    for (int c = 0; c <= lastCol; c++) {
      computedRows[c] = new int[counts[c]];
      counts[c] = 0;
    }
    for (int r = 0; r <= lastRow; r++) {
      for (CellModel c : row(r)) {
        if (c != null && c.computed()) {
          computedRows[c.col][counts[c.col]++] = r;
        }
      }
    }
  }

  /** Rows of computed cells in a column, ascending. */
  int[] computedRows(int col) {
    return computedRows == null || col > lastCol || col < 0 ? new int[0] : computedRows[col];
  }
}

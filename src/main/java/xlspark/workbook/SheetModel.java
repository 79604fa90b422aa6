package xlspark.workbook;

import java.util.Arrays;
import java.util.function.Consumer;
import xlspark.value.Area;

/**
 * The cells of one sheet, stored by what is present, not by the coordinates a file claims: a hash table from
 * (row, column) to cell, so that one cell at XFD1048576 costs what one cell at A1 does. Once the sheet is read
 * ({@link #index}) it also keeps the cells in row-major order, with the present rows, and per column that holds
 * any, the sorted rows of its computed cells (formulas and array-formula members), so that finding the formulas
 * inside a range costs a binary search and walking an area costs the cells present in it.
 */
public final class SheetModel {
  private static final CellModel[] NO_CELLS = new CellModel[0];
  private static final int[] NO_ROWS = new int[0];

  final int index;
  final String name;
  private final ReadBudget budget;
  /** Formula cells whose coordinates lie outside the grid: not placed, each reported as an error row. */
  private final java.util.List<Outside> outside = new java.util.ArrayList<>();
  /** For a sheet of a linked workbook: which workbook (its values are the ones saved in this file); else null. */
  String external;
  /** Hidden rows (SUBTOTAL and AGGREGATE leave them out), and the areas an AutoFilter covers (its own or a table's). */
  private final java.util.BitSet hiddenRows = new java.util.BitSet();
  private final java.util.List<xlspark.value.Area> filters = new java.util.ArrayList<>(1);
  /** Open addressing: keys are {@code row << 14 | col} plus one (0 marks an empty slot). */
  private long[] keys = new long[16];
  private CellModel[] slots = new CellModel[16];
  private int size;
  private int lastRow = -1;
  private int lastCol = -1;
  /** Row-major order of every cell, the present rows and where each starts in it; null until indexed. */
  private CellModel[] ordered;
  private int[] rowNumbers;
  private int[] rowStarts;
  /** Columns holding computed cells, ascending, and for each the rows of those cells, ascending. */
  private int[] computedCols = NO_ROWS;
  private int[][] computedRows = new int[0][];

  SheetModel(int index, String name, ReadBudget budget) {
    this.index = index;
    this.name = name;
    this.budget = budget;
  }

  public String name() {
    return name;
  }

  void hideRow(int row) {
    if (row >= 0 && row < xlspark.value.Area.MAX_ROWS) {
      hiddenRows.set(row);
    }
  }

  void addFilter(xlspark.value.Area area) {
    if (area != null) {
      filters.add(area);
    }
  }

  /** True when a row is hidden. */
  boolean rowHidden(int row) {
    return hiddenRows.get(row);
  }

  /** True when a row is hidden by an AutoFilter: hidden, and below the header of a filtered area. */
  boolean rowFiltered(int row) {
    if (!hiddenRows.get(row)) {
      return false;
    }
    for (xlspark.value.Area f : filters) {
      if (row > f.firstRow() && row <= f.lastRow()) {
        return true;
      }
    }
    return false;
  }

  /** True when the sheet has hidden rows at all (most do not: SUBTOTAL then reads a plain array). */
  boolean hasHiddenRows() {
    return !hiddenRows.isEmpty();
  }

  /** True for a position inside Excel's grid (1,048,576 rows by 16,384 columns). */
  static boolean inGrid(long row, long col) {
    return row >= 0 && row < Area.MAX_ROWS && col >= 0 && col < Area.MAX_COLS;
  }

  private static long key(int row, int col) {
    return ((long) row << 14 | col) + 1;
  }

  private int slot(long key) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32)) & (keys.length - 1);
  }

  /** The cell at (row, col), created when absent; a position outside the grid is refused. */
  CellModel cell(int row, int col) {
    if (!inGrid(row, col)) {
      throw new IllegalArgumentException("cell outside the grid: row " + (row + 1L) + ", column " + (col + 1L));
    }
    long k = key(row, col);
    int i = slot(k);
    while (keys[i] != 0) {
      if (keys[i] == k) {
        return slots[i];
      }
      i = (i + 1) & (keys.length - 1);
    }
    budget.cell();
    CellModel c = new CellModel(index, row, col);
    keys[i] = k;
    slots[i] = c;
    size++;
    lastRow = Math.max(lastRow, row);
    lastCol = Math.max(lastCol, col);
    ordered = null;
    if (size * 4 > keys.length * 3) {
      grow();
    }
    return c;
  }

  private void grow() {
    long[] oldKeys = keys;
    CellModel[] oldSlots = slots;
    keys = new long[oldKeys.length * 2];
    slots = new CellModel[oldKeys.length * 2];
    for (int j = 0; j < oldKeys.length; j++) {
      if (oldKeys[j] != 0) {
        int i = slot(oldKeys[j]);
        while (keys[i] != 0) {
          i = (i + 1) & (keys.length - 1);
        }
        keys[i] = oldKeys[j];
        slots[i] = oldSlots[j];
      }
    }
  }

  /** A formula cell the file puts outside the grid, as the file spells its position. */
  record Outside(String ref, String formula) {
  }

  /** Notes a formula cell outside the grid (it is not evaluated; the output has an error row for it). */
  void outside(String ref, String formula) {
    budget.cell();
    outside.add(new Outside(ref, formula));
  }

  /** The formula cells the file puts outside the grid, in file order. */
  java.util.List<Outside> outside() {
    return outside;
  }

  /** The cell at (row, col), or null when empty. */
  public CellModel get(int row, int col) {
    if (!inGrid(row, col)) {
      return null;
    }
    long k = key(row, col);
    for (int i = slot(k); keys[i] != 0; i = (i + 1) & (keys.length - 1)) {
      if (keys[i] == k) {
        return slots[i];
      }
    }
    return null;
  }

  /** How many cells the sheet holds. */
  public int size() {
    return size;
  }

  /** The last used row, 0-based; -1 for an empty sheet. */
  public int lastRow() {
    return lastRow;
  }

  /** The last used column, 0-based; -1 for an empty sheet. */
  public int lastCol() {
    return lastCol;
  }

  /** Every cell, in row-major order. */
  CellModel[] cells() {
    order();
    return ordered;
  }

  /** The cells of one row, in column order. */
  CellModel[] row(int row) {
    order();
    int k = Arrays.binarySearch(rowNumbers, row);
    return k < 0 ? NO_CELLS : Arrays.copyOfRange(ordered, rowStarts[k], rowStarts[k + 1]);
  }

  /** Calls {@code action} on each cell present in the area, row by row: the work is the cells present. */
  void forEachIn(Area a, Consumer<CellModel> action) {
    order();
    int k = lowerBound(rowNumbers, rowNumbers.length, a.firstRow());
    for (; k < rowNumbers.length && rowNumbers[k] <= a.lastRow(); k++) {
      int from = rowStarts[k];
      int to = rowStarts[k + 1];
      int lo = from;
      int hi = to;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (ordered[mid].col < a.firstCol()) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      for (int i = lo; i < to && ordered[i].col <= a.lastCol(); i++) {
        action.accept(ordered[i]);
      }
    }
  }

  /**
   * Makes the cells the file holds inside each array formula's range (other than formulas) members of it, in
   * one sweep over the cells present: a range as large as the grid costs nothing for the positions it merely
   * claims. {@code empty} lists positions ({@code row << 14 | col}) the file holds without a value; those inside
   * a range become (empty) members, as Excel writes every cell of an array formula's range. Ranges should not
   * overlap; where they do, a cell joins one of them.
   */
  void linkArrayMembers(java.util.List<CellModel> masters, long[] empty, int emptyCount) {
    if (masters.isEmpty()) {
      return;
    }
    long[] positions = Arrays.copyOf(empty, emptyCount);
    Arrays.sort(positions);
    MasterSweep sweep = new MasterSweep(masters);
    for (long p : positions) {
      int row = (int) (p >>> 14);
      int col = (int) (p & 0x3FFF);
      CellModel m = sweep.at(row, col);
      if (m != null && get(row, col) == null) {
        cell(row, col).master = m;
      }
    }
    order();
    sweep = new MasterSweep(masters);
    for (CellModel c : ordered) {
      CellModel m = sweep.at(c.row, c.col);
      if (m != null && c.formula == null && c != m) {
        c.master = m;
      }
    }
  }

  /** Which array formula's range holds a position, for positions given in row-major order. */
  private static final class MasterSweep {
    private final CellModel[] byRow;
    private final java.util.TreeMap<Integer, CellModel> active = new java.util.TreeMap<>();
    private int next;

    MasterSweep(java.util.List<CellModel> masters) {
      byRow = masters.toArray(new CellModel[0]);
      Arrays.sort(byRow, (x, y) -> Integer.compare(x.arrayRange.firstRow(), y.arrayRange.firstRow()));
    }

    CellModel at(int row, int col) {
      while (next < byRow.length && byRow[next].arrayRange.firstRow() <= row) {
        CellModel m = byRow[next++];
        // a range ended above replaces its key (D8:D9 then D10:D12 in one column); an overlapping one stays
        CellModel old = active.get(m.arrayRange.firstCol());
        if (old == null || old.arrayRange.lastRow() < m.arrayRange.firstRow()) {
          active.put(m.arrayRange.firstCol(), m);
        }
      }
      java.util.Map.Entry<Integer, CellModel> e = active.floorEntry(col);
      while (e != null && e.getValue().arrayRange.lastRow() < row) {
        active.remove(e.getKey());
        e = active.floorEntry(col);
      }
      return e != null && col <= e.getValue().arrayRange.lastCol() ? e.getValue() : null;
    }
  }

  private void order() {
    if (ordered != null) {
      return;
    }
    CellModel[] all = new CellModel[size];
    int n = 0;
    if (keys.length <= 1 << 29) {
      // row-major order = key order: sort the keys with their slot packed below them (a primitive sort; sorting the
      // cells with a comparator was the largest cost of reading a 100,000-formula workbook)
      long[] packed = new long[size];
      for (int i = 0; i < keys.length; i++) {
        if (keys[i] != 0) {
          packed[n++] = keys[i] << 29 | i;
        }
      }
      Arrays.sort(packed);
      for (int j = 0; j < n; j++) {
        all[j] = slots[(int) (packed[j] & ((1 << 29) - 1))];
      }
    } else {
      for (int i = 0; i < keys.length; i++) {
        if (keys[i] != 0) {
          all[n++] = slots[i];
        }
      }
      Arrays.sort(all, (x, y) -> x.row != y.row ? Integer.compare(x.row, y.row) : Integer.compare(x.col, y.col));
    }
    int rowCount = 0;
    for (int i = 0; i < n; i++) {
      rowCount += i == 0 || all[i].row != all[i - 1].row ? 1 : 0;
    }
    int[] numbers = new int[rowCount];
    int[] starts = new int[rowCount + 1];
    for (int i = 0, r = -1; i < n; i++) {
      if (i == 0 || all[i].row != all[i - 1].row) {
        numbers[++r] = all[i].row;
        starts[r] = i;
      }
    }
    starts[rowCount] = n;
    rowNumbers = numbers;
    rowStarts = starts;
    ordered = all;
  }

  /** Indexes the computed cells by column; call once the sheet is read. */
  void index() {
    order();
    int[] counts = new int[Math.max(0, lastCol + 1)];
    int columns = 0;
    for (CellModel c : ordered) {
      if (c.computed() && counts[c.col]++ == 0) {
        columns++;
      }
    }
    computedCols = new int[columns];
    computedRows = new int[columns][];
    for (int col = 0, k = 0; col < counts.length; col++) {
      if (counts[col] > 0) {
        computedCols[k] = col;
        computedRows[k++] = new int[counts[col]];
        counts[col] = 0;
      }
    }
    for (CellModel c : ordered) {
      if (c.computed()) {
        int k = Arrays.binarySearch(computedCols, c.col);
        computedRows[k][counts[c.col]++] = c.row;
      }
    }
  }

  /** Rows of computed cells in a column, ascending. */
  int[] computedRows(int col) {
    int k = Arrays.binarySearch(computedCols, col);
    return k < 0 ? NO_ROWS : computedRows[k];
  }

  private static int lowerBound(int[] a, int n, int x) {
    int lo = 0;
    int hi = n;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (a[mid] < x) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}

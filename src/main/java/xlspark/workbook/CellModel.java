package xlspark.workbook;

import xlspark.value.Value;

/**
 * One non-empty cell of a workbook: a constant, or a formula with the result the file carries ({@code cached})
 * and, once evaluated, the recomputed result ({@code value}). Mutable, single-threaded: one workbook is
 * evaluated by one thread.
 */
public final class CellModel {
  static final byte NEW = 0;
  static final byte IN_PROGRESS = 1;
  static final byte DONE = 2;

  final int sheet;
  final int row;
  final int col;
  /** The formula without '=', or null for a constant (and for the other cells of an array formula). */
  String formula;
  /** A constant's value; a formula's recomputed value once DONE. */
  Value value;
  /** The formula result saved in the file, or null when the file has none. */
  Value cached;
  /** An array formula's range (on its top-left cell). */
  xlspark.value.Area arrayRange;
  /** For the other cells of an array formula: the cell holding it. */
  CellModel master;
  /** Why the cell could not be read (an unsupported construct in the file); it then fails alone. */
  String readError;
  /**
   * {@link #CIRCULAR}: the result depends on a circular reference (the value is then the shown one); {@link #PROBED}:
   * the evaluator tried to finish the cell ahead of a cycle through it. One byte, which the object's padding holds.
   */
  byte flags;
  static final byte CIRCULAR = 1;
  static final byte PROBED = 2;
  byte state;
  /** The depth of this cell's frame on the evaluation stack while IN_PROGRESS. */
  int depth;

  CellModel(int sheet, int row, int col) {
    this.sheet = sheet;
    this.row = row;
    this.col = col;
  }

  public boolean isFormula() {
    return formula != null || readError != null;
  }

  /** True for a cell whose value comes from a formula (its own or its array formula's). */
  boolean computed() {
    return isFormula() || master != null;
  }

  public String formula() {
    return formula;
  }

  public Value value() {
    return value;
  }

  public Value cached() {
    return cached;
  }

  boolean circular() {
    return (flags & CIRCULAR) != 0;
  }

  public int row() {
    return row;
  }

  public int col() {
    return col;
  }
}

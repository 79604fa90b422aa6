package xlspark.functions;

import xlspark.value.Area;
import xlspark.value.Value;

/**
 * What reference-taking functions (ROW, COLUMN, OFFSET, INDIRECT) may ask of the workbook a formula lives
 * in: where the formula is, and the values behind a reference. Reached through
 * {@link EvalContext#workbook()}, null in expression mode. JEXL never sees it: functions get it from their
 * context and hand back only values ({@code Value.Ref} is plain coordinates).
 */
public interface WorkbookAccess {
  /** The formula's sheet name. */
  String sheet();

  /** The formula's row, 0-based. */
  int row();

  /** The formula's column, 0-based. */
  int column();

  /**
   * The values of a reference; formula cells in it are evaluated first if they were not yet. With
   * {@code single}, one value: a cell's value, or an area's cell in the formula's row (a one-column area)
   * or column (a one-row area), #VALUE! when there is none; in an array formula, the whole area instead.
   * Otherwise an array (1x1 for one cell, so that range rules apply to it). Blank cells are blank values;
   * whole rows and columns stop at the sheet's used range; an unknown sheet is #REF!.
   */
  Value read(Area area, boolean single);

  /**
   * A reference written as text (INDIRECT): {@code B3}, {@code Sheet2!A1:B2}, a defined name or a table
   * reference, in A1 style ({@code a1}) or R1C1 style; null when the text is no reference.
   */
  Area resolve(String text, boolean a1);

  /** The 1-based position of a sheet named (case-insensitively) {@code name}; 0 when there is none. */
  default int sheetNumber(String name) {
    return 0;
  }

  /** The number of sheets in the workbook. */
  default int sheetCount() {
    return 1;
  }

  /**
   * The formula of a reference's top-left cell as Excel's formula bar shows it ({@code =SUM(A1:A3)}), the
   * array formula's for a cell inside one; null when the cell holds no formula or the sheet is unknown.
   */
  default String formulaText(Area area) {
    return null;
  }

  /**
   * The values of a reference as SUBTOTAL and AGGREGATE read them: an array in which the cells of rows hidden by
   * an AutoFilter (and of every hidden row with {@code allHidden}) and, with {@code nested}, the cells holding
   * SUBTOTAL or AGGREGATE formulas are blank, so that no aggregation counts them.
   */
  default Value readAggregated(Area area, boolean allHidden, boolean nested) {
    return read(area, false);
  }

  /**
   * The range an array formula anchored at a cell fills ({@code A1#}): the formula's range, the cell itself for a
   * single-cell formula; null when the cell holds no formula.
   */
  default Area spillRange(Area anchor) {
    return null;
  }

  /** The workbook's name as it was read (its file name, possibly under a folder of the input); null when unknown. */
  default String bookName() {
    return null;
  }

  /** The sheet's name for a reference's sheet (null: the formula's sheet). */
  default String sheetOf(Area area) {
    return area.sheet() == null ? sheet() : area.sheet();
  }
}

package xlspark.workbook;

import java.util.List;
import xlspark.formula.Names;
import xlspark.value.Area;

/**
 * An Excel table (ListObject): its name, where it is (header and totals rows included) and its column names,
 * for structured references such as {@code Table1[Amount]} and {@code [@Amount]}.
 */
public record TableModel(String name, String sheet, Area area, int headerRows, int totalsRows, List<String> columns) {
  public TableModel {
    columns = List.copyOf(columns);
  }

  /**
   * A table from the attributes of its part as the file gives them, checked, or a String saying why it cannot be
   * used: its range must be a reference inside the sheet, its header and totals row counts whole numbers from 0
   * that fit in that range, its columns named and no more than the range is wide. A file may say anything; a
   * table that fails these fails the formulas that use it, not the workbook.
   */
  static Object of(String name, String sheet, String ref, String headerRows, String totalsRows,
                   List<String> columns) {
    Area area = ref == null ? null : WorkbookText.area(ref);
    if (area == null || area.sheet() != null && !Names.same(area.sheet(), sheet)) {
      return "its range " + (ref == null ? "is missing" : "'" + ref + "' is not a range inside the sheet");
    }
    int headers = count(headerRows, 1);
    int totals = count(totalsRows, 0);
    if (headers < 0) {
      return "its header row count '" + headerRows + "' is not a count of rows";
    }
    if (totals < 0) {
      return "its totals row count '" + totalsRows + "' is not a count of rows";
    }
    if ((long) headers + totals > area.rows()) {
      return "its " + headers + " header and " + totals + " totals rows do not fit in its range " + ref;
    }
    if (columns.isEmpty()) {
      return "it names no columns";
    }
    if (columns.size() > area.cols()) {
      return "it names " + columns.size() + " columns for its range " + ref + ", " + area.cols() + " wide";
    }
    if (columns.contains(null)) {
      return "a column has no name";
    }
    return new TableModel(name, sheet, area.withSheet(sheet), headers, totals, columns);
  }

  /** A row count as the file writes it; -1 when it is not a whole number from 0. */
  private static int count(String text, int absent) {
    if (text == null) {
      return absent;
    }
    try {
      return Math.max(-1, Integer.parseInt(text.trim()));
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /**
   * The 0-based column index of a column name (case-insensitive; spaces around it do not count, as formulas
   * drop a column's trailing space: {@code [Field 4 ]} of a column named "Field 4 "), or -1.
   */
  public int column(String columnName) {
    for (int i = 0; i < columns.size(); i++) {
      if (Names.same(columns.get(i).trim(), columnName.trim())) {
        return i;
      }
    }
    return -1;
  }

  public int firstDataRow() {
    return area.firstRow() + headerRows;
  }

  public int lastDataRow() {
    return area.lastRow() - totalsRows;
  }

  String key() {
    return Names.fold(name);
  }
}

package xlspark.workbook;

import java.util.List;
import java.util.Locale;
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
   * The 0-based column index of a column name (case-insensitive; spaces around it do not count, as formulas
   * drop a column's trailing space: {@code [Field 4 ]} of a column named "Field 4 "), or -1.
   */
  public int column(String columnName) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).trim().equalsIgnoreCase(columnName.trim())) {
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
    return name.toUpperCase(Locale.ROOT);
  }
}

package xlspark.spark.core;

import java.time.ZoneId;
import java.util.Map;
import xlspark.eval.VariableSource;

/**
 * The variables of one row: its columns by upper-case name, then the {@code --var} constants. A column
 * wins over a constant of the same name. Reused across the rows of a partition ({@link #at}); a column is read
 * (and converted) only when a formula names it.
 */
final class RowVariables implements VariableSource {
  /** The cells of the current row, as Spark's external Row types (String, Double, Timestamp...). */
  interface Cells {
    Object get(int column);
  }

  private final Map<String, Integer> columns;
  private final Map<String, Object> constants;
  private final boolean textCells;
  private final ZoneId zone;
  private Cells row;

  RowVariables(Map<String, Integer> columns, Map<String, Object> constants, boolean textCells, ZoneId zone) {
    this.columns = columns;
    this.constants = constants;
    this.textCells = textCells;
    this.zone = zone;
  }

  RowVariables at(Cells r) {
    row = r;
    return this;
  }

  boolean isKnown(String upperCaseName) {
    return columns.containsKey(upperCaseName) || constants.containsKey(upperCaseName);
  }

  @Override
  public Object lookup(String upperCaseName) {
    Integer i = columns.get(upperCaseName);
    if (i == null) {
      return constants.containsKey(upperCaseName) ? constants.get(upperCaseName) : UNKNOWN;
    }
    Object v = row.get(i);
    if (textCells && v instanceof String s) {
      return CellTyping.fromText(s);
    }
    return CellTyping.fromTyped(v, zone);
  }
}

package xlspark.spark.io;

import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The loaded input: its rows, where the expressions are, and how to type its cells.
 *
 * @param data              the rows, lazily read
 * @param expressionColumn  exact name of the {@code expression} column
 * @param corruptColumn     exact name of the reader's column holding a malformed line's raw text (CSV, JSON: named
 *                          apart from every input column), null when the format has none
 * @param idColumn          exact name of the {@code id} column, null when the job must add it
 * @param format            the format read
 * @param textCells         cells are text typed the Excel way (CSV)
 * @param files             the data files in name order
 * @param lines             a CSV read line by line: its ranges and row counts from the driver's scan; else null
 * @param readNote          how the input is read, for the timing report
 */
public record SourceTable(Dataset<Row> data, String expressionColumn, String corruptColumn, String idColumn, DataFormat format,
                          boolean textCells, List<String> files, LineRanges lines, String readNote) {

  /** The exact name of the input column {@code name} names ({@link FormulaSource#column}), never the internal one. */
  public Optional<String> column(String name) {
    return FormulaSource.column(data.schema(), name).filter(n -> !n.equals(corruptColumn));
  }
}

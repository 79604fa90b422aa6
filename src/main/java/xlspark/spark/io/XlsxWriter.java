package xlspark.spark.io;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Iterator;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.xssf.streaming.SXSSFRow;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Writes rows to an .xlsx workbook with POI's streaming writer. Every string becomes a text cell, never a
 * formula: spark-excel's V1 writer turns strings starting with {@code =} into formulas, which would corrupt
 * the {@code expression} column.
 */
public final class XlsxWriter {
  /** Data rows per sheet: Excel's 1,048,576 rows less the header. */
  public static final int MAX_ROWS = 1_048_575;

  private XlsxWriter() {}

  /** Writes at most {@link #MAX_ROWS} rows of {@code rows} to {@code out}; returns how many. */
  public static long write(StructType schema, Iterator<Row> rows, String sheetName, OutputStream out)
      throws IOException {
    SXSSFWorkbook wb = new SXSSFWorkbook(500);
    try {
      SXSSFSheet sheet = wb.createSheet(sheetName);
      StructField[] fields = schema.fields();
      SXSSFRow header = sheet.createRow(0);
      for (int i = 0; i < fields.length; i++) {
        header.createCell(i).setCellValue(fields[i].name());
      }
      int r = 0;
      while (r < MAX_ROWS && rows.hasNext()) {
        Row row = rows.next();
        SXSSFRow x = sheet.createRow(++r);
        for (int i = 0; i < fields.length; i++) {
          if (!row.isNullAt(i)) {
            setValue(x.createCell(i), row.get(i));
          }
        }
      }
      wb.write(out);
      return r;
    } finally {
      wb.dispose();
      wb.close();
    }
  }

  private static void setValue(Cell cell, Object v) {
    if (v instanceof Boolean b) {
      cell.setCellValue(b);
    } else if (v instanceof Number n && !(v instanceof java.math.BigDecimal)) {
      cell.setCellValue(n.doubleValue());
    } else if (v instanceof java.math.BigDecimal d) {
      cell.setCellValue(d.doubleValue());
    } else if (v instanceof java.sql.Timestamp t) {
      cell.setCellValue(t.toLocalDateTime());
    } else if (v instanceof java.sql.Date d) {
      cell.setCellValue(d.toLocalDate());
    } else {
      cell.setCellValue(v.toString());
    }
  }
}

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
 * the {@code expression} column. Text is written so that a reader gets it back exactly ({@link #cellText}); text
 * longer than a cell holds is cut and counted, never a failed job.
 */
public final class XlsxWriter {
  /** Data rows per sheet: Excel's 1,048,576 rows less the header. */
  public static final int MAX_ROWS = 1_048_575;
  /** Characters one cell's text holds (Excel's limit, enforced by POI). */
  public static final int MAX_TEXT = 32_767;

  private XlsxWriter() {}

  /**
   * What one file got.
   *
   * @param rows     data rows written
   * @param cutCells text cells cut to {@link #MAX_TEXT} characters
   * @param firstCut where the first cut happened ({@code row 12, column t}); null when none
   */
  public record Written(long rows, long cutCells, String firstCut) {}

  /** Writes at most {@link #MAX_ROWS} rows of {@code rows} to {@code out}. */
  public static Written write(StructType schema, Iterator<Row> rows, String sheetName, OutputStream out)
      throws IOException {
    SXSSFWorkbook wb = new SXSSFWorkbook(500);
    try {
      SXSSFSheet sheet = wb.createSheet(sheetName);
      StructField[] fields = schema.fields();
      SXSSFRow header = sheet.createRow(0);
      boolean[] cut = new boolean[1];
      long cuts = 0;
      String firstCut = null;
      for (int i = 0; i < fields.length; i++) {
        header.createCell(i).setCellValue(cellText(fields[i].name(), cut));
      }
      int r = 0;
      while (r < MAX_ROWS && rows.hasNext()) {
        Row row = rows.next();
        SXSSFRow x = sheet.createRow(++r);
        for (int i = 0; i < fields.length; i++) {
          if (!row.isNullAt(i)) {
            cut[0] = false;
            setValue(x.createCell(i), row.get(i), cut);
            if (cut[0]) {
              cuts++;
              firstCut = firstCut == null ? "row " + r + ", column " + fields[i].name() : firstCut;
            }
          }
        }
      }
      wb.write(out);
      return new Written(r, cuts, firstCut);
    } finally {
      wb.dispose();
      wb.close();
    }
  }

  private static void setValue(Cell cell, Object v, boolean[] cut) {
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
      cell.setCellValue(cellText(v.toString(), cut));
    }
  }

  /**
   * Text as the file must hold it (OOXML's escaped string, {@code ST_Xstring}) so that readers decode the exact
   * text: characters XML cannot carry (control characters other than tab and line breaks, U+FFFE, U+FFFF, lone
   * surrogates) become {@code _xHHHH_}, and a literal {@code _xHHHH_} gets its underscore escaped ({@code _x005F_})
   * so that it is not decoded. POI's streaming writer would write {@code ?} for the former and leave the latter to
   * be decoded. The result has at most {@link #MAX_TEXT} characters, cut between characters (never inside a
   * surrogate pair or an escape); {@code cut[0]} is set when text was dropped.
   */
  public static String cellText(String s, boolean[] cut) {
    int n = s.length();
    if (n <= MAX_TEXT && plain(s)) {
      return s;
    }
    StringBuilder b = new StringBuilder(Math.min(n, MAX_TEXT) + 16);
    for (int i = 0; i < n; ) {
      char c = s.charAt(i);
      String unit;
      int used = 1;
      if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
        unit = s.substring(i, i + 2);
        used = 2;
      } else if (unsafe(c)) {
        unit = String.format("_x%04X_", (int) c);
      } else if (c == '_' && escapeAt(s, i)) {
        unit = "_x005F_";
      } else {
        unit = String.valueOf(c);
      }
      if (b.length() + unit.length() > MAX_TEXT) {
        cut[0] = true;
        break;
      }
      b.append(unit);
      i += used;
    }
    return b.toString();
  }

  private static boolean plain(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (unsafe(c) || Character.isSurrogate(c) || c == '_' && escapeAt(s, i)) {
        return false;
      }
    }
    return true;
  }

  private static boolean unsafe(char c) {
    return c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0xFFFE || c == 0xFFFF || Character.isSurrogate(c);
  }

  /** Whether {@code _xHHHH_} starts at {@code i}. */
  private static boolean escapeAt(String s, int i) {
    if (i + 7 > s.length() || s.charAt(i + 1) != 'x' || s.charAt(i + 6) != '_') {
      return false;
    }
    for (int k = i + 2; k < i + 6; k++) {
      if (Character.digit(s.charAt(k), 16) < 0) {
        return false;
      }
    }
    return true;
  }
}

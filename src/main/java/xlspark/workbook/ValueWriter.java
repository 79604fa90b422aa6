package xlspark.workbook;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import xlspark.value.ExcelError;
import xlspark.value.Value;

/**
 * {@code --write-values}: writes a copy of a workbook whose formula cells carry the recomputed results as
 * their cached values; formulas, constants and formatting are untouched. Uses POI's user model (the whole
 * workbook in memory), so it costs more than evaluating. {@code #ERROR!} (a formula xlspark rejected) is not
 * an error Excel knows and is stored as {@code #VALUE!}.
 */
public final class ValueWriter {
  private ValueWriter() {
  }

  /** Copies {@code source} to {@code out} with the recomputed values of {@code model}; returns cells written. */
  public static int write(Path source, WorkbookModel model, OutputStream out) throws IOException {
    int written = 0;
    try (Workbook wb = open(source)) {
      for (SheetModel s : model.sheets()) {
        Sheet sheet = wb.getSheet(s.name());
        if (sheet == null) {
          continue;
        }
        for (CellModel c : s.cells()) {
          if (c.computed() && c.value != null && c.readError == null) {
            Row row = sheet.getRow(c.row);
            Cell cell = row == null ? null : row.getCell(c.col);
            if (cell != null && cell.getCellType() == CellType.FORMULA) {
              try {
                store(cell, c.value);
                written++;
              } catch (IllegalStateException e) {
                model.warnings().add("cached value of " + s.name() + "!" + cell.getAddress() + " not written: "
                    + e.getMessage());
              }
            }
          }
        }
      }
      wb.write(out);
    }
    return written;
  }

  /** XSSF for zip files, HSSF otherwise (WorkbookFactory's service lookup does not see XSSF in the fat jar). */
  private static Workbook open(Path source) throws IOException {
    byte[] head = new byte[2];
    try (InputStream in = Files.newInputStream(source)) {
      in.readNBytes(head, 0, 2);
    }
    try (InputStream in = Files.newInputStream(source)) {
      return head[0] == 'P' && head[1] == 'K' ? new XSSFWorkbook(in) : new HSSFWorkbook(in);
    }
  }

  private static void store(Cell cell, Value v) {
    if (v instanceof Value.Num n) {
      cell.setCellValue(n.v());
    } else if (v instanceof Value.Text t) {
      cell.setCellValue(t.s());
    } else if (v instanceof Value.Bool b) {
      cell.setCellValue(b.b());
    } else if (v instanceof Value.Err e) {
      cell.setCellErrorValue(error(e.code()).getCode());
    } else {
      cell.setCellValue("");
    }
  }

  private static FormulaError error(ExcelError e) {
    return switch (e) {
      case NULL -> FormulaError.NULL;
      case DIV0 -> FormulaError.DIV0;
      case VALUE, ERROR, CALC -> FormulaError.VALUE;
      case REF -> FormulaError.REF;
      case NAME -> FormulaError.NAME;
      case NUM -> FormulaError.NUM;
      case NA -> FormulaError.NA;
    };
  }
}

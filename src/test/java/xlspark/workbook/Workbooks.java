package xlspark.workbook;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Builds test workbooks with POI: {@code sheet("Sheet1").set("A1", 1).set("A2", "=A1+1")}. Text starting
 * with '=' becomes a formula (saved without a cached result), other text a string, numbers and booleans as such.
 */
final class Workbooks {
  private final Workbook wb;
  private final Map<String, Sheet> sheets = new LinkedHashMap<>();
  private Sheet current;

  private Workbooks(Workbook wb) {
    this.wb = wb;
  }

  static Workbooks xlsx() {
    return new Workbooks(new XSSFWorkbook());
  }

  static Workbooks xls() {
    return new Workbooks(new HSSFWorkbook());
  }

  Workbook poi() {
    return wb;
  }

  Workbooks sheet(String name) {
    current = sheets.computeIfAbsent(name, wb::createSheet);
    return this;
  }

  Workbooks set(String a1, Object value) {
    CellReference ref = new CellReference(a1);
    Row row = current.getRow(ref.getRow());
    if (row == null) {
      row = current.createRow(ref.getRow());
    }
    Cell cell = row.createCell(ref.getCol());
    if (value instanceof Number n) {
      cell.setCellValue(n.doubleValue());
    } else if (value instanceof Boolean b) {
      cell.setCellValue(b);
    } else if (value instanceof String s && s.startsWith("=")) {
      if (cell instanceof org.apache.poi.xssf.usermodel.XSSFCell x) {
        // straight into the XML: POI's own parser would refuse names and tables defined later
        x.getCTCell().addNewF().setStringValue(s.substring(1));
      } else {
        cell.setCellFormula(s.substring(1));
      }
    } else {
      cell.setCellValue((String) value);
    }
    return this;
  }

  /** The result a formula cell of the current sheet carries, as if Excel had saved it. */
  Workbooks cached(String a1, double value) {
    CellReference ref = new CellReference(a1);
    Cell cell = current.getRow(ref.getRow()).getCell(ref.getCol());
    if (cell instanceof org.apache.poi.xssf.usermodel.XSSFCell x) {
      x.getCTCell().setV(Double.toString(value));
    } else {
      cell.setCellValue(value);
    }
    return this;
  }

  /** A defined name; {@code sheetScope} null for the workbook. */
  Workbooks name(String name, String refersTo, String sheetScope) {
    org.apache.poi.ss.usermodel.Name n = wb.createName();
    n.setNameName(name);
    if (sheetScope != null) {
      n.setSheetIndex(wb.getSheetIndex(sheetScope));
    }
    if (n instanceof org.apache.poi.xssf.usermodel.XSSFName x) {
      // straight into the XML, as for formulas: POI's parser refuses what Excel writes for deleted references
      try {
        java.lang.reflect.Method ct = org.apache.poi.xssf.usermodel.XSSFName.class.getDeclaredMethod("getCTName");
        ct.setAccessible(true);
        ((org.openxmlformats.schemas.spreadsheetml.x2006.main.CTDefinedName) ct.invoke(x)).setStringValue(refersTo);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
    } else {
      n.setRefersToFormula(refersTo);
    }
    return this;
  }

  Path save(Path dir, String fileName) throws IOException {
    Path p = dir.resolve(fileName);
    try (OutputStream out = Files.newOutputStream(p)) {
      wb.write(out);
    }
    wb.close();
    return p;
  }
}

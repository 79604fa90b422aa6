package xlspark.workbook;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFName;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFTable;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes .xlsx workbooks with POI for tests, samples and benchmarks. Formulas are stored as text with no cached
 * result, so the results a file carries afterwards come from whatever spreadsheet program recalculated it
 * (LibreOffice in the tests), never from xlspark.
 */
public final class WorkbookGenerator {
  private final XSSFWorkbook wb = new XSSFWorkbook();
  private XSSFSheet sheet;

  /** Starts (or returns to) a sheet. */
  public WorkbookGenerator sheet(String name) {
    XSSFSheet s = wb.getSheet(name);
    sheet = s != null ? s : wb.createSheet(name);
    return this;
  }

  /** Sets a cell: text starting with '=' is a formula; numbers, booleans and other text are constants. */
  public WorkbookGenerator set(String a1, Object value) {
    CellReference ref = new CellReference(a1);
    return set(ref.getRow(), ref.getCol(), value);
  }

  public WorkbookGenerator set(int row, int col, Object value) {
    XSSFRow r = sheet.getRow(row);
    if (r == null) {
      r = sheet.createRow(row);
    }
    XSSFCell cell = r.createCell(col);
    if (value instanceof Number n) {
      cell.setCellValue(n.doubleValue());
    } else if (value instanceof Boolean b) {
      cell.setCellValue(b);
    } else if (value instanceof String s && s.startsWith("=")) {
      // the text goes into the file as written: POI's formula parser would refuse names and tables defined later
      cell.getCTCell().addNewF().setStringValue(s.substring(1));
    } else if (value != null) {
      cell.setCellValue(value.toString());
    }
    return this;
  }

  /** A defined name; {@code sheetScope} null for workbook scope. */
  public WorkbookGenerator name(String name, String refersTo, String sheetScope) {
    XSSFName n = wb.createName();
    n.setNameName(name);
    if (sheetScope != null) {
      n.setSheetIndex(wb.getSheetIndex(sheetScope));
    }
    n.setRefersToFormula(refersTo);
    return this;
  }

  /** A table over {@code area} of the current sheet, whose first row holds the column names already set. */
  public WorkbookGenerator table(String name, String area) {
    XSSFTable t = sheet.createTable(new AreaReference(area, SpreadsheetVersion.EXCEL2007));
    t.setName(name);
    t.setDisplayName(name);
    t.getCTTable().addNewAutoFilter().setRef(area);
    t.updateHeaders();
    return this;
  }

  public void save(Path file) throws IOException {
    if (file.getParent() != null) {
      Files.createDirectories(file.getParent());
    }
    try (OutputStream out = Files.newOutputStream(file)) {
      wb.write(out);
    }
    wb.close();
  }

  /** The feature corpus: one workbook per theme, written into {@code dir}; returns the files. */
  public static List<Path> corpus(Path dir) throws IOException {
    List<Path> files = new ArrayList<>();
    for (CorpusBook b : CorpusBook.values()) {
      Path f = dir.resolve(b.fileName());
      WorkbookGenerator g = new WorkbookGenerator();
      b.build(g);
      g.save(f);
      files.add(f);
    }
    return files;
  }
}

package xlspark.workbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFTable;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xlspark.eval.EngineOptions;

/** Workbook mode end to end on generated files: references, ranges, sheets, names, tables, cycles, order. */
class WorkbookEvaluatorTest {
  static final EngineOptions OPTIONS = new EngineOptions(Instant.parse("2024-06-15T12:00:00Z"), ZoneId.of("UTC"),
      7, 10_000, 5_000, List.of(), Map.of());

  @TempDir
  Path dir;

  static Map<String, CellResult> evaluate(Path file) throws IOException {
    WorkbookRun.Outcome o = WorkbookRun.run(file, file.getFileName().toString(), 0, OPTIONS, false);
    assertEquals(null, o.summary().failure());
    Map<String, CellResult> byCell = new HashMap<>();
    for (CellResult r : o.cells()) {
      byCell.put(r.sheet() + "!" + r.cell(), r);
    }
    return byCell;
  }

  static void check(Map<String, CellResult> cells, String cell, String value) {
    CellResult r = cells.get(cell);
    assertTrue(r != null, () -> "no formula cell " + cell);
    assertEquals(value, r.value(), () -> cell + " " + r.formula() + ": " + r);
  }

  @Test
  void referencesRangesSheetsAndOrder() throws IOException {
    Workbooks b = Workbooks.xlsx().sheet("Data")
        .set("A1", 1).set("A2", 2).set("A3", "=A1+A2").set("A4", "x").set("A5", true)
        .set("B1", "=SUM(A1:A5)").set("B2", "=SUM(A:A)").set("B3", "=$A$1*10+A$2")
        .set("B4", "=B5+1").set("B5", "=A3*2").set("B6", "=C9").set("C2", "=A1:A3*10")
        .set("B8", "=SUM(A1)").set("B9", "=SUM(A4,1)")
        .sheet("My Sheet").set("A1", "=Data!A3+'My Sheet'!B1").set("B1", 100).set("C1", "=SUM(Data!A1:A3)");
    Map<String, CellResult> c = evaluate(b.save(dir, "refs.xlsx"));
    check(c, "Data!A3", "3");
    check(c, "Data!B1", "6");
    check(c, "Data!B2", "6");
    check(c, "Data!B3", "12");
    check(c, "Data!B4", "7");
    check(c, "Data!B5", "6");
    check(c, "Data!B6", "0");
    check(c, "Data!C2", "20");
    check(c, "Data!B8", "1");
    check(c, "Data!B9", "1");
    check(c, "My Sheet!A1", "103");
    check(c, "My Sheet!C1", "6");
  }

  /** A workbook whose evaluation stops still gives one row per formula cell (issue 12): no cell is missing. */
  @Test
  void aStoppedEvaluationStillGivesEveryFormulaCell() throws IOException {
    Path file = Workbooks.xlsx().sheet("S").set("A1", 1).set("A2", "=A1+1").set("A3", "=A2+1").set("A4", "=A3*2")
        .save(dir, "stopped.xlsx");
    WorkbookModel wb = WorkbookRun.read(file, "stopped.xlsx");
    WorkbookEvaluator ev = new WorkbookEvaluator(wb, new xlspark.eval.FormulaEvaluator(OPTIONS));
    ev.evaluate(wb.sheets().get(0).get(1, 0));
    WorkbookRun.Outcome o = WorkbookRun.unfinished(wb, 0, 0, 0, false, "out of memory while evaluating");
    assertEquals(3, o.cells().size());
    assertEquals("2", o.cells().get(0).value());
    assertEquals("#ERROR!", o.cells().get(1).value());
    assertEquals("not computed: out of memory while evaluating", o.cells().get(2).message());
    assertTrue(o.summary().warnings().get(0).contains("2 formula cells not computed"), o.summary().warnings().toString());
  }

  @Test
  void longChainsDoNotOverflowTheStack() throws IOException {
    Workbooks b = Workbooks.xlsx().sheet("Chain").set("A1", 1);
    for (int r = 2; r <= 20_000; r++) {
      b.set("A" + r, "=A" + (r - 1) + "+1");
    }
    b.set("B1", "=A20000");
    Map<String, CellResult> c = evaluate(b.save(dir, "chain.xlsx"));
    check(c, "Chain!B1", "20000");
  }

  @Test
  void definedNamesInWorkbookAndSheetScope() throws IOException {
    Workbooks b = Workbooks.xlsx().sheet("S1").set("A1", 10).set("B1", 0.5).sheet("S2").set("A1", 3)
        .name("Rate", "S1!$B$1", null).name("Values", "S1!$A$1:$B$1", null).name("Half", "0.5", null)
        .name("Local", "S1!$A$1", "S1").name("Local", "S2!$A$1", "S2")
        .sheet("S1").set("C1", "=A1*Rate").set("C2", "=Local+1").set("C3", "=SUM(Values)").set("C4", "=Half*4")
        .set("C5", "=Unknown+1")
        .sheet("S2").set("C1", "=Local+1");
    Map<String, CellResult> c = evaluate(b.save(dir, "names.xlsx"));
    check(c, "S1!C1", "5");
    check(c, "S1!C2", "11");
    check(c, "S1!C3", "10.5");
    check(c, "S1!C4", "2");
    check(c, "S1!C5", "#NAME?");
    check(c, "S2!C1", "4");
  }

  @Test
  void referenceFunctions() throws IOException {
    Workbooks b = Workbooks.xlsx().sheet("S").set("A1", 1).set("A2", 2).set("A3", 3)
        .set("B1", "=ROW()").set("B2", "=COLUMN(D7)").set("B3", "=SUM(OFFSET(A1,0,0,3,1))")
        .set("B4", "=OFFSET(A1,2,0)").set("B5", "=INDIRECT(\"A\"&2)").set("B6", "=SUM(INDIRECT(\"S!A1:A3\"))")
        .set("B7", "=SUM(ROW(A1:A3))").set("B8", "=INDIRECT(\"R2C1\",FALSE)").set("B9", "=ROW(C5)+COLUMN()")
        .set("C1", "=INDIRECT(\"C2\")").set("C2", "=A3*100").set("C3", "=INDIRECT(\"C3\")")
        .set("D1", "=ISREF(A1)").set("D2", "=ISREF(A1:A3)").set("D3", "=ISREF(\"A1\")").set("D4", "=ISREF(A1+1)");
    Map<String, CellResult> c = evaluate(b.save(dir, "reffns.xlsx"));
    check(c, "S!D1", "TRUE");
    check(c, "S!D2", "TRUE");
    check(c, "S!D3", "FALSE");
    check(c, "S!D4", "FALSE");
    check(c, "S!B1", "1");
    check(c, "S!B2", "4");
    check(c, "S!B3", "6");
    check(c, "S!B4", "3");
    check(c, "S!B5", "2");
    check(c, "S!B6", "6");
    check(c, "S!B9", "7");
    check(c, "S!B8", "2");
    check(c, "S!C1", "300");
    check(c, "S!C3", "0");
    assertTrue(c.get("S!C3").message().startsWith("circular reference: S!C3 -> S!C3"), c.get("S!C3").message());
  }

  @Test
  void tablesAndStructuredReferences() throws IOException {
    XSSFWorkbook wb = new XSSFWorkbook();
    XSSFSheet s = wb.createSheet("Sales");
    String[][] rows = {{"Item", "Qty", "Price", "Total"}, {"a", "2", "1.5", null}, {"b", "4", "2", null}};
    for (int r = 0; r < rows.length; r++) {
      var row = s.createRow(r);
      for (int col = 0; col < 4; col++) {
        String v = rows[r][col];
        if (v == null) {
          continue;
        }
        if (r > 0 && col > 0) {
          row.createCell(col).setCellValue(Double.parseDouble(v));
        } else {
          row.createCell(col).setCellValue(v);
        }
      }
    }
    XSSFTable t = s.createTable(new AreaReference("A1:D3", SpreadsheetVersion.EXCEL2007));
    t.setName("Orders");
    t.setDisplayName("Orders");
    t.updateHeaders();
    s.getRow(1).createCell(3).getCTCell().addNewF().setStringValue("Orders[[#This Row],[Qty]]*Orders[[#This Row],[Price]]");
    s.getRow(2).createCell(3).getCTCell().addNewF().setStringValue("[@Qty]*[@[Price]]");
    s.createRow(5).createCell(0).getCTCell().addNewF().setStringValue("SUM(Orders[Total])");
    s.getRow(5).createCell(1).getCTCell().addNewF().setStringValue("SUM(Orders[[Qty]:[Price]])");
    s.getRow(5).createCell(2).getCTCell().addNewF().setStringValue("SUM(Orders[#All])+SUM(Orders)");
    Path file = dir.resolve("tables.xlsx");
    try (var out = java.nio.file.Files.newOutputStream(file)) {
      wb.write(out);
    }
    Map<String, CellResult> c = evaluate(file);
    check(c, "Sales!D2", "3");
    check(c, "Sales!D3", "8");
    check(c, "Sales!A6", "11");
    check(c, "Sales!B6", "9.5");
    check(c, "Sales!C6", "41");
  }

  /** A spilled range, {@code A1#}, as Excel saves it: {@code _xlfn.ANCHORARRAY(D1)} (issue 12). */
  @Test
  void spilledRangesAreTheArrayFormulasRange() throws IOException {
    XSSFWorkbook wb = new XSSFWorkbook();
    XSSFSheet s = wb.createSheet("S");
    for (int r = 0; r < 3; r++) {
      s.createRow(r).createCell(0).setCellValue(r + 1);
    }
    s.setArrayFormula("A1:A3*2", CellRangeAddress.valueOf("D1:D3"));
    s.getRow(0).createCell(4).getCTCell().addNewF().setStringValue("SUM(_xlfn.ANCHORARRAY(D1))");
    s.getRow(1).createCell(4).getCTCell().addNewF().setStringValue("ROWS(_xlfn.ANCHORARRAY(D1))");
    s.getRow(2).createCell(4).getCTCell().addNewF().setStringValue("SUM(_xlfn.ANCHORARRAY(A1))");
    Path file = dir.resolve("spill.xlsx");
    try (var out = java.nio.file.Files.newOutputStream(file)) {
      wb.write(out);
    }
    Map<String, CellResult> c = evaluate(file);
    check(c, "S!E1", "12");
    check(c, "S!E2", "3");
    check(c, "S!E3", "#REF!");
  }

  /** Array formulas stacked in one column: each range's cells belong to their own formula. */
  @Test
  void arrayFormulasStackedInOneColumn() throws IOException {
    XSSFWorkbook wb = new XSSFWorkbook();
    XSSFSheet s = wb.createSheet("S");
    for (int r = 0; r < 5; r++) {
      s.createRow(r).createCell(0).setCellValue(r + 1);
    }
    s.setArrayFormula("A1:A2*10", CellRangeAddress.valueOf("D1:D2"));
    s.setArrayFormula("A3:A5*100", CellRangeAddress.valueOf("D3:D5"));
    s.getRow(0).createCell(4).setCellFormula("SUM(D1:D5)");
    s.getRow(1).createCell(4).setCellFormula("D4+1");
    Path file = dir.resolve("stacked.xlsx");
    try (var out = java.nio.file.Files.newOutputStream(file)) {
      wb.write(out);
    }
    Map<String, CellResult> c = evaluate(file);
    check(c, "S!E1", "1230");
    check(c, "S!E2", "401");
  }

  @Test
  void arrayFormulasSpreadOverTheirRange() throws IOException {
    XSSFWorkbook wb = new XSSFWorkbook();
    XSSFSheet s = wb.createSheet("S");
    for (int r = 0; r < 3; r++) {
      s.createRow(r).createCell(0).setCellValue(r + 1);
    }
    s.setArrayFormula("A1:A3*2", CellRangeAddress.valueOf("B1:B3"));
    s.getRow(0).createCell(2).setCellFormula("SUM(B1:B3)");
    Path file = dir.resolve("array.xlsx");
    try (var out = java.nio.file.Files.newOutputStream(file)) {
      wb.write(out);
    }
    Map<String, CellResult> c = evaluate(file);
    check(c, "S!B1", "2");
    check(c, "S!C1", "12");
  }

  @Test
  void sharedFormulasAreExpandedAndShareOneTemplate() throws IOException {
    XSSFWorkbook wb = new XSSFWorkbook();
    XSSFSheet s = wb.createSheet("S");
    for (int r = 0; r < 4; r++) {
      var row = s.createRow(r);
      row.createCell(0).setCellValue(r + 1);
      row.createCell(1).setCellValue(10 * (r + 1));
      var f = row.createCell(2).getCTCell().addNewF();
      f.setT(org.openxmlformats.schemas.spreadsheetml.x2006.main.STCellFormulaType.SHARED);
      f.setSi(0);
      if (r == 0) {
        f.setRef("C1:C4");
        f.setStringValue("A1+B1*$A$1+SUM($A$1:A1)");
      }
    }
    Path file = dir.resolve("shared.xlsx");
    try (var out = java.nio.file.Files.newOutputStream(file)) {
      wb.write(out);
    }
    Map<String, CellResult> c = evaluate(file);
    check(c, "S!C1", "12");
    assertEquals("=A4+B4*$A$1+SUM($A$1:A4)", c.get("S!C4").formula());
    check(c, "S!C4", "54");
  }

  @Test
  void formulasThatDifferOnlyInReferencesShareATemplate() throws xlspark.formula.FormulaSyntaxException {
    var a = xlspark.formula.Lexer.shapeWorkbook("=B2+C2*2");
    var b = xlspark.formula.Lexer.shapeWorkbook("=Sheet9!X100+'Other sheet'!C3*7");
    assertEquals(a.shapeKey(), b.shapeKey());
    assertTrue(!a.shapeKey().equals(xlspark.formula.Lexer.shapeWorkbook("=B2:B3+C2*2").shapeKey()));
    assertTrue(!a.shapeKey().equals(xlspark.formula.Lexer.shape("=B2+C2*2").shapeKey()), "modes never share");
  }

  @Test
  void aBadFormulaFailsItsCellOnly() throws IOException {
    Workbooks b = Workbooks.xlsx().sheet("S").set("A1", 2).set("B1", "=A1*3").set("B2", "=NOSUCHFN(A1)+1")
        .set("B3", "=B1+1");
    Map<String, CellResult> c = evaluate(b.save(dir, "bad.xlsx"));
    check(c, "S!B1", "6");
    check(c, "S!B2", "#NAME?");
    check(c, "S!B3", "7");
  }

  @Test
  void xlsFilesToo() throws IOException {
    Workbooks b = Workbooks.xls().sheet("Data").set("A1", 4).set("A2", "=A1*2").set("A3", "=SUM(A1:A2)")
        .sheet("Other").set("A1", "=Data!A3+1");
    Map<String, CellResult> c = evaluate(b.save(dir, "old.xls"));
    check(c, "Data!A3", "12");
    check(c, "Other!A1", "13");
  }
}

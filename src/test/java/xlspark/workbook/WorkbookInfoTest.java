package xlspark.workbook;

import static xlspark.workbook.WorkbookEvaluatorTest.check;
import static xlspark.workbook.WorkbookEvaluatorTest.evaluate;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SHEET, SHEETS, ISFORMULA, FORMULATEXT, AREAS, CELL, INFO and TRIMRANGE answer from the workbook in workbook mode. */
class WorkbookInfoTest {
  @TempDir
  Path dir;

  @Test
  void sheetAndFormulaQuestionsAreAnsweredFromTheWorkbook() throws IOException {
    Workbooks b = Workbooks.xlsx().sheet("Data")
        .set("A1", 1).set("A2", "=A1+1").set("A3", "=_xlfn.CONCAT(\"a\",\"b\")")
        .set("B1", "=SHEET()").set("B2", "=SHEETS()").set("B3", "=ISFORMULA(A2)").set("B4", "=ISFORMULA(A1)")
        .set("B5", "=FORMULATEXT(A2)").set("B6", "=FORMULATEXT(A1)").set("B7", "=AREAS(A1:B2)")
        .set("B8", "=SHEET(Other!A1)").set("B9", "=SHEET(\"other\")").set("B10", "=SHEET(\"nope\")")
        .set("B11", "=FORMULATEXT(A3)").set("B12", "=ISFORMULA(A2:A3)").set("B13", "=SHEETS(A1:B2)")
        .set("B14", "=FORMULATEXT(B14)")
        .sheet("Other").set("A1", "=SHEET()").set("A2", "=SHEETS()");
    Map<String, CellResult> c = evaluate(b.save(dir, "info.xlsx"));
    check(c, "Data!B1", "1");
    check(c, "Data!B2", "2");
    check(c, "Data!B3", "TRUE");
    check(c, "Data!B4", "FALSE");
    check(c, "Data!B5", "=A1+1");
    check(c, "Data!B6", "#N/A");
    check(c, "Data!B7", "1");
    check(c, "Data!B8", "2");
    check(c, "Data!B9", "2");
    check(c, "Data!B10", "#N/A");
    check(c, "Data!B11", "=CONCAT(\"a\",\"b\")");
    check(c, "Data!B12", "TRUE");
    check(c, "Data!B13", "1");
    check(c, "Data!B14", "=FORMULATEXT(B14)");
    check(c, "Other!A1", "2");
    check(c, "Other!A2", "2");
  }

  @Test
  void cellAnswersFromTheWorkbookInEnglishAndLocalizedInfoTypes() throws IOException {
    Workbooks b = Workbooks.xlsx().sheet("Data")
        .set("A1", 1).set("A2", "text").set("A3", "=A1*2")
        .set("B1", "=CELL(\"address\",AV3)").set("B2", "=CELL(\"adresse\",AV3)").set("B3", "=CELL(\"row\",C7)")
        .set("B4", "=CELL(\"col\",C7)").set("B5", "=CELL(\"contents\",A3)").set("B6", "=CELL(\"type\",A2)")
        .set("B7", "=CELL(\"type\",A1)").set("B8", "=CELL(\"type\",Z99)").set("B9", "=CELL(\"filename\",A1)")
        .set("B10", "=CELL(\"address\",Other!B2:C3)").set("B11", "=CELL(\"Zeile\",A5:B9)")
        .set("B12", "=CELL(\"address\")").set("B13", "=CELL(\"inhalt\",A2)").set("B14", "=CELL(\"prefix\",A2)")
        .set("B15", "=INFO(\"numfile\")").set("B16", "=CELL(\"nonsense\",A1)")
        .set("B17", "=ROWS(TRIMRANGE(D1:D10))").set("B18", "=SUM(TRIMRANGE(D1:E10))")
        .set("D3", 4).set("D5", 6)
        .sheet("Other").set("A1", 1);
    Map<String, CellResult> c = evaluate(b.save(dir, "cell.xlsx"));
    check(c, "Data!B1", "$AV$3");
    check(c, "Data!B2", "$AV$3");
    check(c, "Data!B3", "7");
    check(c, "Data!B4", "3");
    check(c, "Data!B5", "2");
    check(c, "Data!B6", "l");
    check(c, "Data!B7", "v");
    check(c, "Data!B8", "b");
    check(c, "Data!B9", "[cell.xlsx]Data");
    check(c, "Data!B10", "[cell.xlsx]Other!$B$2");
    check(c, "Data!B11", "5");
    check(c, "Data!B12", "$B$12");
    check(c, "Data!B13", "text");
    check(c, "Data!B14", "'");
    check(c, "Data!B15", "2");
    check(c, "Data!B16", "#VALUE!");
    check(c, "Data!B17", "3");
    check(c, "Data!B18", "10");
  }
}

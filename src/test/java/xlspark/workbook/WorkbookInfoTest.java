package xlspark.workbook;

import static xlspark.workbook.WorkbookEvaluatorTest.check;
import static xlspark.workbook.WorkbookEvaluatorTest.evaluate;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SHEET, SHEETS, ISFORMULA, FORMULATEXT and AREAS answer from the workbook in workbook mode. */
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
}

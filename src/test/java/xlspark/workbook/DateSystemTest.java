package xlspark.workbook;

import static xlspark.workbook.WorkbookEvaluatorTest.check;
import static xlspark.workbook.WorkbookEvaluatorTest.evaluate;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.apache.poi.hssf.record.DateWindow1904Record;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Workbooks saved in the 1904 date system (serial 0 is 1904-01-01): dates are the ones Excel shows for them
 * (DateFormatTests.xlsx was 1,462 days off), and the next workbook is back in the 1900 system (issue 12).
 */
class DateSystemTest {
  @TempDir
  Path dir;

  private static Workbooks dates(Workbooks b) {
    return b.sheet("S").set("C1", 1).set("C2", 17816.607951388887)
        .set("A1", "=TEXT(C1,\"yyyy-mm-dd\")").set("A2", "=TEXT(C2,\"dddd d mmmm yyyy h:mm AM/PM\")")
        .set("A3", "=DATE(2003,2,1)").set("A4", "=WEEKDAY(A3)").set("A5", "=YEAR(C2)")
        .set("A6", "=TEXT(DATE(2003,2,1),\"ddd yyyy-mm-dd\")").set("A7", "=DATEVALUE(\"1904-01-05\")")
        .set("A8", "=DATE(1903,12,31)");
  }

  private static void check1904(Map<String, CellResult> c) {
    check(c, "S!A1", "1904-01-02");
    check(c, "S!A2", "Saturday 11 October 1952 2:35 PM");
    check(c, "S!A3", "36191");
    check(c, "S!A4", "7");
    check(c, "S!A5", "1952");
    check(c, "S!A6", "Sat 2003-02-01");
    check(c, "S!A7", "4");
    check(c, "S!A8", "#NUM!");
  }

  @Test
  void xlsxWorkbookPrDate1904() throws IOException {
    Workbooks b = dates(Workbooks.xlsx());
    ((XSSFWorkbook) b.poi()).getCTWorkbook().addNewWorkbookPr().setDate1904(true);
    check1904(evaluate(b.save(dir, "mac.xlsx")));
    Map<String, CellResult> c = evaluate(dates(Workbooks.xlsx()).save(dir, "windows.xlsx"));
    check(c, "S!A1", "1900-01-01");
    check(c, "S!A3", "37653");
  }

  @Test
  void xlsDatemodeRecord() throws IOException {
    Workbooks b = dates(Workbooks.xls());
    ((DateWindow1904Record) ((HSSFWorkbook) b.poi()).getInternalWorkbook()
        .findFirstRecordBySid(DateWindow1904Record.sid)).setWindowing((short) 1);
    check1904(evaluate(b.save(dir, "mac.xls")));
  }
}

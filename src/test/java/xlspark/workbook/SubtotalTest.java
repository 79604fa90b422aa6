package xlspark.workbook;

import static xlspark.workbook.WorkbookEvaluatorTest.check;
import static xlspark.workbook.WorkbookEvaluatorTest.evaluate;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SUBTOTAL and AGGREGATE over ranges as Excel reads them (issue 12): rows an AutoFilter hides are left out by
 * 1-11, every hidden row by 101-111; cells that are SUBTOTAL or AGGREGATE formulas are not counted twice.
 */
class SubtotalTest {
  @TempDir
  Path dir;

  private static Workbooks data(Workbooks b, String sheet) {
    b.sheet(sheet).set("A1", "x").set("A2", 1).set("A3", 2).set("A4", 4).set("A5", 8).set("A6", 16)
        .set("A7", "=SUBTOTAL(9,A2:A6)")
        .set("B1", "=SUBTOTAL(9,A2:A6)").set("B2", "=SUBTOTAL(109,A2:A6)").set("B3", "=SUBTOTAL(9,A2:A7)")
        .set("B4", "=AGGREGATE(9,5,A2:A6)").set("B5", "=AGGREGATE(9,4,A2:A7)").set("B6", "=SUBTOTAL(2,A1:A7)")
        .set("B7", "=SUBTOTAL(9,A2:A6,A2)");
    b.poi().getSheet(sheet).getRow(2).setZeroHeight(true);
    b.poi().getSheet(sheet).getRow(4).setZeroHeight(true);
    return b;
  }

  /** Adds {@code <filterColumn colId="0"/>} (the schema class is not in POI's lite jar). */
  private static void criterion(org.apache.xmlbeans.XmlObject autoFilter) {
    org.apache.xmlbeans.XmlCursor cur = autoFilter.newCursor();
    cur.toEndToken();
    cur.beginElement(new javax.xml.namespace.QName(
        "http://schemas.openxmlformats.org/spreadsheetml/2006/main", "filterColumn"));
    cur.insertAttributeWithValue("colId", "0");
    cur.dispose();
  }

  @Test
  void hiddenRowsFiltersAndNestedSubtotals() throws IOException {
    Workbooks b = data(Workbooks.xlsx(), "Filtered");
    XSSFSheet f = (XSSFSheet) b.poi().getSheet("Filtered");
    f.setAutoFilter(CellRangeAddress.valueOf("A1:A6"));
    criterion(f.getCTWorksheet().getAutoFilter());
    data(b, "ByHand");
    Map<String, CellResult> c = evaluate(b.save(dir, "subtotal.xlsx"));
    check(c, "Filtered!B1", "21");
    check(c, "Filtered!B2", "21");
    check(c, "Filtered!B3", "21");
    check(c, "ByHand!B1", "31");
    check(c, "ByHand!B2", "21");
    check(c, "ByHand!B3", "31");
    check(c, "ByHand!B4", "21");
    check(c, "ByHand!B5", "62");
    check(c, "ByHand!B6", "5");
    check(c, "ByHand!B7", "32");
    Map<String, CellResult> x = evaluate(data(Workbooks.xls(), "ByHand").save(dir, "subtotal.xls"));
    check(x, "ByHand!B1", "31");
    check(x, "ByHand!B2", "21");
  }

  /** Tables: an AutoFilter with a criterion filters its hidden rows; one without leaves them hidden by hand. */
  @Test
  void tablesWithAndWithoutACriterion() throws IOException {
    Workbooks b = Workbooks.xlsx();
    for (String name : new String[] {"Sales", "Kept"}) {
      b.sheet(name).set("A1", "Amount").set("A2", 1).set("A3", 2).set("A4", 4)
          .set("C1", "=SUBTOTAL(9," + name + "T[Amount])").set("C2", "=SUBTOTAL(109," + name + "T[Amount])");
      XSSFSheet s = (XSSFSheet) b.poi().getSheet(name);
      s.getRow(2).setZeroHeight(true);
      org.apache.poi.xssf.usermodel.XSSFTable t = s.createTable(
          new org.apache.poi.ss.util.AreaReference("A1:A4", org.apache.poi.ss.SpreadsheetVersion.EXCEL2007));
      t.setName(name + "T");
      t.setDisplayName(name + "T");
      t.updateHeaders();
      var filter = t.getCTTable().isSetAutoFilter() ? t.getCTTable().getAutoFilter() : t.getCTTable().addNewAutoFilter();
      filter.setRef("A1:A4");
      if (name.equals("Sales")) {
        criterion(filter);
      }
    }
    Map<String, CellResult> c = evaluate(b.save(dir, "tables.xlsx"));
    check(c, "Sales!C1", "5");
    check(c, "Sales!C2", "5");
    check(c, "Kept!C1", "7");
    check(c, "Kept!C2", "5");
  }
}

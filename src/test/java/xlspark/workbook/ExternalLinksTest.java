package xlspark.workbook;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static xlspark.workbook.WorkbookEvaluatorTest.check;
import static xlspark.workbook.WorkbookEvaluatorTest.evaluate;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * References to other workbooks read the values Excel saved for them in the file, as Excel shows a link it does
 * not refresh (issue 12). Expected values are the ones Excel cached in these books (Apache POI's test data).
 */
class ExternalLinksTest {
  static Path book(String name) {
    try {
      return Path.of(ExternalLinksTest.class.getResource("/excel-truth/books/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void linked(Map<String, CellResult> c, String cell, String book) {
    assertTrue(c.get(cell).message() != null && c.get(cell).message().contains("linked workbook " + book),
        () -> cell + ": " + c.get(cell).message());
  }

  /** .xls: SUPBOOK names the workbook and its sheets, XCT/CRN records hold the values. */
  @Test
  void xlsCellsAndAreasOfLinkedWorkbooks() throws IOException {
    Map<String, CellResult> c = evaluate(book("27364.xls"));
    check(c, "Sheet1!A1", "100");
    check(c, "Sheet1!A2", "200");
    check(c, "Sheet1!A3", "300");
    linked(c, "Sheet1!A1", "link_sub.xls");
    Map<String, CellResult> m = evaluate(book("multibookFormulaB.xls"));
    check(m, "BSheet1!A1", "42");
    check(m, "BSheet1!B2", "64");
    linked(m, "BSheet1!B2", "multibookFormulaA.xls");
  }

  /** .xls: names defined in the linked workbook (EXTERNNAME), written by their bare name. */
  @Test
  void xlsNamesOfALinkedWorkbook() throws IOException {
    Map<String, CellResult> c = evaluate(book("XRefCalc.xls"));
    check(c, "Sheet1!C2", "12.3");
    check(c, "Sheet1!D2", "24.6");
    // Markup_Cost of the workbook (CostSheet!B5), of its MarkupSheet (B1) and of its MarkupTestSheet (B1): POI writes
    // all three by the bare name; the sheet-scoped ones are written again with their sheet
    check(c, "Sheet1!E2", "36.900000000000006");
    check(c, "Sheet1!E3", "44.28");
    check(c, "Sheet1!E4", "46.74");
    linked(c, "Sheet1!C2", "XRefCalcData.xls");
  }

  /** .xlsx: externalLinks parts, {@code [N]Sheet!A1}, {@code [N]!Name} and {@code [N]Sheet!Name}. */
  @Test
  void xlsxExternalLinkParts() throws IOException {
    Map<String, CellResult> c = evaluate(book("ref2-56737.xlsx"));
    check(c, "Refs!E3", "Hello!");
    check(c, "Refs!G3", "Test A1");
    check(c, "Refs!I3", "142");
    check(c, "Refs!E5", "Hello!");
    check(c, "Refs!G5", "Test A1");
    check(c, "Refs!I5", "142");
    linked(c, "Refs!E3", "56737.xlsx");
  }
}

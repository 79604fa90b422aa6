package xlspark.workbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static xlspark.workbook.WorkbookEvaluatorTest.check;
import static xlspark.workbook.WorkbookEvaluatorTest.evaluate;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reference forms Excel writes into real files, on workbooks generated with POI (issue 12). */
class ReferenceSyntaxTest {
  @TempDir
  Path dir;

  /**
   * A sheet deleted after formulas referred to it: Excel (and POI reading an .xls) writes {@code #REF!A1}. The
   * formula still parses; the reference is #REF!, and a branch that does not use it is unaffected
   * (57231_MixedGasReport.xls: 6,665 cells failed to parse).
   */
  @Test
  void deletedSheetReferencesParseAndGiveRef() throws IOException {
    Workbooks b = Workbooks.xls().sheet("Main").set("A1", 2)
        .set("B1", "=IF(A1=2,10,VLOOKUP(A1,Gone!$B$2:$C$3,2))").set("B2", "=IF(A1=2,Gone!A1,1)")
        .set("B3", "=B1*2").set("B4", "=ISERROR(Gone!A1)")
        .sheet("Gone").set("A1", 5);
    b.poi().removeSheetAt(1);
    Path file = b.save(dir, "deleted.xls");
    Map<String, CellResult> c = evaluate(file);
    assertTrue(c.get("Main!B1").formula().contains("#REF!$B$2:$C$3"), c.get("Main!B1").formula());
    check(c, "Main!B1", "10");
    check(c, "Main!B2", "#REF!");
    assertTrue(c.get("Main!B2").message().contains("deleted sheet"), c.get("Main!B2").message());
    check(c, "Main!B3", "20");
    check(c, "Main!B4", "TRUE");
  }

  /** Reference operators in Excel's own files: intersection (a space) and the range operator between sheets. */
  @Test
  void referenceOperatorsInExcelFiles() throws IOException {
    Map<String, CellResult> c = evaluate(ExternalLinksTest.book("Intersection-52111.xls"));
    check(c, "Tabelle1!A3", "4");
    check(c, "Tabelle1!A7", "5");
    check(c, "Tabelle1!A9", "#VALUE!");
    Map<String, CellResult> v = evaluate(ExternalLinksTest.book("27349-vlookupAcrossSheets.xls"));
    check(v, "TEST!A2", "3");
  }

  /** Intersection, union, the range operator between computed references, and 3-D references. */
  @Test
  void intersectionUnionRangeAndThreeDimensionalReferences() throws IOException {
    Workbooks b = Workbooks.xlsx().sheet("One").set("A1", 1).set("A2", 2).set("A3", 3).set("A4", 4).set("A5", 5)
        .set("B2", 20).set("C2", 30).set("B3", 300)
        .set("D1", "=SUM(A1:INDEX(A1:A5,3))").set("D2", "=SUM((A1:A2,A4))").set("D3", "=A1:A3 A2:C2")
        .set("D4", "=B:B 3:3").set("D5", "=A1 B2").set("D6", "=SUM(One:Three!A1)").set("D7", "=SUM('One:Three'!A1:A2)")
        .set("D8", "=COUNT(One:Three!A1:A3)").set("D9", "=SUM(OFFSET(A1,1,0):A4)").set("D10", "=SUM(One!A1:One!A3)")
        .set("D11", "=SUM( A1 , A2 )+IF(A1 = 1, A2 , 0)").set("D12", "=SUM(A1:A5 A3:C4)")
        .sheet("Two").set("A1", 10).set("A2", 20)
        .sheet("Three").set("A1", 100);
    Map<String, CellResult> c = evaluate(b.save(dir, "operators.xlsx"));
    check(c, "One!D1", "6");
    check(c, "One!D2", "7");
    check(c, "One!D3", "2");
    check(c, "One!D4", "300");
    check(c, "One!D5", "#NULL!");
    check(c, "One!D6", "111");
    check(c, "One!D7", "133");
    check(c, "One!D8", "6");
    check(c, "One!D9", "9");
    check(c, "One!D10", "6");
    check(c, "One!D11", "5");
    check(c, "One!D12", "7");
  }

  /** A workbook's own VBA functions are out of reach: the message says so (testNames.xlsm, 27852.xls). */
  @Test
  void userDefinedFunctionsAreNamedInTheMessage() throws IOException {
    Workbooks b = Workbooks.xlsx().sheet("S").set("A1", "=MYFUNC(1)+1").set("A2", "=NOSUCH(1)");
    ((org.apache.poi.xssf.usermodel.XSSFWorkbook) b.poi()).setVBAProject(new java.io.ByteArrayInputStream(new byte[8]));
    Map<String, CellResult> c = evaluate(b.save(dir, "macros.xlsm"));
    check(c, "S!A1", "#NAME?");
    assertTrue(c.get("S!A1").message().contains("MYFUNC: a user-defined (VBA) function"), c.get("S!A1").message());
    Map<String, CellResult> plain = evaluate(Workbooks.xlsx().sheet("S").set("A2", "=NOSUCH(1)").save(dir, "plain.xlsx"));
    assertEquals("unknown function NOSUCH", plain.get("S!A2").message());
  }

  /** The .xlsx spellings: {@code #REF!A1}, {@code Sheet!#REF!}, {@code #REF!#REF!}, and names defined so. */
  @Test
  void deletedReferencesInXlsxFormulasAndNames() throws IOException {
    Workbooks b = Workbooks.xlsx().sheet("S").set("A1", 1)
        .set("B1", "=#REF!A1+1").set("B2", "=IF(A1=1,3,S!#REF!)").set("B3", "=SUM(S!#REF!)")
        .set("B4", "=#REF!#REF!").set("B5", "=IFERROR(#REF!$A$1:$B$2,7)").set("B6", "=Lost+1")
        .name("Lost", "#REF!$A$3", null);
    Map<String, CellResult> c = evaluate(b.save(dir, "deleted.xlsx"));
    check(c, "S!B1", "#REF!");
    check(c, "S!B2", "3");
    check(c, "S!B3", "#REF!");
    check(c, "S!B4", "#REF!");
    check(c, "S!B5", "7");
    check(c, "S!B6", "#REF!");
    assertEquals("ERROR", c.get("S!B1").type());
  }
}

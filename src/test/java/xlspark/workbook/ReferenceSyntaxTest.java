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

package xlspark.workbook;

import static xlspark.workbook.WorkbookEvaluatorTest.check;
import static xlspark.workbook.WorkbookEvaluatorTest.evaluate;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lookups as Excel computes them over cells (issue 12): an empty cell looked up approximately finds 0
 * (excel-truth tests__fixtures__lookup.xlsx: VLOOKUP, HLOOKUP, LOOKUP and MATCH of an empty cell).
 */
class LookupInWorkbooksTest {
  @TempDir
  Path dir;

  @Test
  void anEmptyLookupValueFindsZero() throws IOException {
    Workbooks b = Workbooks.xlsx().sheet("S")
        .set("A1", 0).set("A2", 1).set("A3", 2).set("B1", "a").set("B2", "e").set("B3", "i")
        .set("F1", 0).set("G1", 1).set("F2", "x").set("G2", "y")
        .set("D1", "=VLOOKUP(C1,A1:B3,2)").set("D2", "=MATCH(C1,A1:A3,-1)").set("D3", "=LOOKUP(C1,A1:A3,B1:B3)")
        .set("D4", "=HLOOKUP(C1,F1:G2,2)").set("D5", "=MATCH(C1,A1:A3)").set("D6", "=LOOKUP(C1,B1:B3)");
    Map<String, CellResult> c = evaluate(b.save(dir, "lookup.xlsx"));
    check(c, "S!D1", "a");
    check(c, "S!D2", "1");
    check(c, "S!D3", "a");
    check(c, "S!D4", "x");
    check(c, "S!D5", "1");
    check(c, "S!D6", "#N/A");
  }
}

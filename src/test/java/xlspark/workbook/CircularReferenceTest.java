package xlspark.workbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static xlspark.workbook.WorkbookEvaluatorTest.check;
import static xlspark.workbook.WorkbookEvaluatorTest.evaluate;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.apache.poi.hssf.record.IterationRecord;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTCalcPr;

/**
 * Circular references as Excel computes them (issue 12): without iterative calculation a cell that uses a cycle
 * is not calculated and shows its saved value (0 without one), the cycle named in the message; a cycle only on
 * paper (an IF branch not taken) is no cycle; with iterative calculation the cycle is iterated.
 */
class CircularReferenceTest {
  @TempDir
  Path dir;

  private static Workbooks cycles(Workbooks b) {
    return b.sheet("S")
        .set("A1", "=B1+1").set("B1", "=C1+1").set("C1", "=A1+1").set("D1", "=A1*2")
        .set("A2", "=A2+1").set("B2", 5).set("C2", "=B2*2")
        .set("A3", false).set("B3", "=IF(A3,C3,1)").set("C3", "=B3").set("D3", "=C3+1")
        .set("A4", "=OR(FALSE,B4)").set("B4", "=A4").cached("B4", 3);
  }

  private static void checkCycles(Map<String, CellResult> c) {
    for (String cell : new String[] {"S!A1", "S!B1", "S!C1"}) {
      check(c, cell, "0");
      assertTrue(c.get(cell).message().startsWith("circular reference: S!A1 -> S!B1 -> S!C1 -> S!A1"),
          c.get(cell).message());
      assertTrue(c.get(cell).message().contains("shows the value saved in the file"), c.get(cell).message());
    }
    check(c, "S!D1", "0");
    assertTrue(c.get("S!D1").message().startsWith("depends on the circular reference S!A1 -> S!B1"),
        c.get("S!D1").message());
    check(c, "S!A2", "0");
    assertTrue(c.get("S!A2").message().contains("S!A2 -> S!A2"), c.get("S!A2").message());
    check(c, "S!C2", "10");
    check(c, "S!B3", "1");
    check(c, "S!C3", "1");
    check(c, "S!D3", "2");
    assertNull(c.get("S!B3").message());
    check(c, "S!A4", "0");
    check(c, "S!B4", "3");
  }

  @Test
  void withoutIterationCellsOfACycleShowTheirSavedValue() throws IOException {
    checkCycles(evaluate(cycles(Workbooks.xlsx()).save(dir, "cycles.xlsx")));
    checkCycles(evaluate(cycles(Workbooks.xls()).save(dir, "cycles.xls")));
  }

  /** An array formula evaluates IF over arrays on both branches: reading a cell of a cycle is using it. */
  @Test
  void arrayFormulasUseEveryCellTheyRead() throws IOException {
    Workbooks b = Workbooks.xlsx().sheet("S").set("A1", false).set("A2", false)
        .set("B1", "=C1").set("C1", "=D1").set("E1", "=B1+1");
    ((org.apache.poi.xssf.usermodel.XSSFSheet) b.poi().getSheet("S")).setArrayFormula("IF(A1:A2,B1:B2,1)",
        org.apache.poi.ss.util.CellRangeAddress.valueOf("D1:D2"));
    Map<String, CellResult> c = evaluate(b.save(dir, "array.xlsx"));
    check(c, "S!D1", "0");
    check(c, "S!C1", "0");
    check(c, "S!E1", "0");
  }

  private static Workbooks converging(Workbooks b) {
    return b.sheet("S").set("E4", 6).set("E5", "=0.1*(E4+E6)").set("E6", "=E4+E5");
  }

  private static void iterate(Workbooks b) {
    CTCalcPr calc = ((XSSFWorkbook) b.poi()).getCTWorkbook().addNewCalcPr();
    calc.setIterate(true);
    calc.setIterateCount(100);
    calc.setIterateDelta(0.001);
  }

  @Test
  void iterativeCalculationIteratesUntilTheMaximumChange() throws IOException {
    Workbooks b = converging(Workbooks.xlsx());
    iterate(b);
    Map<String, CellResult> c = evaluate(b.save(dir, "iterate.xlsx"));
    double e5 = c.get("S!E5").number();
    double e6 = c.get("S!E6").number();
    assertEquals(4.0 / 3, e5, 0.001);
    assertEquals(22.0 / 3, e6, 0.001);
    assertTrue(Math.abs(e5 - 4.0 / 3) > 1e-6, "stops at the maximum change, not at the fixed point: " + e5);
    assertTrue(c.get("S!E5").message().contains("iterative calculation: 6 iterations"), c.get("S!E5").message());
  }

  /** Saved values that one more iteration moves by less than the maximum change are Excel's result (57535.xlsx). */
  @Test
  void savedValuesWithinTheMaximumChangeAreKept() throws IOException {
    Workbooks b = converging(Workbooks.xlsx()).cached("E5", 1.33333326).cached("E6", 7.33333326);
    iterate(b);
    Map<String, CellResult> c = evaluate(b.save(dir, "kept.xlsx"));
    check(c, "S!E5", "1.33333326");
    check(c, "S!E6", "7.33333326");
    assertTrue(c.get("S!E6").message().contains("already agree within 0.001"), c.get("S!E6").message());
  }

  /** The .xls ITERATION record turns iteration on as calcPr does. */
  @Test
  void xlsIterationRecord() throws IOException {
    Workbooks b = converging(Workbooks.xls());
    ((HSSFWorkbook) b.poi()).getSheetAt(0).getSheet().visitContainedRecords(r -> {
      if (r instanceof IterationRecord it) {
        it.setIteration(true);
      }
    }, 0);
    Map<String, CellResult> c = evaluate(b.save(dir, "iterate.xls"));
    assertEquals(4.0 / 3, c.get("S!E5").number(), 0.001);
  }
}

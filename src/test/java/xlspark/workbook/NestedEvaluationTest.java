package xlspark.workbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xlspark.eval.EngineOptions;

/**
 * Issue 16 section 4: a defined name or an INDIRECT target evaluated in the middle of a cell keeps the cell's
 * budget and its random stream, and defined names that refer to each other in a circle are an error naming
 * the circle.
 */
class NestedEvaluationTest {
  @TempDir
  Path dir;

  static Map<String, CellResult> run(Path file, EngineOptions options) {
    WorkbookRun.Outcome o = WorkbookRun.run(file, file.getFileName().toString(), 0, options, false);
    assertEquals(null, o.summary().failure());
    Map<String, CellResult> byCell = new HashMap<>();
    for (CellResult r : o.cells()) {
      byCell.put(r.sheet() + "!" + r.cell(), r);
    }
    return byCell;
  }

  /**
   * 150 names, each over a million cells, in one cell under a 1 s budget: 150 nested evaluations of about 20 ms
   * each. (Each name is evaluated once per formula however often it appears, hence 150 names.)
   */
  @Test
  void issue16_aNestedNameKeepsTheCellsBudget() throws Exception {
    StringBuilder f = new StringBuilder("=0");
    Workbooks b = Workbooks.xlsx().sheet("S");
    for (int i = 0; i < 150; i++) {
      f.append("+heavy").append(i);
      b.name("heavy" + i, "SUMPRODUCT(ROW(S!$A$1:$A$1000000)*" + i + ")", null);
    }
    Path file = b.set("A1", f.toString()).set("A2", "=1+1").save(dir, "budget.xlsx");
    long t0 = System.nanoTime();
    Map<String, CellResult> c = run(file, WorkbookEvaluatorTest.OPTIONS.withTimeoutMillis(1_000));
    long ms = (System.nanoTime() - t0) / 1_000_000;
    System.out.println("150 names over a million cells under a 1 s budget: " + c.get("S!A1").value() + " "
        + c.get("S!A1").message() + " after " + ms + " ms");
    assertEquals("#ERROR!", c.get("S!A1").value(), () -> c.get("S!A1").value() + " " + c.get("S!A1").message());
    assertTrue(c.get("S!A1").message().startsWith("time-out"), c.get("S!A1").message());
    assertEquals("2", c.get("S!A2").value());
    assertTrue(ms < 4_000, ms + " ms");
  }

  /** Each use of a RAND() name draws anew from the cell's stream, as each cell's own RAND() does. */
  @Test
  void issue16_aNestedNameDrawsFromTheCellsRandomStream() throws Exception {
    Path file = Workbooks.xlsx().sheet("S").set("A1", "=rnd").set("A2", "=rnd").set("A3", "=RAND()-rnd")
        .name("rnd", "RAND()", null).save(dir, "rand.xlsx");
    Map<String, CellResult> c = run(file, WorkbookEvaluatorTest.OPTIONS);
    assertNotEquals(c.get("S!A1").value(), c.get("S!A2").value());
    assertNotEquals("0", c.get("S!A3").value());
    assertEquals(c, run(file, WorkbookEvaluatorTest.OPTIONS), "the same draws on a second run");
  }

  /**
   * A cell reached by INDIRECT is evaluated on demand in the middle of another; the other's later RAND() draws
   * continue its own stream, so the result is the one it has when the target was evaluated first.
   */
  @Test
  void issue16_anIndirectTargetKeepsTheEnclosingRandomStream() throws Exception {
    Path onDemand = Workbooks.xlsx().sheet("S").set("C1", "=RAND()-0*INDIRECT(\"D1\")-RAND()").set("D1", "=RAND()")
        .save(dir, "indirect.xlsx");
    Path inOrder = Workbooks.xlsx().sheet("S").set("C1", "=RAND()-0*D1-RAND()").set("D1", "=RAND()")
        .save(dir, "direct.xlsx");
    Map<String, CellResult> a = run(onDemand, WorkbookEvaluatorTest.OPTIONS);
    Map<String, CellResult> b = run(inOrder, WorkbookEvaluatorTest.OPTIONS);
    assertEquals(b.get("S!D1").value(), a.get("S!D1").value());
    assertEquals(b.get("S!C1").value(), a.get("S!C1").value());
  }

  @Test
  void issue16_circularDefinedNamesAreAnErrorNamingTheCircle() throws Exception {
    Path file = Workbooks.xlsx().sheet("S").set("A1", "=first").set("A2", "=solo*2").set("A3", "=ok+1")
        .name("first", "second+1", null).name("second", "third*2", null).name("third", "first", null)
        .name("solo", "solo+1", null).name("ok", "40+1", null).save(dir, "names.xlsx");
    Map<String, CellResult> c = run(file, WorkbookEvaluatorTest.OPTIONS);
    System.out.println("circular names: " + c.get("S!A1").message() + " | " + c.get("S!A2").message());
    assertEquals("#ERROR!", c.get("S!A1").value(), c.get("S!A1")::toString);
    assertTrue(c.get("S!A1").message().contains("FIRST -> SECOND -> THIRD -> FIRST"), c.get("S!A1")::toString);
    assertEquals("#ERROR!", c.get("S!A2").value(), c.get("S!A2")::toString);
    assertTrue(c.get("S!A2").message().contains("SOLO -> SOLO"), c.get("S!A2")::toString);
    assertEquals("42", c.get("S!A3").value());
  }
}

package xlspark.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** One real JShell, running in this JVM as the kernel's does. */
public class CellEvaluatorTest {
  static final AtomicInteger STOPS = new AtomicInteger();
  /** Released by a cell once it runs, so the interrupt test stops a cell that is really running. */
  public static final CountDownLatch RUNNING = new CountDownLatch(1);

  static CellEvaluator cells;

  @BeforeAll
  static void start() {
    cells = new CellEvaluator(System.getProperty("java.class.path"), STOPS::incrementAndGet);
  }

  @AfterAll
  static void close() {
    cells.close();
  }

  @Test
  void lastExpressionIsTheCellsValueAsAnObject() throws Exception {
    Object v = cells.eval("int a = 40;\nStringBuilder b = new StringBuilder(\"x\");\nb.append(a + 2)");
    assertInstanceOf(StringBuilder.class, v);
    assertEquals("x42", v.toString());
    assertEquals(42, cells.eval("a + 2"));
  }

  @Test
  void declarationsAndStatementsHaveNoValue() throws Exception {
    assertNull(cells.eval("String name = \"xl\";"));
    assertNull(cells.eval("void hello() { }"));
    assertNull(cells.eval("hello();"));
    assertEquals("xl!", cells.eval("name + \"!\""));
  }

  @Test
  void aCellIsCutIntoJShellSnippets() {
    assertEquals(List.of("int x = 1;", "x + 1"), cells.snippets("int x = 1;\nx + 1\n").stream().map(String::strip).toList());
    assertEquals(3, cells.snippets("class P { int f() { return 1; } }\nvar p = new P();\np.f()").size());
  }

  @Test
  void compileErrorPointsAtTheSource() {
    CompilationException e = assertThrows(CompilationException.class, () -> cells.eval("int ok = 1;\nint y = \"text\";"));
    List<String> lines = e.lines();
    assertTrue(lines.contains("int y = \"text\";"), lines::toString);
    assertTrue(lines.stream().anyMatch(l -> l.strip().startsWith("^")), lines::toString);
    assertTrue(e.getMessage().contains("incompatible types"), e.getMessage());
  }

  @Test
  void undeclaredNameIsACompileError() {
    CompilationException e = assertThrows(CompilationException.class, () -> cells.eval("noSuchVariable + 1"));
    assertTrue(e.getMessage().contains("noSuchVariable"), e.getMessage());
  }

  @Test
  void cellExceptionsArriveAsThrownAndStopTheCell() throws Exception {
    cells.eval("int counter = 0;");
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> cells.eval("counter++;\nif (true) throw new IllegalStateException(\"bad row 7\");\ncounter++;"));
    assertEquals("bad row 7", e.getMessage());
    assertEquals(1, cells.eval("counter"));
  }

  @Test
  void cellsRunWithTheirOwnClassLoaderAsContextLoader() throws Exception {
    Object same = cells.eval("class Marker {}\nThread.currentThread().getContextClassLoader() == Marker.class.getClassLoader()");
    assertEquals(Boolean.TRUE, same);
  }

  @Test
  void cellsShareClassesWithTheKernel() throws Exception {
    Object v = cells.eval("new xlspark.notebook.BarChart(\"t\", \"s\").add(\"a\", \"b\", 1)");
    assertInstanceOf(BarChart.class, v);
  }

  @Test
  void interruptStopsARunningCellAndRunsTheStopHook() throws Exception {
    ExecutorService caller = Executors.newSingleThreadExecutor();
    try {
      int stopsBefore = STOPS.get();
      Future<Object> f = caller.submit(() -> cells.eval(
          "{ xlspark.notebook.CellEvaluatorTest.RUNNING.countDown(); Thread.sleep(60_000); }\n\"not interrupted\""));
      while (!RUNNING.await(100, TimeUnit.MILLISECONDS)) {
        if (f.isDone()) {
          f.get(); // the cell failed before it ran: show why
        }
      }
      cells.stop();
      java.util.concurrent.ExecutionException e =
          assertThrows(java.util.concurrent.ExecutionException.class, () -> f.get(30, TimeUnit.SECONDS));
      assertInstanceOf(CancellationException.class, e.getCause());
      assertEquals(stopsBefore + 1, STOPS.get());
      assertEquals(3, cells.eval("1 + 2"), "the next cell runs");
    } finally {
      caller.shutdownNow();
    }
  }

  @Test
  void completenessAndCompletion() {
    assertEquals("complete", cells.isComplete("int q = 1;"));
    assertEquals("    ", cells.isComplete("for (int i = 0; i < 3; i++) {"));
    // the cursor's snippet only: the first line is complete on its own
    CellEvaluator.Completions c = cells.complete("int q2 = 1;\n\"abc\".toUpperC", 25);
    assertTrue(c.replacements().contains("toUpperCase("), c.toString());
    assertEquals(18, c.start());
  }

  @Test
  void caretLineUnderTheSpan() {
    assertEquals(List.of("b = x + 1;", "    ^"), CellEvaluator.pointAt("a;\nb = x + 1;\nc;", 7, 8));
  }

  @Test
  void sameValueObjectNotACopy() throws Exception {
    cells.eval("Object held = new Object();");
    Object a = cells.eval("held");
    Object b = cells.eval("held");
    assertSame(a, b);
  }
}

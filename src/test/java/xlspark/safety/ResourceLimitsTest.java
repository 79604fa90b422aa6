package xlspark.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import xlspark.eval.EngineOptions;
import xlspark.eval.EvalOutcome;
import xlspark.eval.FormulaEvaluator;
import xlspark.eval.ResultType;
import xlspark.eval.StepClock;
import xlspark.eval.VariableSource;
import xlspark.functions.library.FunctionRegistry;

/**
 * Each per-expression limit, with Excel's value where Excel has one: text length, array cells, nesting,
 * arguments, formula length, time budget, and the stack. A limit hit is an error row; the next row is fine.
 */
class ResourceLimitsTest {
  static final EngineOptions OPTIONS = new EngineOptions(Instant.parse("2024-06-15T12:00:00Z"), ZoneId.of("UTC"),
      7, 1_000, 5_000, List.of(), Map.of());

  static EvalOutcome eval(FormulaEvaluator ev, String formula) {
    return ev.evaluate(formula, VariableSource.NONE, 1);
  }

  /** A row constant {1,2,...,n} and a column constant {1;2;...;n}. */
  static String row(int n) {
    return IntStream.rangeClosed(1, n).mapToObj(Integer::toString).collect(Collectors.joining(",", "{", "}"));
  }

  static String column(int n) {
    return IntStream.rangeClosed(1, n).mapToObj(Integer::toString).collect(Collectors.joining(";", "{", "}"));
  }

  /** A row (or, with ';', a column) of n one-digit numbers 1..9, 1..9...: short text for a big array. */
  static String digits(int n, String separator) {
    return IntStream.range(0, n).mapToObj(i -> Integer.toString(i % 9 + 1))
        .collect(Collectors.joining(separator, "{", "}"));
  }

  static long allocatedBytes() {
    return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
  }

  @Test
  void textLongerThan32767IsValueErrorWithoutAllocatingIt() {
    FormulaEvaluator ev = new FormulaEvaluator(OPTIONS);
    assertEquals("32767", eval(ev, "=LEN(REPT(\"x\",32767))").value());
    eval(ev, "=REPT(\"x\",1E9)");
    // Refused before it is built: what this thread allocated says so, however busy the machine is (a gigabyte
    // of text built and dropped would show as 2 GB here).
    long bytes = allocatedBytes();
    EvalOutcome huge = eval(ev, "=REPT(\"x\",1E9)");
    bytes = allocatedBytes() - bytes;
    assertEquals("#VALUE!", huge.value(), huge::toString);
    System.out.println("REPT(\"x\",1E9): " + huge.value() + ", " + bytes + " bytes allocated");
    assertTrue(bytes < 1_000_000, bytes + " bytes");

    assertEquals("#VALUE!", eval(ev, "=REPT(\"x\",32767)&\"y\"").value());
    assertEquals("#VALUE!", eval(ev, "=REPT(\"ab\",10000)&REPT(\"cd\",10000)").value());
    assertEquals("#VALUE!", eval(ev, "=CONCATENATE(REPT(\"a\",20000),REPT(\"b\",20000))").value());
    String big = "y".repeat(20_000);
    VariableSource vars = name -> name.equals("X") ? big : VariableSource.UNKNOWN;
    assertEquals("40000".length(), 5);
    assertEquals("#VALUE!", ev.evaluate("=x&x", vars, 2).value());
    assertEquals("20000", ev.evaluate("=LEN(x)", vars, 3).value());
    assertEquals("y", eval(ev, "=LEFT(REPT(\"y\",5),1)").value());
  }

  @Test
  void arraysAreBoundedInCells() {
    FormulaEvaluator ev = new FormulaEvaluator(OPTIONS);
    // A 1,000-wide row times a 1,001-high column would be 1,001,000 cells: over the default million.
    EvalOutcome over = eval(ev, "=SUM(" + row(1000) + "*" + column(1001) + ")");
    assertEquals("#NUM!", over.value(), over::toString);
    assertTrue(over.message().contains("1000000"), over::toString);
    assertEquals(String.valueOf(500500L * 500500L), eval(ev, "=SUM(" + row(1000) + "*" + column(1000) + ")").value());

    FormulaEvaluator small = new FormulaEvaluator(OPTIONS.withLimits(10_000, 100));
    assertEquals("#NUM!", eval(small, "=SUM(" + row(100) + "*" + column(101) + ")").value());
    assertEquals("#NUM!", eval(small, "=SUM(ABS(" + row(101) + "*" + column(100) + "))").value());
    assertEquals("25502500", eval(small, "=SUM(" + row(100) + "*" + column(100) + ")").value());
    // Functions lifted over two arrays broadcast them against each other: bounded the same way.
    assertEquals("#NUM!", eval(small, "=SUM(ROUND(" + row(101) + "," + column(100) + "))").value());
  }

  @Test
  void arrayTextIsBoundedInTotal() {
    // A clock that never moves: the text bound ends this row, never its time budget (which on a loaded machine
    // ran out first).
    FormulaEvaluator ev = new FormulaEvaluator(OPTIONS, xlspark.compile.FormulaCompiler.shared(), new StepClock(0));
    long t0 = System.nanoTime();
    EvalOutcome o = eval(ev, "=SUM(LEN(REPT(\"abcdefgh\"," + row(1000) + "+" + column(1000) + ")))");
    long ms = (System.nanoTime() - t0) / 1_000_000;
    assertEquals("#VALUE!", o.value(), o::toString);
    assertTrue(o.message().contains("characters of text"), o::toString);
    System.out.println("1M-cell REPT array (up to 16,000 chars a cell): " + o.value() + " after " + ms + " ms");
  }

  @Test
  void parserLimitsAreExcels() {
    FormulaEvaluator ev = new FormulaEvaluator(OPTIONS);
    String nested64 = "ABS(".repeat(64) + "1" + ")".repeat(64);
    assertEquals("1", eval(ev, "=" + nested64).value());
    EvalOutcome n65 = eval(ev, "=" + "ABS(".repeat(65) + "1" + ")".repeat(65));
    assertEquals("#ERROR!", n65.value());
    assertTrue(n65.message().contains("More than 64 levels"), n65::toString);

    String args255 = "1" + ",1".repeat(254);
    assertEquals("255", eval(ev, "=SUM(" + args255 + ")").value());
    EvalOutcome a256 = eval(ev, "=SUM(" + args255 + ",1)");
    assertEquals("#ERROR!", a256.value());
    assertTrue(a256.message().contains("More than 255 arguments"), a256::toString);

    EvalOutcome tooLong = eval(ev, "=1" + "+1".repeat(4096));
    assertEquals("#ERROR!", tooLong.value());
    assertTrue(tooLong.message().contains("8192"), tooLong::toString);
    EvalOutcome deep = eval(ev, "=" + "(".repeat(300) + "1" + ")".repeat(300));
    assertEquals("#ERROR!", deep.value());
    assertEquals("2", eval(ev, "=1+1").value());
  }

  /**
   * Built-in CPU-heavy expressions (a million-cell broadcast pushed through hundreds of operators, and through
   * nested ROUNDs lifted over it) are cut off by the time budget; the next row is fine. The deadline runs on a
   * {@link StepClock} (1 ms a read, 1,000 ms budget): the row must reach its 1,001st deadline check and stop at
   * that check. Each formula does about 250,000 checks' worth of work in all, at the intervals the loops keep
   * (a check every 4,096 cells, or every 64 lifted calls), so a loop that does not check (or checks 250 times too
   * rarely) runs the formula to its end and fails here, on a fast machine or a loaded one.
   */
  @Test
  void heavyExpressionsAreCutOffAndTheNextRowRuns() {
    long timeout = 1_000;
    String grid = "(" + digits(1000, ",") + "*" + digits(1000, ";") + ")";
    String operators = "=SUM(" + grid + "+1".repeat(1000) + ")";
    String functions = "=SUM(" + "ROUND(".repeat(40) + grid + "/7" + ",2)".repeat(40) + ")";
    for (String heavy : List.of(operators, functions)) {
      assertTrue(heavy.length() <= 8192, "formula length " + heavy.length());
      StepClock clock = StepClock.millisPerRead();
      FormulaEvaluator ev = new FormulaEvaluator(OPTIONS.withTimeoutMillis(timeout),
          xlspark.compile.FormulaCompiler.shared(), clock);
      long t0 = System.nanoTime();
      EvalOutcome o = ev.evaluate(heavy, VariableSource.NONE, 1);
      long ms = (System.nanoTime() - t0) / 1_000_000;
      System.out.println("heavy expression (" + heavy.substring(0, 12) + "..., " + heavy.length()
          + " chars) with a " + timeout + " ms budget on a 1 ms-a-read clock: " + o.value() + " after "
          + clock.reads() + " clock reads, " + ms + " ms (" + o.message() + ")");
      assertEquals(ResultType.ERROR, o.type(), o::toString);
      assertTrue(o.message().startsWith("time-out"), o::toString);
      // One read starts the row (deadline = 1 + 1,000 ms), then 1,001 checks: the first past the deadline ends it.
      assertEquals(timeout + 2, clock.reads(), "clock reads");
      EvalOutcome next = ev.evaluate("=ROUND(2.5*3,0)&\"!\"", VariableSource.NONE, 2);
      assertEquals("8!", next.value(), next::toString);
    }
  }

  /** A stack far smaller than an executor's: deep formulas become error rows, never a dead thread. */
  @Test
  void deepFormulasOnASmallStackAreErrorRows() throws Exception {
    List<String> deep = List.of(
        "=" + "ABS(".repeat(64) + "-1" + ")".repeat(64),
        "=" + "(".repeat(120) + "1" + ")".repeat(120),
        "=" + "-".repeat(250) + "1",
        "=" + "IF(TRUE,".repeat(60) + "1" + ")".repeat(60));
    AtomicReference<Throwable> died = new AtomicReference<>();
    AtomicReference<List<EvalOutcome>> outcomes = new AtomicReference<>();
    Thread t = new Thread(null, () -> {
      try {
        FormulaEvaluator ev = new FormulaEvaluator(OPTIONS,
            new xlspark.compile.FormulaCompiler(FunctionRegistry.standard(), 100));
        outcomes.set(deep.stream().map(f -> eval(ev, f)).toList());
      } catch (Throwable e) {
        died.set(e);
      }
    }, "small-stack", 96 * 1024);
    t.start();
    t.join();
    assertEquals(null, died.get());
    assertNotNull(outcomes.get());
    for (EvalOutcome o : outcomes.get()) {
      assertTrue(o.type() == ResultType.NUMBER || o.value().equals("#ERROR!"), o::toString);
    }
    System.out.println("deep formulas on a 96 KB stack: " + outcomes.get().stream()
        .map(o -> o.type() == ResultType.NUMBER ? o.value() : o.message()).toList());
    FormulaEvaluator normal = new FormulaEvaluator(OPTIONS);
    for (String f : deep) {
      EvalOutcome o = eval(normal, f);
      assertEquals(ResultType.NUMBER, o.type(), () -> f.substring(0, 20) + "...: " + o);
    }
  }

  /**
   * Long flat chains are valid Excel ({@code =A1+A2+...+A2000}): on a 1 MB stack, the JVM's default for executor
   * threads, they evaluate; they once overflowed the stack of JEXL's parser past ~300 operators and the error
   * escaped the evaluator. The longest chains that fit in 8,192 characters are an error row at worst.
   */
  @Test
  void issue6_longOperatorChainsEvaluateOnAnExecutorStack() throws Exception {
    List<String> formulas = List.of("=1" + "+1".repeat(2000), "=1" + "*1".repeat(2000), "=\"a\"" + "&1".repeat(1000),
        "=2" + "^1".repeat(1000), "=5" + "%".repeat(120), "=1" + "=1<2".repeat(60), "=1" + "+1".repeat(4000));
    AtomicReference<List<EvalOutcome>> outcomes = new AtomicReference<>();
    AtomicReference<Throwable> died = new AtomicReference<>();
    Thread t = new Thread(null, () -> {
      try {
        FormulaEvaluator ev = new FormulaEvaluator(OPTIONS);
        outcomes.set(formulas.stream().map(f -> eval(ev, f)).toList());
      } catch (Throwable e) {
        died.set(e);
      }
    }, "executor-like", 1024 * 1024);
    t.start();
    t.join();
    assertEquals(null, died.get());
    List<EvalOutcome> o = outcomes.get();
    assertEquals("2001", o.get(0).value());
    assertEquals("1", o.get(1).value());
    assertEquals(1001, o.get(2).value().length());
    assertEquals("2", o.get(3).value());
    assertEquals(ResultType.NUMBER, o.get(4).type(), o.get(4)::toString);
    assertEquals(ResultType.BOOLEAN, o.get(5).type(), o.get(5)::toString);
    assertTrue(o.get(6).value().equals("4001") || o.get(6).value().equals("#ERROR!"), o.get(6)::toString);
    System.out.println("4,000-operator chain on a 1 MB stack: " + o.get(6).value() + " " + o.get(6).message());
  }

  /**
   * Iterative functions stop at the iteration cap on inputs that never converge, not at the deadline. Their
   * loops account for their work (2 units a cash flow an iteration), so on a {@link StepClock} the budget is a
   * bound on work: 40 ms at 1 ms a read is 40 deadline checks, 2.6 million units. Three searches (Newton, the
   * bracket, bisection) of 20 iterations over 2,000 cash flows are at most 240,000 units (4 checks); the
   * default 1,000 iterations would be 12 million and time out.
   */
  @Test
  void iterativeFunctionsAreCapped() {
    FunctionRegistry reg = FunctionRegistry.standard();
    assumeTrue(reg.lookup("IRR") != null || reg.lookup("RATE") != null, "IRR/RATE not implemented yet");
    List<String> hard = List.of("=IRR({-1,1E-300,1E300,-1E300,1})",
        "=IRR(" + digits(2000, ",").replaceFirst("1", "-99999") + ")",
        "=RATE(1E9,-1,1E300)", "=RATE(360,-1E-300,1E300,1,0,-0.99)");
    for (String f : hard) {
      if (reg.lookup(f.substring(1, f.indexOf('('))) == null) {
        continue;
      }
      StepClock clock = StepClock.millisPerRead();
      FormulaEvaluator ev = new FormulaEvaluator(OPTIONS.withLimits(1_000_000, 20).withTimeoutMillis(40),
          xlspark.compile.FormulaCompiler.shared(), clock);
      EvalOutcome o = eval(ev, f);
      System.out.println(f.substring(0, Math.min(40, f.length())) + " with 20 iterations: " + o + " after "
          + clock.reads() + " clock reads");
      assertTrue(o.type() == ResultType.NUMBER || o.type() == ResultType.ERROR, o::toString);
      assertTrue(o.message() == null || !o.message().startsWith("time-out"), o::toString);
    }
  }
}

package xlspark.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xlspark.eval.EngineOptions;
import xlspark.eval.EvalOutcome;
import xlspark.eval.FormulaEvaluator;
import xlspark.eval.ResultType;
import xlspark.eval.VariableSource;

/**
 * Patterns and documents from untrusted text: REGEX* patterns run by a backtracking engine and FILTERXML's XML and
 * XPath. A catastrophic pattern ends at the row's deadline as an error row; XML reads no DTD, no entity and no
 * file; an XPath whose work explodes ends at the deadline too. The next row is fine.
 */
class UntrustedPatternsTest {
  private static final EngineOptions ONE_SECOND = new EngineOptions(Instant.parse("2024-06-15T12:00:00Z"),
      ZoneId.of("UTC"), 7, 1_000, 1_000, List.of(), Map.of());

  @TempDir
  Path dir;

  /** The row's clock is the thread's CPU time, as in WorstCaseBudgetTest: a loaded machine does not stretch it. */
  private static FormulaEvaluator cpuClocked() {
    return new FormulaEvaluator(ONE_SECOND, xlspark.compile.FormulaCompiler.shared(), WorstCaseBudgetTest::cpuNanos);
  }

  /** Evaluates under a generous wall bound (before the fix these ran for hours), timing the thread's CPU. */
  private static EvalOutcome timed(FormulaEvaluator ev, String f, long[] cpuMillis) {
    return org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofMinutes(3), () -> {
      long t0 = WorstCaseBudgetTest.cpuNanos();
      EvalOutcome o = eval(ev, f);
      cpuMillis[0] = (WorstCaseBudgetTest.cpuNanos() - t0) / 1_000_000;
      return o;
    }, f);
  }

  private static EvalOutcome eval(FormulaEvaluator ev, String formula) {
    return ev.evaluate(formula, VariableSource.NONE, 1);
  }

  @Test
  void catastrophicRegexEndsAtTheDeadlineAsAnErrorRow() {
    FormulaEvaluator ev = cpuClocked();
    assertEquals("TRUE", eval(ev, "=REGEXTEST(\"aaa\",\"(a+)+$\")").value());
    for (String f : List.of("=REGEXTEST(REPT(\"a\",20000)&\"b\",\"(a+)+$\")",
        "=REGEXEXTRACT(REPT(\"a\",20000)&\"b\",\"(a+)+$\",1)",
        "=REGEXREPLACE(REPT(\"a\",20000)&\"b\",\"(a+)+$\",\"x\")",
        // Exponential even for java.util.regex's loop memo: without the metered subject it runs for hours.
        "=REGEXTEST(REPT(\"a\",30),\"(.*a){25}b\")")) {
      long[] cpu = new long[1];
      EvalOutcome o = timed(ev, f, cpu);
      long millis = cpu[0];
      if (millis >= 1_500) {
        // A garbage collection can stretch one run; a match that ignores its budget is slow every time.
        o = timed(ev, f, cpu);
        millis = cpu[0];
      }
      System.out.println(f + ": " + o + " in " + millis + " ms CPU");
      assertEquals(ResultType.ERROR, o.type(), o::toString);
      assertTrue(o.message().contains("time budget"), o::toString);
      assertTrue(millis < 1_500, millis + " ms");
    }
    assertEquals("b", eval(ev, "=REGEXEXTRACT(\"abc\",\"b\")").value());
  }

  @Test
  void regexPatternsAreCappedAndCheckedNotRunAsCode() {
    FormulaEvaluator ev = new FormulaEvaluator(ONE_SECOND);
    assertEquals("#VALUE!", eval(ev, "=REGEXTEST(\"a\",REPT(\"(\",2000))").value());
    assertEquals("#VALUE!", eval(ev, "=REGEXTEST(\"a\",\"[\")").value());
    // A deeply nested match overflows java.util.regex's stack: #VALUE!, not a dead thread.
    EvalOutcome deep = eval(ev, "=REGEXTEST(REPT(\"ab\",16000),\"(a|b)*c\")");
    assertTrue(deep.type() == ResultType.ERROR || "FALSE".equals(deep.value()), deep::toString);
    assertEquals("TRUE", eval(ev, "=REGEXTEST(\"x1\",\"\\d\")").value());
  }

  @Test
  void xmlReadsNoDtdNoEntityAndNoFile() throws IOException {
    Path secret = dir.resolve("secret.txt");
    Files.writeString(secret, "CANARY-fn3");
    FormulaEvaluator ev = new FormulaEvaluator(ONE_SECOND);
    String uri = secret.toUri().toString();
    for (String xml : List.of(
        "<!DOCTYPE a [<!ENTITY e SYSTEM \"\"" + uri + "\"\">]><a>&e;</a>",
        "<!DOCTYPE a SYSTEM \"\"" + uri + "\"\"><a>x</a>",
        "<!DOCTYPE a [<!ENTITY % p SYSTEM \"\"" + uri + "\"\"> %p;]><a>x</a>",
        "<!DOCTYPE a [<!ENTITY l \"\"lol\"\"><!ENTITY l2 \"\"&l;&l;&l;&l;&l;&l;&l;&l;\"\">]><a>&l2;</a>",
        "<a xmlns:xi=\"\"http://www.w3.org/2001/XInclude\"\"><xi:include href=\"\"" + uri
            + "\"\" parse=\"\"text\"\"/></a>")) {
      EvalOutcome o = eval(ev, "=FILTERXML(\"" + xml + "\",\"//a\")");
      assertFalse(String.valueOf(o.value()).contains("CANARY"), o::toString);
      assertFalse(String.valueOf(o.message()).contains("CANARY"), o::toString);
      assertTrue(o.type() == ResultType.ERROR || o.value().isEmpty(), xml + ": " + o);
    }
    // 300 nested elements: over the depth cap, an error value.
    assertEquals("#VALUE!", eval(ev, "=FILTERXML(REPT(\"<a>\",300)&REPT(\"</a>\",300),\"/a\")").value());
    assertEquals("", eval(ev, "=FILTERXML(REPT(\"<a>\",200)&REPT(\"</a>\",200),\"/a\")").value());
    assertEquals("1", eval(ev, "=FILTERXML(\"<a>1</a>\",\"/a\")").value());
  }

  @Test
  void explodingXPathEndsAtTheDeadline() {
    FormulaEvaluator ev = cpuClocked();
    String xml = "<t>\"&REPT(\"<s>1</s>\",3000)&\"</t>";
    String f = "=FILTERXML(\"" + xml + "\",\"//s[count(//s[count(//s)>1])>1]\")";
    long[] cpu = new long[1];
    EvalOutcome o = timed(ev, f, cpu);
    if (cpu[0] >= 1_500) {
      o = timed(ev, f, cpu);
    }
    long millis = cpu[0];
    System.out.println("cubic XPath: " + o + " in " + millis + " ms CPU");
    assertEquals(ResultType.ERROR, o.type(), o::toString);
    assertTrue(o.message().contains("time budget"), o::toString);
    assertTrue(millis < 1_500, millis + " ms");
    assertEquals("3000", eval(ev, "=ROWS(FILTERXML(\"" + xml + "\",\"//s\"))").value());
  }
}

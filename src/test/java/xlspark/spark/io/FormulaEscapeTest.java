package xlspark.spark.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The CSV-injection rule sees the text exactly as written, leading white space and line breaks included. */
class FormulaEscapeTest {
  @Test
  void formulasAfterLeadingWhiteSpaceOrLineBreaksAreEscaped() {
    for (String risky : Arrays.asList("=1+1", "+A1", "-A1", "@SUM(A1)", "\tx", "\rx", " =1", "  =HYPERLINK(\"x\")",
        "\n=1", "\r\n+1", " \t-cmd", "\u00a0=1", "\u200b=1", "\ufeff@x", "-5\n=1+1", "=")) {
      assertEquals("'" + risky, FormulaEscape.escape(risky), () -> "risky: " + risky.replace("\n", "\\n"));
    }
  }

  @Test
  void numbersAndOrdinaryTextStayAsTheyAre() {
    for (String safe : Arrays.asList("-5", "+1e3", "-5%", " -5 ", ".5", "a=1", "keep me", "", "007", "'=1")) {
      assertEquals(safe, FormulaEscape.escape(safe), safe);
    }
    assertEquals(null, FormulaEscape.escape(null));
  }
}

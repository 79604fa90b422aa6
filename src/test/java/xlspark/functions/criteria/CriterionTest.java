package xlspark.functions.criteria;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import xlspark.value.Budget;
import xlspark.value.ExcelError;
import xlspark.value.Value;

/** Excel's criteria language and wildcards, cell by cell. */
class CriterionTest {
  private static boolean m(String criterion, Value cell) {
    return Criterion.of(Value.text(criterion), Budget.untimed()).matches(cell);
  }

  @Test
  void comparisons() {
    assertTrue(m(">5", Value.num(6)));
    assertFalse(m(">5", Value.num(5)));
    assertTrue(m(">=5", Value.num(5)));
    assertTrue(m("<>5", Value.text("x")));
    assertTrue(m("<>5", Value.BLANK), "<> matches blanks too");
    assertFalse(m(">5", Value.text("6")), "numeric comparisons ignore text");
    assertTrue(m(">b", Value.text("C")), "text compared without case");
    assertFalse(m(">b", Value.num(7)));
    assertTrue(m(">=50%", Value.num(0.5)));
  }

  @Test
  void equality() {
    assertTrue(m("2", Value.num(2)));
    assertTrue(m("2", Value.text("2")));
    assertTrue(Criterion.of(Value.num(2), Budget.untimed()).matches(Value.text("2")));
    assertTrue(m("=abc", Value.text("ABC")));
    assertTrue(m("true", Value.TRUE));
    assertFalse(m("true", Value.num(1)));
    assertTrue(m("#N/A", Value.err(ExcelError.NA)));
    assertFalse(m("#N/A", Value.err(ExcelError.DIV0)));
  }

  @Test
  void emptyCriteria() {
    assertTrue(m("", Value.BLANK));
    assertTrue(m("", Value.text("")));
    assertTrue(m("=", Value.BLANK));
    assertFalse(m("=", Value.text("")), "= matches only blank cells");
    assertTrue(m("<>", Value.text("")));
    assertFalse(m("<>", Value.BLANK));
    assertTrue(Criterion.of(Value.BLANK, Budget.untimed()).matches(Value.num(0)), "an empty criterion cell means 0");
    assertFalse(Criterion.of(Value.BLANK, Budget.untimed()).matches(Value.BLANK));
  }

  @Test
  void wildcards() {
    assertTrue(m("a*", Value.text("Apple")));
    assertTrue(m("*", Value.text("")));
    assertFalse(m("*", Value.num(1)), "wildcards match text only");
    assertTrue(m("?b", Value.text("ab")));
    assertFalse(m("?b", Value.text("abb")));
    assertTrue(m("a~*", Value.text("a*")));
    assertFalse(m("a~*", Value.text("ab")));
    assertTrue(m("<>a*", Value.text("banana")));
    assertTrue(m("*a*a*", Value.text("banana")));
    assertFalse(m("*x*", Value.text("banana")));
    assertTrue(m("a~b", Value.text("a~b")), "a tilde before an ordinary character is literal");
    assertEquals(2, Wildcard.compile("n?n", Budget.untimed()).find("banana", 0));
  }
}

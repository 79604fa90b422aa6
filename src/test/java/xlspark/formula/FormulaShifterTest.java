package xlspark.formula;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Shared-formula expansion: relative parts move, $-anchored parts stay, off-sheet becomes #REF!. */
class FormulaShifterTest {
  @Test
  void movesRelativeReferencesOnly() throws FormulaSyntaxException {
    assertEquals("A2+$B$1*B$1+$C2", FormulaShifter.shift("A1+$B$1*B$1+$C1", 1, 0));
    assertEquals("SUM(C1:D3)+Sheet2!C5+'My Sheet'!$A$1", FormulaShifter.shift("SUM(B1:C3)+Sheet2!B5+'My Sheet'!$A$1", 0, 1));
    assertEquals("SUM(B:B)+SUM(3:4)", FormulaShifter.shift("SUM(A:A)+SUM(2:3)", 1, 1));
    assertEquals("#REF!+1", FormulaShifter.shift("A1+1", -1, 0));
    assertEquals("\"A1\"&LOG10(B2)", FormulaShifter.shift("\"A1\"&LOG10(A1)", 1, 1));
  }
}

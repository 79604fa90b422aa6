package xlspark.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import xlspark.eval.EngineStats;
import xlspark.eval.EvalOutcome;
import xlspark.eval.FormulaEvaluator;
import xlspark.eval.VariableSource;
import xlspark.formula.FormulaSyntaxException;
import xlspark.formula.Lexer;
import xlspark.functions.library.FunctionRegistry;

/** Sign folding into literals, and when a shape moves from the interpreter to a JEXL template. */
class TieringTest {
  private static String key(String f) throws FormulaSyntaxException {
    return Lexer.shape(f).shapeKey();
  }

  @Test
  void aSignBeforeANumberIsPartOfTheLiteral() throws FormulaSyntaxException {
    assertEquals(key("AVERAGE(1,2,3)"), key("AVERAGE(-1,2,-3)"));
    assertEquals(key("1*2"), key("-1*-2"));
    assertEquals(key("2^2"), key("2^-2"));
    assertEquals(key("IF(A>1,2,3)"), key("IF(A>-1,-2,3)"));
    assertEquals(key("{1,2;3,4}"), key("{-1,2;3,-4}"));
    // A minus after an operand is subtraction, not a sign.
    assertNotEquals(key("1+2"), key("1-2"));
    assertNotEquals(key("A+2"), key("A-2"));
    assertNotEquals(key("(1)+2"), key("(1)-2"));
    // A sign before anything but a number stays an operator.
    assertNotEquals(key("A"), key("-A"));
    assertNotEquals(key("(1)"), key("-(1)"));
    // Both lexers agree (the cache lookup and the parser see the same shape).
    assertEquals(Lexer.lex("SUM(-1,2-3,--4)").shapeKey(), key("SUM(-1,2-3,--4)"));
  }

  @Test
  void foldedSignsKeepExcelsValues() {
    FormulaEvaluator ev = new FormulaEvaluator(TierDifferentialTest.OPTIONS,
        new FormulaCompiler(FunctionRegistry.standard(), 100));
    String[][] cases = {{"-2^2", "4"}, {"2^-2", "0.25"}, {"--5", "5"}, {"1--5", "6"}, {"-5%", "-0.05"},
        {"1-2", "-1"}, {"SUM({-1,2;3,-4})", "0"}, {"-0", "0"}, {"10/-4", "-2.5"}, {"-2^-2", "0.25"},
        {"3*-2^2", "12"}, {"-3-2", "-5"}, {"(-3)-(-2)", "-1"}, {"=-1E+2", "-100"}, {"-.5", "-0.5"}};
    for (String[] c : cases) {
      assertEquals(c[1], ev.evaluate(c[0], VariableSource.NONE, 1).value(), c[0]);
    }
  }

  @Test
  void aShapeIsInterpretedUntilItRepeatsThenCompiled() throws FormulaSyntaxException {
    FormulaCompiler compiler = new FormulaCompiler(FunctionRegistry.standard(), 100);
    compiler.setCompileAfter(3);
    FormulaEvaluator ev = new FormulaEvaluator(TierDifferentialTest.OPTIONS, compiler);
    String[] rows = {"ROUND(1.5*2,0)", "ROUND(-2.5*3,1)", "ROUND(7*8,2)", "ROUND(1*1,0)", "ROUND(9*9,0)"};
    String[] expected = {"3", "-7.5", "56", "1", "81"};
    for (int i = 0; i < rows.length; i++) {
      EvalOutcome o = ev.evaluate(rows[i], VariableSource.NONE, i);
      assertEquals(expected[i], o.value(), rows[i]);
      if (i < 2) {
        assertNull(compiler.cached(Lexer.shape(rows[i])), "no template before the third sighting");
      }
    }
    assertNotNull(compiler.cached(Lexer.shape(rows[0])));
    EngineStats s = ev.stats();
    assertEquals(2, s.interpreted());
    assertEquals(3, s.cacheMisses());
    assertEquals(2, s.cacheHits());
  }

  @Test
  void bothTiersRefuseTheSameFormulasWithTheSameMessage() {
    FormulaCompiler jexl = new FormulaCompiler(FunctionRegistry.standard(), 100);
    jexl.setCompileAfter(1);
    FormulaCompiler interp = new FormulaCompiler(FunctionRegistry.standard(), 100);
    interp.setCompileAfter(Integer.MAX_VALUE);
    FormulaEvaluator a = new FormulaEvaluator(TierDifferentialTest.OPTIONS, jexl);
    FormulaEvaluator b = new FormulaEvaluator(TierDifferentialTest.OPTIONS, interp);
    for (String f : new String[] {"ROUND(1)", "A1:B2", "Sheet1!A1", "T[x]+1", "SUM(1,2", "FOO(A1:B2)",
        "1+" + "1+".repeat(500) + "1", "Sheet2!X*2", "IF(1,2,3,4)"}) {
      assertEquals(a.evaluate(f, VariableSource.NONE, 1), b.evaluate(f, VariableSource.NONE, 1), f);
    }
    assertEquals(0, a.stats().interpreted());
  }
}

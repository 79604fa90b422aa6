package xlspark.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.jexl3.JexlException;
import org.apache.commons.jexl3.JexlScript;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import xlspark.eval.EngineOptions;
import xlspark.eval.FormulaEvaluator;
import xlspark.eval.VariableSource;
import xlspark.formula.Lexer;
import xlspark.functions.EvalContext;
import xlspark.functions.library.FunctionRegistry;
import xlspark.value.Value;

/** The JEXL sandbox refuses everything but computing with Excel values through the xl namespace. */
class JexlSandboxTest {
  static final JexlSandbox SANDBOX = new JexlSandbox(FunctionRegistry.standard());

  @ParameterizedTest
  @ValueSource(strings = {
      "new('java.io.File', '/tmp/x')",
      "x.getClass()",
      "'a'.getClass().forName('java.lang.Runtime')",
      "for (var i : [1,2]) { i }",
      "while (true) { 1 }",
      "var a = 1",
      "a = 1",
      "s0 = 1",
      "function(x) { x }",
      "(x) -> x",
      "#pragma jexl.namespace.r java.lang.Runtime\n1",
      "@silent 1",
      "[1, 2, 3]",
      "{ 'a' : 1 }",
      "s0++",
      "import java.lang; 1",
  })
  void refusesForbiddenJexlAtCompileTime(String jexl) {
    assertThrows(JexlException.class, () -> SANDBOX.compile(jexl));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "1 + 2",
      "'a' + 'b'",
      "2 ^ 3",
      "5 % 2",
      "s0.class",
      "s0.getClass",
      "size(s0)",
      "empty(s0)",
      "s0 =~ s0",
      "java.lang.Runtime",
      "xl:NOSUCH(s0)",
      "xl:getClass()",
      "xl:ROUND('1', 2)",
      "s0 | s0",
      "~s0",
      "x.class",
      "`${s0}`",
  })
  void refusesRawJexlValuesAndReflectionAtRunTime(String jexl) {
    Object[] args = {Value.num(1)};
    assertThrows(RuntimeException.class, () -> {
      JexlScript s = SANDBOX.compile(jexl);
      Object r = SANDBOX.run(s, args, EvalContext.forTesting());
      if (!(r instanceof Value)) {
        throw new IllegalStateException("produced a non-Excel value " + r);
      }
    });
  }

  @Test
  void formulasOfOneShapeShareOneCompiledScript() throws Exception {
    FormulaCompiler compiler = new FormulaCompiler(FunctionRegistry.standard(), 100);
    Template a = compiler.compile(Lexer.lex("=ROUND(3.14*2,2)"));
    assertSame(a, compiler.cached(Lexer.lex("=ROUND(2.5*7,1)")));
    assertEquals(1, compiler.cache().size());
    FormulaEvaluator ev = new FormulaEvaluator(EngineOptions.defaults().withSeed(1), compiler);
    assertEquals("6.28", ev.evaluate("=ROUND(3.14*2,2)", VariableSource.NONE, 1).value());
    assertEquals("17.5", ev.evaluate("=ROUND(2.5*7,1)", VariableSource.NONE, 2).value());
    assertEquals(2, ev.stats().cacheHits());
  }

  @Test
  void templateCacheStaysBounded() throws Exception {
    FormulaCompiler compiler = new FormulaCompiler(FunctionRegistry.standard(), 50);
    for (int i = 0; i < 200; i++) {
      compiler.compile(Lexer.lex("=1" + "+x".repeat(i % 100 + 1)));
    }
    assertTrue(compiler.cache().size() <= 50, "cache size " + compiler.cache().size());
  }
}

package xlspark.formula;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import xlspark.compile.FormulaCompiler;
import xlspark.formula.ast.AstPrinter;
import xlspark.functions.library.FunctionRegistry;

/** Parser golden files: formula to s-expression, and syntax errors with their span marked «like this». */
class ParserGoldenTest {

  static List<CSVRecord> read(String file) throws IOException {
    try (Reader r = Files.newBufferedReader(Path.of("src/test/resources/parser", file))) {
      return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(r).getRecords();
    }
  }

  @TestFactory
  Stream<DynamicTest> parsesToSExpressions() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    for (CSVRecord rec : read("parse.csv")) {
      tests.add(DynamicTest.dynamicTest(rec.get("formula"), () ->
          assertEquals(rec.get("sexpr"), AstPrinter.print(Parser.parse(rec.get("formula"))))));
    }
    return tests.stream();
  }

  @TestFactory
  Stream<DynamicTest> reportsSyntaxErrorsWithTheirSpan() throws IOException {
    FormulaCompiler compiler = new FormulaCompiler(FunctionRegistry.standard(), 100);
    List<DynamicTest> tests = new ArrayList<>();
    for (CSVRecord rec : read("errors.csv")) {
      String f = rec.get("formula");
      tests.add(DynamicTest.dynamicTest(f, () -> {
        FormulaSyntaxException e = assertThrows(FormulaSyntaxException.class, () -> compiler.compile(Lexer.lex(f)));
        SourceSpan s = e.span();
        String marked = f.substring(0, s.start()) + "«" + f.substring(s.start(), s.end()) + "»" + f.substring(s.end());
        assertEquals(rec.get("marked"), marked);
        assertTrue(e.reason().startsWith(rec.get("message")), () -> "message was: " + e.reason());
        assertTrue(e.getMessage().endsWith("at column " + (s.start() + 1)), e.getMessage());
      }));
    }
    return tests.stream();
  }

  @Test
  void enforcesExcelLimits() throws FormulaSyntaxException {
    String longFormula = "=" + "1+".repeat(4_100) + "1";
    FormulaSyntaxException tooLong = assertThrows(FormulaSyntaxException.class, () -> Lexer.lex(longFormula));
    assertTrue(tooLong.reason().startsWith("Formula longer than 8192 characters"));

    String nested65 = "=" + "ABS(".repeat(65) + "1" + ")".repeat(65);
    FormulaSyntaxException nesting = assertThrows(FormulaSyntaxException.class, () -> Parser.parse(nested65));
    assertTrue(nesting.reason().startsWith("More than 64 levels of nested functions"), nesting.reason());
    String nested64 = "=" + "ABS(".repeat(64) + "1" + ")".repeat(64);
    assertTrue(assertDoesNotThrowParse(nested64));

    String args256 = "=SUM(" + "1,".repeat(255) + "1)";
    FormulaSyntaxException args = assertThrows(FormulaSyntaxException.class, () -> Parser.parse(args256));
    assertTrue(args.reason().startsWith("More than 255 arguments"), args.reason());

    String text256 = "=\"" + "x".repeat(256) + "\"";
    assertThrows(FormulaSyntaxException.class, () -> Lexer.lex(text256));

    String parens = "=" + "(".repeat(4_000) + "1" + ")".repeat(4_000);
    FormulaSyntaxException deep = assertThrows(FormulaSyntaxException.class, () -> Parser.parse(parens));
    assertTrue(deep.reason().contains("nested"), deep.reason());
  }

  private static boolean assertDoesNotThrowParse(String f) throws FormulaSyntaxException {
    return Parser.parse(f) != null;
  }

  @Test
  void literalsAreHoistedOutOfTheShapeKey() throws FormulaSyntaxException {
    Lexed a = Lexer.lex("=ROUND(3.14*2,2)");
    Lexed b = Lexer.lex("round( 2.5 * 7 , 1 )");
    assertEquals(a.shapeKey(), b.shapeKey());
    assertEquals(3, a.literals().length);
    Lexed c = Lexer.lex("=ROUND(3.14*x,2)");
    assertTrue(!a.shapeKey().equals(c.shapeKey()));
    Lexed d = Lexer.lex("=\"a\"&\"b\"");
    Lexed e = Lexer.lex("=1&2");
    assertTrue(!d.shapeKey().equals(e.shapeKey()), "text and number literals are different shapes");
  }

  @Test
  void shapeOnlyLexingBuildsTheSameKeyAsFullLexing() throws FormulaSyntaxException {
    for (String f : List.of("=ROUND(price*qty,2)", "=straße+1", "=[@Col Name]&\"x\"", "=IF(true,FALSE,tRuE())",
        "={1,-2;\"a\",#N/A}", "=_xlfn.STDEV.S(1,2)", "=a1+B2")) {
      assertEquals(Lexer.lex(f).shapeKey(), Lexer.shape(f).shapeKey(), f);
    }
  }
}

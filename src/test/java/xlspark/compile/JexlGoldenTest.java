package xlspark.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
import org.junit.jupiter.api.TestFactory;
import xlspark.formula.Lexer;
import xlspark.functions.library.FunctionRegistry;

/**
 * The JEXL the translator emits for formulas: every Excel operator is a JEXL operator (implemented by
 * ExcelArithmetic), every call an {@code xl:} namespace call, every literal a parameter.
 */
class JexlGoldenTest {

  @TestFactory
  Stream<DynamicTest> emitsJexl() throws IOException {
    FormulaCompiler compiler = new FormulaCompiler(FunctionRegistry.standard(), 1_000);
    List<DynamicTest> tests = new ArrayList<>();
    try (Reader r = Files.newBufferedReader(Path.of("src/test/resources/compile/jexl.csv"))) {
      for (CSVRecord rec : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(r)) {
        tests.add(DynamicTest.dynamicTest(rec.get("formula"), () ->
            assertEquals(rec.get("jexl"), compiler.compile(Lexer.lex(rec.get("formula"))).jexl())));
      }
    }
    return tests.stream();
  }
}

package xlspark.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import xlspark.eval.EngineOptions;
import xlspark.eval.EvalOutcome;
import xlspark.eval.FormulaEvaluator;
import xlspark.eval.VariableSource;
import xlspark.functions.library.FunctionRegistry;
import xlspark.safety.FormulaGen;
import xlspark.value.Coerce;

/**
 * The two tiers of the engine give identical results: every formula of the golden files, the public
 * conformance corpus, Excel's own constants ({@code excel-truth/constants.csv}) and seeded random formulas runs
 * once through an engine that compiles every shape to JEXL and once through one that interprets every shape
 * from its AST; type, value, number and message must be equal, row by row.
 */
class TierDifferentialTest {
  static final EngineOptions OPTIONS = new EngineOptions(Instant.parse("2024-06-15T12:00:00Z"), ZoneId.of("UTC"),
      42, 100_000, 5_000, List.of(), Map.of());
  static final VariableSource FUZZ_VARS = name -> switch (name) {
    case "N" -> 3.5;
    case "T" -> "text";
    case "B" -> null;
    case "E" -> "";
    case "Z" -> 0.0;
    default -> VariableSource.UNKNOWN;
  };

  private final FormulaEvaluator jexl = evaluator(1);
  private final FormulaEvaluator interpreter = evaluator(Integer.MAX_VALUE);
  private final List<String> differences = new ArrayList<>();
  private int compared;
  /** Formulas with LET, LAMBDA or a lambda helper: both engines interpret them (only the interpreter binds names). */
  private int lambdaShapes;

  private static FormulaEvaluator evaluator(int compileAfter) {
    FormulaCompiler c = new FormulaCompiler(FunctionRegistry.standard(), 100_000);
    c.setCompileAfter(compileAfter);
    return new FormulaEvaluator(OPTIONS, c);
  }

  private void compare(String source, String formula, VariableSource vars, long rowId) {
    try {
      String key = xlspark.formula.Lexer.shape(formula).shapeKey();
      lambdaShapes += ShapeCheck.needsInterpreter(key, FunctionRegistry.standard()) ? 1 : 0;
    } catch (xlspark.formula.FormulaSyntaxException e) {
      // no tier runs it
    }
    EvalOutcome a = jexl.evaluate(formula, vars, rowId);
    EvalOutcome b = interpreter.evaluate(formula, vars, rowId);
    compared++;
    if (!a.equals(b) && differences.size() < 50) {
      differences.add(source + ": " + formula + "\n    jexl:        " + a + "\n    interpreter: " + b);
    }
  }

  private void assertNoDifference(int atLeast) {
    assertTrue(compared >= atLeast, "compared only " + compared + " formulas");
    assertEquals(compared, jexl.stats().formulas());
    assertEquals(lambdaShapes, jexl.stats().interpreted(), "the JEXL engine interprets only LET/LAMBDA formulas");
    assertTrue(lambdaShapes < compared / 10, "lambda formulas " + lambdaShapes);
    // Every row whose text lexes (the shape lexer rejects some before any tier runs) goes to the interpreter.
    assertEquals(interpreter.stats().cacheMisses(), interpreter.stats().interpreted());
    assertTrue(interpreter.stats().interpreted() > compared * 0.95, "interpreted " + interpreter.stats().interpreted());
    assertTrue(differences.isEmpty(), () -> differences.size() + " differences (first 50):\n"
        + String.join("\n", differences));
  }

  private static List<CSVRecord> csv(Path file) throws IOException {
    try (Reader r = Files.newBufferedReader(file)) {
      return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setCommentMarker('#').build()
          .parse(r).getRecords();
    }
  }

  @Test
  void goldenFiles() throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.list(Path.of("src/test/resources/golden"))) {
      files = s.filter(p -> p.toString().endsWith(".csv")).sorted().toList();
    }
    for (Path f : files) {
      for (CSVRecord rec : csv(f)) {
        Map<String, Object> vars = new HashMap<>();
        String inputs = rec.get("inputs");
        if (!inputs.isBlank()) {
          for (String kv : inputs.split(";")) {
            int eq = kv.indexOf('=');
            vars.put(kv.substring(0, eq).trim().toUpperCase(Locale.ROOT), Coerce.typeCell(kv.substring(eq + 1)));
          }
        }
        compare(f.getFileName() + ":" + rec.getRecordNumber(), rec.get("formula"),
            n -> vars.containsKey(n) ? vars.get(n) : VariableSource.UNKNOWN, rec.getRecordNumber());
      }
    }
    assertNoDifference(1_500);
  }

  @Test
  void conformanceAndExcelTruth() throws IOException {
    for (String file : List.of("src/test/resources/conformance/public.csv",
        "src/test/resources/excel-truth/constants.csv")) {
      for (CSVRecord rec : csv(Path.of(file))) {
        compare(rec.get("id"), rec.get("expression"), VariableSource.NONE, rec.getRecordNumber());
      }
    }
    assertNoDifference(7_000);
  }

  @Test
  void seededRandomFormulas() {
    for (long seed = 1; seed <= 4; seed++) {
      FormulaGen gen = new FormulaGen(seed);
      for (int i = 0; i < 3_000; i++) {
        compare("seed " + seed, gen.formula(1 + i % 4), FUZZ_VARS, i);
      }
    }
    assertNoDifference(12_000);
  }

  /** Arithmetic with random signs, parentheses and percents: where sign folding and operator order meet. */
  @Test
  void seededRandomSigns() {
    Random r = new Random(7);
    for (int i = 0; i < 20_000; i++) {
      compare("signs", signed(r, 4), FUZZ_VARS, i);
    }
    assertNoDifference(20_000);
  }

  private static String signed(Random r, int depth) {
    int dice = r.nextInt(depth <= 0 ? 4 : 10);
    String[] signs = {"", "", "-", "--", "+", "-+", "+-"};
    String sign = signs[r.nextInt(signs.length)];
    switch (dice) {
      case 0:
        return sign + (r.nextInt(5) == 0 ? "0" : String.valueOf(r.nextInt(1000) / (r.nextBoolean() ? 10.0 : 1)));
      case 1:
        return sign + (r.nextBoolean() ? "N" : "Z");
      case 2:
        return sign + (r.nextBoolean() ? "\"2\"" : "TRUE");
      case 3:
        return sign + r.nextInt(100) + "%";
      case 4:
      case 5:
      case 6: {
        String[] ops = {"+", "-", "*", "/", "^", "&", "=", "<>", "<", ">="};
        return signed(r, depth - 1) + ops[r.nextInt(ops.length)] + signed(r, depth - 1);
      }
      case 7:
        return sign + "(" + signed(r, depth - 1) + ")";
      case 8: {
        String[] fns = {"SUM", "ABS", "ROUND", "MAX", "AVERAGE", "IF"};
        String f = fns[r.nextInt(fns.length)];
        return switch (f) {
          case "ABS" -> sign + "ABS(" + signed(r, depth - 1) + ")";
          case "ROUND" -> sign + "ROUND(" + signed(r, depth - 1) + "," + signed(r, 0) + ")";
          case "IF" -> "IF(" + signed(r, depth - 1) + ">0," + signed(r, depth - 1) + "," + signed(r, depth - 1) + ")";
          default -> sign + f + "(" + signed(r, depth - 1) + "," + signed(r, depth - 1) + ",{-1,2;3,-4.5})";
        };
      }
      default:
        return signed(r, depth - 1) + "^" + sign + r.nextInt(4);
    }
  }
}

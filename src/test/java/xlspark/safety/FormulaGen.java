package xlspark.safety;

import java.util.List;
import java.util.Random;
import xlspark.functions.ArgKind;
import xlspark.functions.FunctionSpec;
import xlspark.functions.library.FunctionRegistry;

/**
 * Random well-formed formulas over the whole function registry, from a seeded {@link Random}: calls with an
 * arity each spec accepts, Excel's operators, and leaves chosen to hit edges (zero, negatives, huge and tiny
 * numbers, empty and numeric text, booleans, errors, blanks, arrays, omitted arguments, variables).
 */
public final class FormulaGen {
  /** Variables the generated formulas may name, with the values a fuzz row gives them. */
  public static final List<String> VARIABLES = List.of("N", "T", "B", "E", "Z");

  private static final String[] NUMBERS = {"0", "1", "2", "-1", "0.5", "3.14159", "10", "100", "1E+308", "1E-300",
      "-1E+308", "45000", "2958465", "60", "255", "256", "32767", "1E+15", "0.1", "7", "-0.5", "12.5", "99999999"};
  private static final String[] TEXTS = {"\"\"", "\"abc\"", "\"1\"", "\"TRUE\"", "\"2024-01-31\"", "\" x \"",
      "\"*\"", "\"?a*\"", "\"~\"", "\"#N/A\"", "\"0.00\"", "\"yyyy-mm-dd\"", "\"é€😀\"", "\">1\"", "\"<>\"",
      "\"=a\"", "\",\"", "\"\"\"\"", "\"General\"", "\"1E+400\"", "\"-\""};
  private static final String[] OTHER = {"TRUE", "FALSE", "#N/A", "#DIV/0!", "#VALUE!", "#NUM!", "#REF!",
      "#NAME?", "#NULL!", "{1,2,3}", "{1;2;3}", "{1,\"a\";TRUE,#N/A}", "{0}", "{-1,0.5;2,1E+300}",
      "{\"b\",\"a\",\"c\"}", "{1,2;3,4}"};
  private static final String[] BINARY = {"+", "-", "*", "/", "^", "&", "=", "<>", "<", ">", "<=", ">="};

  private final Random random;
  private final List<FunctionSpec> functions;

  public FormulaGen(long seed) {
    this.random = new Random(seed);
    this.functions = FunctionRegistry.standard().all();
  }

  /** A formula of at most {@code depth} levels of calls. */
  public String formula(int depth) {
    return "=" + expr(depth);
  }

  /** A call of the given function with random arguments. */
  String call(FunctionSpec f, int depth) {
    int max = Math.min(f.maxArgs(), f.minArgs() + 3);
    int n = f.minArgs() + (max > f.minArgs() ? random.nextInt(max - f.minArgs() + 1) : 0);
    StringBuilder sb = new StringBuilder(f.name()).append('(');
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        sb.append(',');
      }
      int dice = random.nextInt(12);
      if (dice == 0) {
        continue;
      }
      // Mostly arguments of the declared kind, so bodies run past their argument checks.
      ArgKind kind = f.kind(i);
      if (dice < 7 && kind == ArgKind.NUMBER) {
        sb.append(NUMBERS[random.nextInt(NUMBERS.length)]);
      } else if (dice < 7 && kind == ArgKind.TEXT) {
        sb.append(TEXTS[random.nextInt(TEXTS.length)]);
      } else if (dice < 5 && kind == ArgKind.ARRAY) {
        sb.append(OTHER[9 + random.nextInt(OTHER.length - 9)]);
      } else {
        sb.append(expr(depth - 1));
      }
    }
    return sb.append(')').toString();
  }

  String expr(int depth) {
    int pick = random.nextInt(depth <= 0 ? 4 : 10);
    switch (pick) {
      case 0:
        return NUMBERS[random.nextInt(NUMBERS.length)];
      case 1:
        return TEXTS[random.nextInt(TEXTS.length)];
      case 2:
        return OTHER[random.nextInt(OTHER.length)];
      case 3:
        return VARIABLES.get(random.nextInt(VARIABLES.size()));
      case 4:
        return expr(depth - 1) + BINARY[random.nextInt(BINARY.length)] + expr(depth - 1);
      case 5:
        return (random.nextBoolean() ? "-" : "") + "(" + expr(depth - 1) + ")" + (random.nextInt(4) == 0 ? "%" : "");
      default:
        return call(functions.get(random.nextInt(functions.size())), depth);
    }
  }
}

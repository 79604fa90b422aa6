package xlspark.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import xlspark.functions.library.FunctionRegistry;
import xlspark.value.DateSystem;
import xlspark.value.Value;

/**
 * Function metadata (issue 15, item 4): optional arguments declare their defaults in the spec, the registry fills
 * them in before the body runs, engineering numbers go through the coercion gate, categories are an enum.
 */
class FunctionSpecDefaultsTest {
  /** F(x, [a=10], [b=TRUE skippable]) returning "x|a|b|size" so each test sees what the body got. */
  private static final FunctionSpec PROBE = FunctionSpec.builder("PROBE", a -> Value.text(
      a.num(0) + "|" + a.num(1) + "|" + a.bool(2) + "|" + a.size()))
      .arg(ArgKind.NUMBER).optionalArg(ArgKind.NUMBER, 10).skippableArg(ArgKind.BOOLEAN, true).build();

  private static String call(FunctionSpec spec, Value... args) {
    Value v = spec.invoke(args.clone(), EvalContext.forTesting());
    return v instanceof Value.Text t ? t.s() : v.toString();
  }

  @Test
  void omittedArgumentsTakeTheirDefaults() {
    assertEquals("1.0|10.0|true|3", call(PROBE, Value.num(1)));
    assertEquals("1.0|2.0|true|3", call(PROBE, Value.num(1), Value.num(2)));
    assertEquals("1.0|2.0|false|3", call(PROBE, Value.num(1), Value.num(2), Value.FALSE));
  }

  @Test
  void anEmptyArgumentIsBlankUnlessItIsSkippable() {
    // PROBE(1,,) : the optional number written empty is 0 (Excel's LOG(8,) is #NUM!, base 0); the skippable
    // flag written empty takes its default.
    assertEquals("1.0|0.0|true|3", call(PROBE, Value.num(1), Value.MISSING, Value.MISSING));
  }

  @Test
  void defaultsAreCheckedWhenTheSpecIsBuilt() {
    assertThrows(IllegalStateException.class, () -> FunctionSpec.builder("X", a -> Value.ZERO)
        .optionalArg(ArgKind.NUMBER, "abc").build(), "a default that is not of its kind");
    assertThrows(IllegalStateException.class, () -> FunctionSpec.builder("X", a -> Value.ZERO)
        .optionalArg(ArgKind.REFERENCE, 1).build(), "references take no default");
  }

  /** F(x, [list], [n=7]): the list has no default, n has one; the body reports what it was told about the list. */
  private static final FunctionSpec GAP = FunctionSpec.builder("GAP", a -> Value.text(
      a.has(1) + "|" + a.given(1) + "|" + a.num(2) + "|" + a.has(2)))
      .arg(ArgKind.NUMBER).optionalArg(ArgKind.ARRAY).optionalArg(ArgKind.NUMBER, 7).build();

  @Test
  void anOmittedArgumentWithoutDefaultBeforeOneWithADefaultIsNotWritten() {
    // GAP(1): the list is not written (has and given false), n takes its default, which is not written either
    assertEquals("false|false|7.0|false", call(GAP, Value.num(1)));
    // GAP(1,,): the list written empty (has, not given), n written empty is 0
    assertEquals("true|false|0.0|true", call(GAP, Value.num(1), Value.MISSING, Value.MISSING));
    assertEquals("true|true|7.0|false", call(GAP, Value.num(1), Value.num(2)));
  }

  @Test
  void theRegistryDeclaresDefaultsOfWellKnownFunctions() {
    FunctionRegistry r = FunctionRegistry.standard();
    assertEquals(Value.num(10), r.lookup("LOG").defaultOf(1));
    assertEquals(Value.TRUE, r.lookup("VLOOKUP").defaultOf(3));
    assertEquals(Value.num(0.1), r.lookup("IRR").defaultOf(1));
    assertEquals(Value.text("i"), r.lookup("COMPLEX").defaultOf(2));
    assertNull(r.lookup("ROUND").defaultOf(0), "a required argument has none");
    assertEquals(Value.FALSE, r.lookup("IF").defaultOf(1));
    assertEquals(Value.num(3), r.lookup("TRIMRANGE").defaultOf(2));
    assertEquals(Value.num(1), r.lookup("XLOOKUP").defaultOf(5));
    assertEquals(Value.num(1), r.lookup("SORT").defaultOf(1), "an array argument's default: one key, column 1");
    assertNull(r.lookup("XLOOKUP").defaultOf(3), "if_not_found: an error when omitted, no default");
  }

  private enum Pair implements Param { FIRST, SECOND }

  @Test
  void namedArgumentsStandAtTheirPositionsAndKeepTheirNames() {
    FunctionSpec sum = FunctionSpec.builder("PAIR", a -> Value.num(a.number(Pair.FIRST) + 10 * a.number(Pair.SECOND)))
        .arg(Pair.FIRST, ArgKind.NUMBER).optionalArg(Pair.SECOND, ArgKind.NUMBER, 3).build();
    assertEquals(Value.num(31), sum.invoke(new Value[] {Value.num(1)}, EvalContext.forTesting()));
    assertEquals("SECOND", sum.argName(1));
    assertThrows(IllegalStateException.class, () -> FunctionSpec.builder("X", a -> Value.ZERO)
        .arg(Pair.SECOND, ArgKind.NUMBER).build(), "a name declared at another position");
    FunctionRegistry r = FunctionRegistry.standard();
    assertEquals("RATE", r.lookup("PRICE").argName(2));
    assertEquals("CALC_METHOD", r.lookup("ACCRINT").argName(7));
    assertEquals(Value.num(1), r.lookup("ACCRINT").defaultOf(7));
    assertEquals(Value.num(0), r.lookup("ODDLYIELD").defaultOf(7));
  }

  @Test
  void engineeringNumbersRefuseLogicalValuesThroughTheirKind() {
    FunctionRegistry r = FunctionRegistry.standard();
    for (String name : new String[] {"DELTA", "GESTEP", "ERF", "ERFC", "ERF.PRECISE", "BESSELJ", "COMPLEX", "CONVERT"}) {
      assertEquals(ArgKind.NUMBER_NOT_LOGICAL, r.lookup(name).kind(0), name);
    }
    assertEquals(Value.err(xlspark.value.ExcelError.VALUE, "logical values are not accepted"),
        ArgKind.NUMBER_NOT_LOGICAL.coerce(Value.TRUE, DateSystem.EXCEL_1900));
    assertEquals(Value.num(12), ArgKind.NUMBER_NOT_LOGICAL.coerce(Value.text("12"), DateSystem.EXCEL_1900));
  }

  @Test
  void everyFunctionHasACategoryAndAliasesShareTheirSpecsShape() {
    Map<Category, Integer> perCategory = new TreeMap<>();
    for (FunctionSpec f : FunctionRegistry.standard().all()) {
      perCategory.merge(f.category(), 1, Integer::sum);
    }
    assertEquals(Category.values().length, perCategory.size(), "every category has functions: " + perCategory);
    assertEquals(Category.STATISTICAL, Category.of("Statistical"));
    assertThrows(IllegalArgumentException.class, () -> Category.of("maths"));
    FunctionRegistry r = FunctionRegistry.standard();
    for (String[] pair : new String[][] {{"LEN", "LENB"}, {"CEILING.PRECISE", "ISO.CEILING"},
        {"ERFC", "ERFC.PRECISE"}, {"NORM.DIST", "NORMDIST"}}) {
      FunctionSpec a = r.lookup(pair[0]);
      FunctionSpec b = r.lookup(pair[1]);
      assertTrue(a.category() == b.category() && a.minArgs() == b.minArgs() && a.maxArgs() == b.maxArgs(),
          pair[0] + " and " + pair[1]);
    }
  }
}

package xlspark.functions.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import xlspark.functions.EvalContext;
import xlspark.functions.library.FunctionRegistry;
import xlspark.value.ExcelError;
import xlspark.value.Value;
import xlspark.value.Value.Arr;
import xlspark.value.Value.Err;

/** Database-function rules that array constants cannot show: blank cells, and the unsupported computed criteria. */
class DatabaseFunctionsTest {
  private static final Arr DB = new Arr(4, 2, new Value[] {
      Value.text("Name"), Value.text("Score"),
      Value.text("Ann"), Value.num(7),
      Value.text("Ann"), Value.BLANK,
      Value.text("Bob"), Value.num(3)});

  private static Value call(String name, Value... args) {
    return FunctionRegistry.standard().lookup(name).invoke(args, EvalContext.forTesting());
  }

  private static Arr criteria(Value... cells) {
    return new Arr(cells.length / 2, 2, cells);
  }

  @Test
  void dgetIgnoresMatchingRecordsWhoseFieldIsBlank() {
    Arr ann = new Arr(2, 1, new Value[] {Value.text("Name"), Value.text("=Ann")});
    assertEquals(Value.num(7), call("DGET", DB, Value.text("Score"), ann));
    Arr all = new Arr(2, 1, new Value[] {Value.text("Name"), Value.BLANK});
    assertEquals(ExcelError.NUM, ((Err) call("DGET", DB, Value.text("Score"), all)).code());
  }

  @Test
  void blankConditionsHoldForEveryRecordAndEmptyFieldCountsRecords() {
    Arr anyName = criteria(Value.text("Name"), Value.text("Score"), Value.BLANK, Value.text(">0"));
    assertEquals(Value.num(10), call("DSUM", DB, Value.text("Score"), anyName));
    assertEquals(Value.num(2), call("DCOUNT", DB, Value.MISSING, anyName));
    Arr everything = new Arr(2, 1, new Value[] {Value.text("Name"), Value.BLANK});
    assertEquals(Value.num(3), call("DCOUNTA", DB, Value.MISSING, everything));
    assertEquals(Value.num(2), call("DCOUNTA", DB, Value.text("Score"), everything));
  }

  @Test
  void aConditionUnderALabelThatNamesNoColumnIsValueWithAReason() {
    Arr computed = new Arr(2, 1, new Value[] {Value.text("Above average"), Value.TRUE});
    Value r = call("DSUM", DB, Value.text("Score"), computed);
    assertEquals(ExcelError.VALUE, ((Err) r).code());
    assertTrue(((Err) r).message().contains("computed criteria are not supported"), r::toString);
    Arr blankUnderUnknown = new Arr(2, 1, new Value[] {Value.text("Above average"), Value.BLANK});
    assertEquals(Value.num(10), call("DSUM", DB, Value.text("Score"), blankUnderUnknown));
  }
}

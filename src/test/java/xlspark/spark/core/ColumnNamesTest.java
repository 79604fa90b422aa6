package xlspark.spark.core;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** Two input columns of one folded name are refused before any row runs, whatever plane their letters are in. */
class ColumnNamesTest {
  private static StructType columns(String... names) {
    StructType t = new StructType();
    for (String n : names) {
      t = t.add(n, DataTypes.StringType);
    }
    return t;
  }

  @Test
  void namesSparkTakesForOneAreOneName() {
    String upper = new String(Character.toChars(0x10400));
    String lower = new String(Character.toChars(0x10428));
    UsageException e = assertThrows(UsageException.class,
        () -> RowEvaluator.checkNames(columns("expression", "x" + upper, "x" + lower)));
    assertEquals("column 'x" + lower + "' appears twice in the input (as 'x" + upper + "' and 'x" + lower
        + "': names are matched without regard to case)", e.getMessage());
    assertThrows(UsageException.class, () -> RowEvaluator.checkNames(columns("expression", "rate", "RATE")));
    assertDoesNotThrow(() -> RowEvaluator.checkNames(columns("expression", "ß", "ss", "\uD83D\uDE00")));
  }
}

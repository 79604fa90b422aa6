package xlspark.workbook;

import java.io.Serializable;
import xlspark.eval.EvalOutcome;
import xlspark.eval.FormulaEvaluator;
import xlspark.value.Value;

/**
 * One output row of the {@code workbook} command: a formula cell, its recomputed result, and the result the
 * file carried. {@code matchesCached} is null when the file has no cached result.
 */
public record CellResult(String workbook, String sheet, String cell, String formula, String type, String value,
                         Double number, String message, String cachedType, String cachedValue,
                         Boolean matchesCached) implements Serializable {

  /** Relative tolerance when comparing numbers with the cached results. */
  public static final double RELATIVE_TOLERANCE = 1e-9;

  static CellResult of(String workbook, String sheet, CellModel c, String note) {
    EvalOutcome o = FormulaEvaluator.outcome(c.value == null ? Value.BLANK : c.value);
    EvalOutcome cached = c.cached == null ? null : FormulaEvaluator.outcome(c.cached);
    return new CellResult(workbook, sheet, xlspark.value.Area.a1(c.row, c.col),
        c.formula != null ? "=" + c.formula : null, o.type().name(), o.value(), o.number(), note != null ? note : o.message(),
        cached == null ? null : cached.type().name(), cached == null ? null : cached.value(),
        c.cached == null ? null : matches(c.value, c.cached));
  }

  /** A formula cell the file puts outside Excel's grid: not evaluated, an error row with the position as given. */
  static CellResult outside(String workbook, String sheet, String ref, String formula) {
    return new CellResult(workbook, sheet, ref, "=" + formula, "ERROR", xlspark.value.ExcelError.REF.text(), null,
        "cell " + ref + " is outside Excel's grid (" + xlspark.value.Area.MAX_ROWS + " rows, "
        + xlspark.value.Area.MAX_COLS + " columns): not evaluated", null, null, null);
  }

  /**
   * Excel's result and ours agree: numbers within a relative 1e-9 (a result that cancels to within 1e-14 of
   * zero counts as zero, as spreadsheets snap such sums), text exactly, booleans, and errors by code.
   */
  public static boolean matches(Value computed, Value cached) {
    if (computed instanceof Value.Num a && cached instanceof Value.Num b) {
      double x = a.v();
      double y = b.v();
      if (x == y) {
        return true;
      }
      if (x == 0 || y == 0) {
        return Math.abs(x - y) < 1e-14;
      }
      return Math.abs(x - y) <= RELATIVE_TOLERANCE * Math.max(Math.abs(x), Math.abs(y));
    }
    if (computed instanceof Value.Err a && cached instanceof Value.Err b) {
      return a.code() == b.code() && (a.code() != xlspark.value.ExcelError.ERROR || b.message() == null
          || b.message().equals(a.message()));
    }
    if (computed instanceof Value.Text a && cached instanceof Value.Text b) {
      return a.s().equals(b.s());
    }
    if (computed instanceof Value.Bool a && cached instanceof Value.Bool b) {
      return a.b() == b.b();
    }
    return false;
  }
}

package xlspark.spark.sql;

import java.io.Serializable;
import xlspark.eval.EngineOptions;

/**
 * Options of {@link Xlspark#evaluate}.
 *
 * @param engine           clock, seed, limits and constants
 * @param expressionColumn the column holding the expressions (case-insensitive)
 * @param resultPrefix     prefix of the result columns
 * @param textCells        type string cells the way Excel types entered text ({@code "12"} is a number), as for
 *                         CSV input; false keeps strings as text
 * @param dryRun           check the expressions without evaluating them
 */
public record EvaluateOptions(EngineOptions engine, String expressionColumn, String resultPrefix, boolean textCells,
                              boolean dryRun) implements Serializable {

  public static EvaluateOptions defaults() {
    return new EvaluateOptions(EngineOptions.defaults(), "expression", "", false, false);
  }

  public EvaluateOptions withEngine(EngineOptions e) {
    return new EvaluateOptions(e, expressionColumn, resultPrefix, textCells, dryRun);
  }

  public EvaluateOptions withExpressionColumn(String c) {
    return new EvaluateOptions(engine, c, resultPrefix, textCells, dryRun);
  }

  public EvaluateOptions withResultPrefix(String p) {
    return new EvaluateOptions(engine, expressionColumn, p, textCells, dryRun);
  }

  public EvaluateOptions withTextCells(boolean t) {
    return new EvaluateOptions(engine, expressionColumn, resultPrefix, t, dryRun);
  }

  public EvaluateOptions withDryRun(boolean d) {
    return new EvaluateOptions(engine, expressionColumn, resultPrefix, textCells, d);
  }
}

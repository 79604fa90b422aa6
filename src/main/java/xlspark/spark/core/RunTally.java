package xlspark.spark.core;

import java.io.Serializable;
import xlspark.eval.EngineStats;

/** Rows, ERROR rows and engine phase totals of one evaluated partition. */
public record RunTally(long rows, long errors, EngineStats engine) implements Serializable {
  public static final RunTally ZERO = new RunTally(0, 0, EngineStats.ZERO);

  public RunTally plus(RunTally o) {
    return new RunTally(rows + o.rows, errors + o.errors, engine.plus(o.engine));
  }
}

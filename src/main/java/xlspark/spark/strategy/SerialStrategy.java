package xlspark.spark.strategy;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;

/** The baseline: collect to the driver and evaluate in one thread, as a plain loop would. */
public final class SerialStrategy implements EvaluationStrategy {
  @Override
  public StrategyKind kind() {
    return StrategyKind.SERIAL;
  }

  @Override
  public Evaluated evaluate(EvaluationInput in) {
    List<Row> rows = in.input().rdd().collect();
    List<Row> out = new ArrayList<>(rows.size());
    in.evaluator().evaluate(rows.iterator(), 0).forEachRemaining(out::add);
    return new Evaluated(in.spark().createDataFrame(out, in.evaluator().outputSchema()), kind(),
        "driver, one thread", 1);
  }
}

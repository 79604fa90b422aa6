package xlspark.spark.strategy;

/**
 * One way of splitting the evaluation work over Spark. Every strategy evaluates with the same
 * {@link xlspark.spark.core.RowEvaluator} and returns its rows in input order, so all modes give identical output.
 */
public interface EvaluationStrategy {
  StrategyKind kind();

  /** Evaluates lazily where possible; the returned Dataset is in row index order, row index column kept. */
  Evaluated evaluate(EvaluationInput input);

  /** The strategy for a mode. */
  static EvaluationStrategy of(StrategyKind kind) {
    return switch (kind) {
      case SERIAL -> new SerialStrategy();
      case POOL -> new PartitionPoolStrategy();
      case TASKS -> new GroupTaskStrategy();
      case AUTO -> new AutoStrategy();
    };
  }
}

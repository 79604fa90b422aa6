package xlspark.spark.strategy;

import xlspark.spark.io.IndexedInput;

/**
 * Spreads the rows over {@code --partitions} (default: every task slot) contiguous ranges and evaluates each
 * range with one evaluator where it is read; the per-JVM template cache is shared by all partitions of an
 * executor. Ranges keep input order without a shuffle or a sort: reading, evaluating and writing are one stage.
 */
public final class PartitionPoolStrategy implements EvaluationStrategy {
  @Override
  public StrategyKind kind() {
    return StrategyKind.POOL;
  }

  @Override
  public Evaluated evaluate(EvaluationInput in) {
    int wanted = in.split().poolPartitions(in.slots());
    IndexedInput.Ranges ranges = in.input().ranges(wanted);
    int partitions = ranges.rdd().getNumPartitions();
    return new Evaluated(in.evaluator().evaluate(in.spark(), ranges.rdd(), ranges.starts()), kind(),
        ranges.how() + " over " + in.slots() + " task slots", partitions);
  }
}

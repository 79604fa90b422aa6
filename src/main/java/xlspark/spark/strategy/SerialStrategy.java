package xlspark.spark.strategy;

import xlspark.spark.io.IndexedInput;

/**
 * The baseline a plain loop gives: one thread evaluates every row in order, in one Spark task that reads the
 * input and writes its part of the output (not on the driver, which would have to collect the rows first).
 */
public final class SerialStrategy implements EvaluationStrategy {
  @Override
  public StrategyKind kind() {
    return StrategyKind.SERIAL;
  }

  @Override
  public Evaluated evaluate(EvaluationInput in) {
    IndexedInput.Ranges ranges = in.input().ranges(1);
    return new Evaluated(in.evaluator().evaluate(in.spark(), ranges.rdd(), ranges.starts()), kind(), "one Spark task, one thread", 1);
  }
}

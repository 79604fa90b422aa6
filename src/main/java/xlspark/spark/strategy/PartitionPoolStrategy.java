package xlspark.spark.strategy;

import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import xlspark.spark.ResultColumns;
import xlspark.spark.RowEvaluator;

/**
 * Spreads the rows over {@code --partitions} (default: every task slot) contiguous ranges and evaluates each
 * range with one evaluator; the per-JVM template cache is shared by all partitions of an executor. Ranges keep
 * input order without a global sort.
 */
public final class PartitionPoolStrategy implements EvaluationStrategy {
  @Override
  public StrategyKind kind() {
    return StrategyKind.POOL;
  }

  @Override
  public Evaluated evaluate(EvaluationInput in) {
    int partitions = in.config().partitions() > 0 ? in.config().partitions() : in.slots();
    partitions = (int) Math.max(1, Math.min(partitions, Math.max(1, in.input().count())));
    RowEvaluator evaluator = in.evaluator();
    MapPartitionsFunction<Row, Row> evaluate = evaluator::evaluatePartition;
    long[] sizes = in.input().partitionSizes();
    if (sizes.length == partitions && balanced(sizes)) {
      // already split the way we would split it (Parquet row groups, CSV splits): no shuffle
      Dataset<Row> out = in.input().rows().mapPartitions(evaluate, Encoders.row(evaluator.outputSchema()));
      return new Evaluated(out, kind(), partitions + " input partitions over " + in.slots() + " task slots",
          partitions);
    }
    Dataset<Row> out = in.input().rows()
        .repartitionByRange(partitions, functions.col(ResultColumns.ROW_INDEX))
        .sortWithinPartitions(ResultColumns.ROW_INDEX)
        .mapPartitions(evaluate, Encoders.row(evaluator.outputSchema()));
    return new Evaluated(out, kind(), partitions + " partitions over " + in.slots() + " task slots", partitions);
  }

  /** No partition more than a quarter above the mean: the slowest task decides the stage's time. */
  static boolean balanced(long[] sizes) {
    long max = 0;
    long total = 0;
    for (long s : sizes) {
      max = Math.max(max, s);
      total += s;
    }
    return max * sizes.length <= total * 5 / 4;
  }
}

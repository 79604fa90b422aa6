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
    Dataset<Row> out = in.input().rows()
        .repartitionByRange(partitions, functions.col(ResultColumns.ROW_INDEX))
        .sortWithinPartitions(ResultColumns.ROW_INDEX)
        .mapPartitions((MapPartitionsFunction<Row, Row>) evaluator::evaluatePartition,
            Encoders.row(evaluator.outputSchema()));
    return new Evaluated(out, kind(), partitions + " partitions over " + in.slots() + " task slots", partitions);
  }
}

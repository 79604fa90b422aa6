package xlspark.spark.strategy;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * A strategy's result.
 *
 * @param rows        output rows in input order (a row index column, if present, is dropped before writing)
 * @param kind        the strategy that did the work (auto names its choice)
 * @param reason      why this strategy (auto), or a short description
 * @param parallelism partitions (pool), tasks (tasks) or 1 (serial: one task)
 */
public record Evaluated(Dataset<Row> rows, StrategyKind kind, String reason, int parallelism) {}

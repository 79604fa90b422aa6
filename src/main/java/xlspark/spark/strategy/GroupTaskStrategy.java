package xlspark.spark.strategy;

import java.util.Optional;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import scala.Tuple2;
import xlspark.spark.core.ResultColumns;
import xlspark.spark.core.RowEvaluator;
import xlspark.spark.core.UsageException;

/**
 * Exactly one Spark task per group, through {@link GroupPartitioner}: the unit for work that waits (web
 * calls) or for groups that belong together. Refuses more groups than {@code --max-tasks} before evaluating
 * anything, since a task per row of a million rows would swamp the scheduler.
 */
public final class GroupTaskStrategy implements EvaluationStrategy {
  /** The name of the stage whose tasks are the groups, as the Spark UI and listeners show it. */
  public static final String STAGE_NAME = "xlspark tasks: one task per group";

  @Override
  public StrategyKind kind() {
    return StrategyKind.TASKS;
  }

  /** Relative standard error of the early estimate of the distinct group values. */
  static final double GROUP_ESTIMATE_RSD = 0.01;

  /**
   * Refuses tasks mode before the input is indexed (indexing reads and keeps every row) when a cheap count already
   * shows more groups than {@code --max-tasks}: without a group column, the rows the driver's CSV scan counted, or
   * a count of the rows; with one, an estimate of its distinct values (HyperLogLog in one pass over that column,
   * 1% relative error, refused only beyond six such errors over the limit). Near the limit the exact count after
   * indexing decides, as before.
   *
   * @param knownRows the input's rows when already counted (a CSV read line by line), else -1
   */
  public static void refuseEarly(Dataset<Row> data, Optional<String> group, long knownRows, SplitSpec split) {
    int max = split.maxTasks();
    if (group.isEmpty()) {
      long rows = knownRows >= 0 ? knownRows : data.count();
      if (rows > max) {
        throw refused(rows + " expressions and no '" + split.groupColumn() + "' column (one task each)", max);
      }
      return;
    }
    Row r = data.agg(functions.approx_count_distinct(ResultColumns.column(group.get()), GROUP_ESTIMATE_RSD)).first();
    long estimate = r.getLong(0);
    if (estimate > max * (1 + 6 * GROUP_ESTIMATE_RSD)) {
      throw refused("about " + estimate + " distinct values in '" + group.get() + "'", max);
    }
  }

  private static UsageException refused(String what, int max) {
    return new UsageException("tasks mode refused: " + what + " would need more than --max-tasks " + max
        + " tasks; use --mode pool or --mode auto, or group the rows with --group-column");
  }

  @Override
  public Evaluated evaluate(EvaluationInput in) {
    int max = in.split().maxTasks();
    GroupIndex groups = GroupIndex.find(in, max);
    if (groups.count() > max) {
      throw refused(groups.perRow()
          ? groups.count() + " expressions and no '" + in.split().groupColumn() + "' column (one task each)"
          : "more than " + max + " distinct values in '" + in.groupColumn().orElseThrow() + "'", max);
    }
    return run(in, groups, "one task per group, " + groups.count() + " groups on " + in.slots() + " task slots");
  }

  static final long ROWS_PER_OUTPUT = 50_000;

  static Evaluated run(EvaluationInput in, GroupIndex groups, String reason) {
    int tasks = (int) Math.max(1, groups.count());
    RowEvaluator evaluator = in.evaluator().withInput(in.input().rows().schema());
    int rowIndexPos = evaluator.outputSchema().size() - 1;
    var grouped = in.input().rdd()
        .mapToPair(r -> new Tuple2<>(groups.of(r), r))
        .partitionBy(new GroupPartitioner(tasks));
    SparkContext sc = in.spark().sparkContext();
    sc.setCallSite(STAGE_NAME);
    JavaPairRDD<Long, Row> evaluated;
    try {
      evaluated = grouped.values()
          .mapPartitions(evaluator::evaluatePartition)
          .mapToPair(r -> new Tuple2<>(r.getLong(rowIndexPos), r));
    } finally {
      sc.clearCallSite();
    }
    // Output partitions for the order-restoring sort: the task slots, but at least ROWS_PER_OUTPUT rows each, so a
    // few hundred waiting rows on 64 slots are not written as 64 tiny part files (the benchmark's W5).
    long rows = in.input().count();
    int outputs = (int) Math.max(1, Math.min(in.slots(), (rows + ROWS_PER_OUTPUT - 1) / ROWS_PER_OUTPUT));
    JavaRDD<Row> ordered = evaluated
        .repartitionAndSortWithinPartitions(new RowRangePartitioner(outputs, rows))
        .values();
    return new Evaluated(in.spark().createDataFrame(ordered, evaluator.outputSchema()), StrategyKind.TASKS,
        reason, tasks);
  }
}

package xlspark.spark.strategy;

import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Row;
import scala.Tuple2;
import xlspark.spark.RowEvaluator;
import xlspark.spark.UsageException;

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

  @Override
  public Evaluated evaluate(EvaluationInput in) {
    int max = in.config().maxTasks();
    GroupIndex groups = GroupIndex.find(in, max);
    if (groups.count() > max) {
      String what = groups.perRow()
          ? groups.count() + " expressions and no '" + in.config().groupColumn() + "' column (one task each)"
          : "more than " + max + " distinct values in '" + in.groupColumn().orElseThrow() + "'";
      throw new UsageException("tasks mode refused: " + what + " would need more than --max-tasks " + max
          + " tasks; use --mode pool or --mode auto, or group the rows with --group-column");
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

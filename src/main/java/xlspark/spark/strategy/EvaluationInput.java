package xlspark.spark.strategy;

import java.util.Optional;
import org.apache.spark.sql.SparkSession;
import xlspark.spark.core.RowEvaluator;
import xlspark.spark.io.IndexedInput;

/**
 * What every strategy gets.
 *
 * @param groupColumn the exact name of the group column, when the input has one
 */
public record EvaluationInput(SparkSession spark, IndexedInput input, RowEvaluator evaluator, SplitSpec split,
                              Optional<String> groupColumn) {

  /** Total task slots: Spark's default parallelism (executor cores, or N of local[N]). */
  public int slots() {
    return spark.sparkContext().defaultParallelism();
  }
}

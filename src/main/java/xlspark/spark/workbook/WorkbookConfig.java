package xlspark.spark.workbook;

import java.io.Serializable;
import java.util.Map;
import xlspark.eval.EngineOptions;
import xlspark.spark.io.DataFormat;
import xlspark.spark.strategy.StrategyKind;

/**
 * One {@code workbook} run, parsed and defaulted.
 *
 * @param input        an .xlsx/.xlsm/.xls file or a folder of them (any Hadoop file system URI)
 * @param output       where the formula-cell rows go (Spark-style folder, or one file with {@code singleFile});
 *                     null: only the summary is printed
 * @param outputFormat null: from the output's extension, else csv
 * @param mode         serial (driver), pool (workbooks spread over the cores), tasks (one task per workbook), auto
 * @param partitions   pool partitions; 0: the default parallelism
 * @param maxTasks     tasks mode refuses more workbooks than this
 * @param writeValues  folder for copies of the workbooks with the recomputed values cached; null: none
 * @param timingsFile  JSON run report; null: none
 * @param heavySeconds a workbook taking longer than this in its one task is reported as too heavy for one task
 */
public record WorkbookConfig(String input, String output, DataFormat outputFormat, boolean overwrite,
                             boolean singleFile, Map<String, String> csvOptions, StrategyKind mode, int partitions,
                             int maxTasks, EngineOptions engine, String writeValues, String timingsFile,
                             double heavySeconds) implements Serializable {
  public static final double DEFAULT_HEAVY_SECONDS = 30;

  public WorkbookConfig {
    csvOptions = Map.copyOf(csvOptions);
    if (partitions < 0) {
      throw new IllegalArgumentException("--partitions must not be negative");
    }
    if (maxTasks < 1) {
      throw new IllegalArgumentException("--max-tasks must be at least 1");
    }
  }
}

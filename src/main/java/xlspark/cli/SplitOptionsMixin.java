package xlspark.cli;

import picocli.CommandLine.Option;
import xlspark.spark.JobConfig;
import xlspark.spark.strategy.SplitSpec;
import xlspark.spark.strategy.StrategyKind;

/** How a command splits its work over Spark: {@code --mode}, {@code --partitions}, {@code --max-tasks}. */
public final class SplitOptionsMixin {
  @Option(names = "--mode", paramLabel = "MODE", descriptionKey = "mode",
      description = "serial|pool|tasks|auto. Default: auto.")
  String mode = "auto";

  @Option(names = "--partitions", paramLabel = "N", descriptionKey = "partitions",
      description = "Pool partitions. Default: total executor cores.")
  int partitions;

  @Option(names = "--max-tasks", paramLabel = "N", descriptionKey = "max-tasks",
      description = "Tasks mode refuses more groups. Default: 10000.")
  int maxTasks = SplitSpec.DEFAULT_MAX_TASKS;

  /** The parsed mode; an unknown one throws {@link IllegalArgumentException}. */
  StrategyKind kind() {
    return StrategyKind.parse(mode);
  }
}

package xlspark.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import xlspark.spark.JobConfig;
import xlspark.spark.UsageException;
import xlspark.spark.io.DataFormat;
import xlspark.spark.strategy.StrategyKind;
import xlspark.spark.workbook.WorkbookConfig;
import xlspark.spark.workbook.WorkbookJob;
import xlspark.spark.workbook.WorkbookJobResult;
import xlspark.workbook.WorkbookSummary;

/** {@code xlspark workbook}: recalculates the formulas of .xlsx/.xls workbooks and compares with their cached results. */
@Command(name = "workbook", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Recalculates every formula of .xlsx/.xlsm/.xls workbooks (references, ranges, sheets, names, "
        + "tables) and compares each result with the one saved in the file.")
public final class WorkbookCommand implements Callable<Integer> {
  private final SessionSource sessions;

  @Spec
  CommandSpec spec;

  @Option(names = "--input", required = true, paramLabel = "PATH",
      description = "A workbook or a folder of workbooks (any Hadoop file system URI).")
  String input;

  @Option(names = "--output", paramLabel = "PATH",
      description = "One row per formula cell (Spark-style folder, or one file with --single-file). "
          + "Default: print the summary only.")
  String output;

  @Option(names = "--output-format", paramLabel = "FORMAT",
      description = "csv|json|parquet|xlsx. Default: from the output's extension, else csv.")
  String outputFormat;

  @Option(names = "--overwrite", description = "Replace an existing output (only once the new one is complete).")
  boolean overwrite;

  @Option(names = "--single-file", description = "Write exactly one file at the output path.")
  boolean singleFile;

  @Option(names = "--csv-option", paramLabel = "KEY=VALUE", description = "Option for Spark's CSV writer (repeatable).")
  Map<String, String> csvOptions = new LinkedHashMap<>();

  @Option(names = "--mode", paramLabel = "MODE",
      description = "serial (driver) | pool (workbooks packed over the cores) | tasks (one task per workbook) | auto. "
          + "Default: auto.")
  String mode = "auto";

  @Option(names = "--partitions", paramLabel = "N", description = "Pool partitions. Default: total executor cores.")
  int partitions;

  @Option(names = "--max-tasks", paramLabel = "N", description = "Tasks mode refuses more workbooks. Default: 10000.")
  int maxTasks = JobConfig.DEFAULT_MAX_TASKS;

  @Option(names = "--write-values", paramLabel = "DIR",
      description = "Write each workbook to DIR with the recomputed values as its cached results (formulas untouched).")
  String writeValues;

  @Option(names = "--heavy-seconds", paramLabel = "S",
      description = "Report a workbook whose one task takes longer than this. Default: 30.")
  double heavySeconds = WorkbookConfig.DEFAULT_HEAVY_SECONDS;

  @Option(names = "--timings", paramLabel = "FILE", description = "Write the run report (per workbook) as JSON to FILE.")
  String timings;

  @Option(names = "--task-slots", paramLabel = "N", description = "With a local master, run local[N].")
  int taskSlots;

  @Mixin
  EngineOptionsMixin engine;

  public WorkbookCommand(SessionSource sessions) {
    this.sessions = sessions;
  }

  WorkbookConfig toConfig() {
    try {
      return new WorkbookConfig(input, output, outputFormat == null ? null : DataFormat.parse(outputFormat), overwrite,
          singleFile, csvOptions, StrategyKind.parse(mode), partitions, maxTasks, engine.toEngineOptions(),
          writeValues, timings, heavySeconds);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage(), e);
    }
  }

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    WorkbookConfig config = toConfig();
    SparkSession spark = sessions.open("xlspark workbook", taskSlots, err);
    out.println("xlspark: Spark " + spark.version() + ", master " + spark.sparkContext().master() + ", "
        + spark.sparkContext().defaultParallelism() + " task slots");
    WorkbookJobResult result = WorkbookJob.run(spark, config);
    out.println("xlspark: mode " + result.modeText() + ": " + result.reason());
    for (WorkbookSummary w : result.workbooks()) {
      out.println("  " + w.line());
      for (String warning : w.warnings()) {
        err.println("xlspark: warning: " + w.workbook() + ": " + warning);
      }
    }
    for (String h : result.heavy()) {
      err.println("xlspark: heavy workbook: " + h);
    }
    out.println(result.summaryLine());
    if (config.timingsFile() != null) {
      Path file = Path.of(config.timingsFile());
      if (file.getParent() != null) {
        Files.createDirectories(file.getParent());
      }
      Files.writeString(file, result.toJson() + "\n", StandardCharsets.UTF_8);
    }
    out.flush();
    return Main.OK;
  }
}

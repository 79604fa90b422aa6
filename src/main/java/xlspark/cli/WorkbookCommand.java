package xlspark.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import xlspark.spark.core.UsageException;
import xlspark.spark.workbook.WorkbookConfig;
import xlspark.spark.workbook.WorkbookJob;
import xlspark.spark.workbook.WorkbookJobResult;
import xlspark.workbook.WorkbookSummary;

/**
 * {@code xlspark workbook}: recalculates the formulas of .xlsx/.xls workbooks and compares with their cached results.
 * The options it shares with {@code evaluate} come from the same mixins; WorkbookCommandMessages.properties holds
 * the wording that differs.
 */
@Command(name = "workbook", mixinStandardHelpOptions = true, sortOptions = false,
    resourceBundle = "xlspark.cli.WorkbookCommandMessages",
    description = "Recalculates every formula of .xlsx/.xlsm/.xls workbooks (references, ranges, sheets, names, "
        + "tables) and compares each result with the one saved in the file.")
public final class WorkbookCommand implements Callable<Integer> {
  private final SessionSource sessions;

  @Spec
  CommandSpec spec;

  @Mixin
  InputOptionMixin input;

  @Mixin
  OutputOptionsMixin output;

  @Mixin
  SplitOptionsMixin split;

  @Option(names = "--write-values", paramLabel = "DIR",
      description = "Write each workbook to DIR with the recomputed values as its cached results (formulas untouched).")
  String writeValues;

  @Option(names = "--heavy-seconds", paramLabel = "S",
      description = "Report a workbook whose one task takes longer than this. Default: 30.")
  double heavySeconds = WorkbookConfig.DEFAULT_HEAVY_SECONDS;

  @Mixin
  RunOptionsMixin run;

  @Mixin
  EngineOptionsMixin engine;

  public WorkbookCommand(SessionSource sessions) {
    this.sessions = sessions;
  }

  WorkbookConfig toConfig() {
    try {
      return WorkbookConfig.builder(input.input)
          .output(output.toSpec(null))
          .mode(split.kind())
          .partitions(split.partitions)
          .maxTasks(split.maxTasks)
          .engine(engine.toEngineOptions())
          .writeValues(writeValues)
          .heavySeconds(heavySeconds)
          .build();
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage(), e);
    }
  }

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    WorkbookConfig config = toConfig();
    SparkSession spark = sessions.open("xlspark workbook", run.taskSlots(), err);
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
    for (String w : result.warnings()) {
      err.println("xlspark: warning: " + w);
    }
    for (String h : result.heavy()) {
      err.println("xlspark: heavy workbook: " + h);
    }
    out.println(result.summaryLine());
    run.writeRecord(result.toJson());
    out.flush();
    return Main.OK;
  }
}

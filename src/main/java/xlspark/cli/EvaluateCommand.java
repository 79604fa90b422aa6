package xlspark.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import xlspark.spark.EvaluationJob;
import xlspark.spark.JobConfig;
import xlspark.spark.JobResult;
import xlspark.spark.RunProgress;
import xlspark.spark.core.UsageException;
import xlspark.spark.io.DataFormat;
import xlspark.spark.strategy.SplitSpec;
import xlspark.spark.timing.ProgressLine;
import xlspark.spark.timing.TimingListener;
import xlspark.spark.timing.TimingReport;

/** {@code xlspark evaluate}: maps the options to a {@link JobConfig} and runs {@link EvaluationJob}. */
@Command(name = "evaluate", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Evaluates the 'expression' column of a table and writes one result row per input row.")
public final class EvaluateCommand implements Callable<Integer> {
  private final SessionSource sessions;

  @Spec
  CommandSpec spec;

  @Mixin
  InputOptionMixin input;

  @Option(names = "--input-format", paramLabel = "FORMAT",
      description = "csv|json|parquet|xlsx|delta. Default: from the extension (a folder with _delta_log: delta).")
  String inputFormat;

  @Option(names = "--version-as-of", paramLabel = "N", description = "Delta input: read this table version.")
  Long versionAsOf;

  @Option(names = "--timestamp-as-of", paramLabel = "TIME",
      description = "Delta input: read the version current at this time (2024-01-31 or 2024-01-31 12:00:00).")
  String timestampAsOf;

  @Option(names = "--sheet", paramLabel = "NAME", description = "xlsx sheet to read (default: the first) and to write.")
  String sheet;

  @Mixin
  OutputOptionsMixin output;

  @Mixin
  SplitOptionsMixin split;

  @Option(names = "--group-column", paramLabel = "NAME",
      description = "Tasks mode: one task per distinct value. Default: group (absent: one per expression).")
  String groupColumn = SplitSpec.DEFAULT_GROUP_COLUMN;

  @Mixin
  EngineOptionsMixin engine;

  @Option(names = "--dry-run", description = "Parse and check every expression; evaluate nothing.")
  boolean dryRun;

  @Option(names = "--max-error-rate", paramLabel = "R",
      description = "Exit 3 when more than this fraction (0-1) of the rows are ERROR.")
  Double maxErrorRate;

  @Option(names = "--result-prefix", paramLabel = "P", description = "Prefix for the result column names.")
  String resultPrefix = "";

  @Mixin
  RunOptionsMixin run;

  @Option(names = "--ui-hold", paramLabel = "SECONDS", description = "Keep the driver and its UI up after the work.")
  int uiHold;

  @Mixin
  ProgressOptionsMixin display;

  /** This process's stderr is a terminal (set by {@link Main}): the progress line is on by default. */
  boolean stderrTerminal;

  public EvaluateCommand(SessionSource sessions) {
    this.sessions = sessions;
  }

  /** The options as a JobConfig; usage errors throw {@link UsageException}. */
  JobConfig toConfig() {
    try {
      if (uiHold < 0) {
        throw new UsageException("--ui-hold must not be negative");
      }
      return JobConfig.builder(input.input)
          .inputFormat(inputFormat == null ? null : DataFormat.parse(inputFormat))
          .sheet(sheet)
          .csvOptions(output.csvOptions)
          .output(output.toSpec(sheet))
          .mode(split.kind())
          .partitions(split.partitions)
          .groupColumn(groupColumn)
          .maxTasks(split.maxTasks)
          .engine(engine.toEngineOptions())
          .dryRun(dryRun)
          .maxErrorRate(maxErrorRate)
          .resultPrefix(resultPrefix)
          .versionAsOf(versionAsOf)
          .timestampAsOf(timestampAsOf)
          .build();
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage(), e);
    }
  }

  @Override
  public Integer call() throws IOException, InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    JobConfig config = toConfig();
    boolean progress = display.showProgress(stderrTerminal);
    SparkSession spark = sessions.open("xlspark evaluate", run.taskSlots(), err);
    long sessionAt = System.currentTimeMillis();
    printSessionInfo(spark, out);
    TimingListener.Run timing = TimingListener.attach(spark.sparkContext()).begin(spark.sparkContext());
    JobResult result;
    ProgressLine line = progress ? ProgressLine.start(spark.sparkContext(), err, stderrTerminal, display.progress)
        : null;
    try {
      result = EvaluationJob.run(spark, config, line == null ? RunProgress.NONE : line);
    } finally {
      if (line != null) {
        line.close();
      }
      timing.end();
    }
    TimingReport report = new TimingReport(TimingReport.Header.of(spark, sessionAt), result, timing.end());
    if (result.used() != config.mode()) {
      out.println("xlspark: auto mode chose " + result.used().cliName() + ": " + result.reason());
    }
    for (String w : result.warnings()) {
      err.println("xlspark: warning: " + w);
    }
    for (String p : result.problems()) {
      out.println("  " + p);
    }
    if (!display.quiet) {
      out.print(report.text());
    }
    out.println(result.summaryLine());
    run.writeRecord(report.json());
    int code = Main.exitCode(result, config);
    if (code == Main.TOO_MANY_ERRORS) {
      err.printf("xlspark: %.1f%% of the rows are errors, above --max-error-rate %s%n",
          100 * result.errorRate(), config.maxErrorRate());
    }
    out.flush();
    if (uiHold > 0) {
      out.println("xlspark: holding the Spark UI for " + uiHold + " s"
          + (spark.sparkContext().uiWebUrl().isDefined() ? " at " + spark.sparkContext().uiWebUrl().get()
          : " (the UI is off)"));
      out.flush();
      Thread.sleep(uiHold * 1000L);
    }
    return code;
  }

  private static void printSessionInfo(SparkSession spark, PrintWriter out) {
    List<String> parts = new ArrayList<>();
    parts.add("master " + spark.sparkContext().master());
    parts.add(spark.sparkContext().defaultParallelism() + " task slots");
    if (spark.sparkContext().uiWebUrl().isDefined()) {
      parts.add("Spark UI " + spark.sparkContext().uiWebUrl().get());
    }
    if (spark.sparkContext().conf().getBoolean("spark.eventLog.enabled", false)) {
      parts.add("event log " + spark.sparkContext().conf().get("spark.eventLog.dir", "(default)"));
    }
    out.println("xlspark: Spark " + spark.version() + ", " + String.join(", ", parts));
  }
}

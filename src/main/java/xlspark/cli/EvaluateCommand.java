package xlspark.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import xlspark.spark.EvaluationJob;
import xlspark.spark.JobConfig;
import xlspark.spark.JobResult;
import xlspark.spark.UsageException;
import xlspark.spark.io.DataFormat;
import xlspark.spark.strategy.StrategyKind;
import xlspark.spark.timing.TimingListener;
import xlspark.spark.timing.TimingReport;

/** {@code xlspark evaluate}: maps the options to a {@link JobConfig} and runs {@link EvaluationJob}. */
@Command(name = "evaluate", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Evaluates the 'expression' column of a table and writes one result row per input row.")
public final class EvaluateCommand implements Callable<Integer> {
  private final SessionSource sessions;

  @Spec
  CommandSpec spec;

  @Option(names = "--input", required = true, paramLabel = "PATH",
      description = "File or folder (any Hadoop file system URI Spark can read).")
  String input;

  @Option(names = "--input-format", paramLabel = "FORMAT",
      description = "csv|json|parquet|xlsx. Default: from the extension.")
  String inputFormat;

  @Option(names = "--sheet", paramLabel = "NAME", description = "xlsx sheet to read (default: the first) and to write.")
  String sheet;

  @Option(names = "--csv-option", paramLabel = "KEY=VALUE",
      description = "Option for Spark's CSV reader and writer (repeatable), e.g. delimiter=;")
  Map<String, String> csvOptions = new LinkedHashMap<>();

  @Option(names = "--output", paramLabel = "PATH",
      description = "Result folder (Spark style), or the one file with --single-file.")
  String output;

  @Option(names = "--output-format", paramLabel = "FORMAT",
      description = "csv|json|parquet|xlsx. Default: from the output's extension, else the input format.")
  String outputFormat;

  @Option(names = "--overwrite", description = "Replace an existing output (only once the new one is complete).")
  boolean overwrite;

  @Option(names = "--single-file", description = "Write exactly one file at the output path.")
  boolean singleFile;

  @Option(names = "--mode", paramLabel = "MODE", description = "serial|pool|tasks|auto. Default: auto.")
  String mode = "auto";

  @Option(names = "--partitions", paramLabel = "N", description = "Pool partitions. Default: total executor cores.")
  int partitions;

  @Option(names = "--group-column", paramLabel = "NAME",
      description = "Tasks mode: one task per distinct value. Default: group (absent: one per expression).")
  String groupColumn = JobConfig.DEFAULT_GROUP_COLUMN;

  @Option(names = "--max-tasks", paramLabel = "N", description = "Tasks mode refuses more groups. Default: 10000.")
  int maxTasks = JobConfig.DEFAULT_MAX_TASKS;

  @Mixin
  EngineOptionsMixin engine;

  @Option(names = "--dry-run", description = "Parse and check every expression; evaluate nothing.")
  boolean dryRun;

  @Option(names = "--max-error-rate", paramLabel = "R",
      description = "Exit 3 when more than this fraction (0-1) of the rows are ERROR.")
  Double maxErrorRate;

  @Option(names = "--result-prefix", paramLabel = "P", description = "Prefix for the result column names.")
  String resultPrefix = "";

  @Option(names = "--csv-escape-formulas",
      description = "CSV output: prefix ' to text cells starting with = + - @ tab or CR (CSV injection).")
  boolean csvEscapeFormulas;

  @Option(names = "--timings", paramLabel = "FILE", description = "Write the run report as JSON to FILE.")
  String timings;

  @Option(names = "--ui-hold", paramLabel = "SECONDS", description = "Keep the driver and its UI up after the work.")
  int uiHold;

  @Option(names = "--task-slots", paramLabel = "N",
      description = "With a local master, run local[N] (more slots than cores helps waiting work).")
  int taskSlots;

  public EvaluateCommand(SessionSource sessions) {
    this.sessions = sessions;
  }

  /** The options as a JobConfig; usage errors throw {@link UsageException}. */
  JobConfig toConfig() {
    try {
      return JobConfig.builder(input)
          .inputFormat(inputFormat == null ? null : DataFormat.parse(inputFormat))
          .sheet(sheet)
          .csvOptions(csvOptions)
          .output(output)
          .outputFormat(outputFormat == null ? null : DataFormat.parse(outputFormat))
          .overwrite(overwrite)
          .singleFile(singleFile)
          .mode(StrategyKind.parse(mode))
          .partitions(partitions)
          .groupColumn(groupColumn)
          .maxTasks(maxTasks)
          .engine(engine.toEngineOptions())
          .dryRun(dryRun)
          .maxErrorRate(maxErrorRate)
          .resultPrefix(resultPrefix)
          .csvEscapeFormulas(csvEscapeFormulas)
          .timingsFile(timings)
          .uiHoldSeconds(uiHold)
          .taskSlots(taskSlots)
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
    SparkSession spark = sessions.open("xlspark evaluate", config.taskSlots(), err);
    long sessionAt = System.currentTimeMillis();
    printSessionInfo(spark, out);
    TimingListener.Run timing = TimingListener.attach(spark.sparkContext()).begin(spark.sparkContext());
    JobResult result;
    try {
      result = EvaluationJob.run(spark, config);
    } finally {
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
    out.print(report.text());
    out.println(result.summaryLine());
    if (config.timingsFile() != null) {
      Path file = Path.of(config.timingsFile());
      if (file.getParent() != null) {
        Files.createDirectories(file.getParent());
      }
      Files.writeString(file, report.json() + "\n", StandardCharsets.UTF_8);
    }
    int code = Main.exitCode(result, config);
    if (code == Main.TOO_MANY_ERRORS) {
      err.printf("xlspark: %.1f%% of the rows are errors, above --max-error-rate %s%n",
          100 * result.errorRate(), config.maxErrorRate());
    }
    out.flush();
    if (config.uiHoldSeconds() > 0) {
      out.println("xlspark: holding the Spark UI for " + config.uiHoldSeconds() + " s"
          + (spark.sparkContext().uiWebUrl().isDefined() ? " at " + spark.sparkContext().uiWebUrl().get()
          : " (the UI is off)"));
      out.flush();
      Thread.sleep(config.uiHoldSeconds() * 1000L);
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

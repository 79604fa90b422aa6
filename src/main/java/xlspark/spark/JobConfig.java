package xlspark.spark;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import xlspark.eval.EngineOptions;
import xlspark.spark.io.DataFormat;
import xlspark.spark.io.OutputSpec;
import xlspark.spark.strategy.StrategyKind;

/**
 * Everything one {@code evaluate} run needs, parsed, typed and defaulted. Built with {@link #builder(String)};
 * {@link Builder#build()} rejects inconsistent combinations with a {@link UsageException}.
 *
 * @param input             file or folder, any Hadoop file system URI
 * @param inputFormat       null: inferred from the extension
 * @param sheet             xlsx sheet name; null: the first sheet
 * @param csvOptions        passed to Spark's CSV reader, after xlspark's defaults (the CLI gives the writer the
 *                          same through {@link OutputSpec#csvOptions()})
 * @param output            where and how the rows are written (a null format: from the output's extension, else
 *                          the input format); null only for a dry run
 * @param mode              how the work is split
 * @param partitions        pool partitions; 0: the default parallelism (total executor cores)
 * @param groupColumn       tasks mode: one task per distinct value; absent column: one per expression
 * @param maxTasks          tasks mode refuses more groups than this
 * @param engine            clock, seed, limits and constants for the formula engine
 * @param maxErrorRate      exit 3 when more than this fraction of rows are ERROR; null: never
 * @param resultPrefix      prepended to the result column names
 * @param autoSerialMillis  auto mode picks serial when the estimated serial time is below this
 * @param versionAsOf       delta input: the table version to read; null: the newest
 * @param timestampAsOf     delta input: read the version current at this time; null: the newest
 */
public record JobConfig(
    String input, DataFormat inputFormat, String sheet, Map<String, String> csvOptions,
    OutputSpec output, StrategyKind mode, int partitions, String groupColumn, int maxTasks,
    EngineOptions engine, boolean dryRun, Double maxErrorRate, String resultPrefix,
    long autoSerialMillis, Long versionAsOf, String timestampAsOf) implements Serializable {

  public static final String DEFAULT_GROUP_COLUMN = "group";
  public static final int DEFAULT_MAX_TASKS = 10_000;
  public static final long DEFAULT_AUTO_SERIAL_MILLIS = 400;

  public JobConfig {
    csvOptions = Map.copyOf(csvOptions);
  }

  public Optional<DataFormat> inputFormatOption() {
    return Optional.ofNullable(inputFormat);
  }

  public Optional<OutputSpec> outputOption() {
    return Optional.ofNullable(output);
  }

  public static Builder builder(String input) {
    return new Builder(input);
  }

  public Builder toBuilder() {
    Builder b = new Builder(input);
    b.inputFormat = inputFormat;
    b.sheet = sheet;
    b.csvOptions.putAll(csvOptions);
    b.output = output;
    b.mode = mode;
    b.partitions = partitions;
    b.groupColumn = groupColumn;
    b.maxTasks = maxTasks;
    b.engine = engine;
    b.dryRun = dryRun;
    b.maxErrorRate = maxErrorRate;
    b.resultPrefix = resultPrefix;
    b.autoSerialMillis = autoSerialMillis;
    b.versionAsOf = versionAsOf;
    b.timestampAsOf = timestampAsOf;
    return b;
  }

  /** Mutable builder holding the defaults of every option. */
  public static final class Builder {
    private final String input;
    private DataFormat inputFormat;
    private String sheet;
    private final Map<String, String> csvOptions = new LinkedHashMap<>();
    private OutputSpec output;
    private StrategyKind mode = StrategyKind.AUTO;
    private int partitions;
    private String groupColumn = DEFAULT_GROUP_COLUMN;
    private int maxTasks = DEFAULT_MAX_TASKS;
    private EngineOptions engine = EngineOptions.defaults();
    private boolean dryRun;
    private Double maxErrorRate;
    private String resultPrefix = "";
    private long autoSerialMillis = DEFAULT_AUTO_SERIAL_MILLIS;
    private Long versionAsOf;
    private String timestampAsOf;

    private Builder(String input) {
      this.input = input;
    }

    public Builder inputFormat(DataFormat f) { inputFormat = f; return this; }
    public Builder sheet(String s) { sheet = s; return this; }
    public Builder csvOption(String key, String value) { csvOptions.put(key, value); return this; }
    public Builder csvOptions(Map<String, String> options) { csvOptions.putAll(options); return this; }
    public Builder output(OutputSpec o) { output = o; return this; }
    public Builder mode(StrategyKind m) { mode = m; return this; }
    public Builder partitions(int n) { partitions = n; return this; }
    public Builder groupColumn(String g) { groupColumn = g; return this; }
    public Builder maxTasks(int n) { maxTasks = n; return this; }
    public Builder engine(EngineOptions e) { engine = e; return this; }
    public Builder dryRun(boolean b) { dryRun = b; return this; }
    public Builder maxErrorRate(Double r) { maxErrorRate = r; return this; }
    public Builder resultPrefix(String p) { resultPrefix = p == null ? "" : p; return this; }
    public Builder autoSerialMillis(long ms) { autoSerialMillis = ms; return this; }
    public Builder versionAsOf(Long v) { versionAsOf = v; return this; }
    public Builder timestampAsOf(String t) { timestampAsOf = t; return this; }

    public JobConfig build() {
      UsageException.require(input != null && !input.isBlank(), "--input is required");
      UsageException.require(output != null || dryRun, "--output is required (only --dry-run may omit it)");
      UsageException.require(partitions >= 0, "--partitions must be positive");
      UsageException.require(maxTasks >= 1, "--max-tasks must be at least 1");
      UsageException.require(maxErrorRate == null || (maxErrorRate >= 0 && maxErrorRate <= 1),
          "--max-error-rate must be a fraction between 0 and 1");
      UsageException.require(groupColumn != null && !groupColumn.isBlank(), "--group-column must not be empty");
      UsageException.require(versionAsOf == null || versionAsOf >= 0, "--version-as-of must not be negative");
      UsageException.require(versionAsOf == null || timestampAsOf == null,
          "give --version-as-of or --timestamp-as-of, not both");
      return new JobConfig(input, inputFormat, sheet, csvOptions, output, mode, partitions, groupColumn, maxTasks,
          engine, dryRun, maxErrorRate, resultPrefix, autoSerialMillis, versionAsOf, timestampAsOf);
    }
  }
}

package xlspark.spark;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import xlspark.eval.EngineOptions;
import xlspark.spark.core.UsageException;
import xlspark.spark.io.DataFormat;
import xlspark.spark.io.InputSpec;
import xlspark.spark.io.OutputSpec;
import xlspark.spark.strategy.SplitSpec;
import xlspark.spark.strategy.StrategyKind;

/**
 * Everything one {@code evaluate} run needs, parsed, typed and defaulted: what it reads, what it writes, how it
 * splits the work and how the engine runs. Built with {@link #builder(String)}; {@link Builder#build()} rejects
 * inconsistent combinations with a {@link UsageException}.
 *
 * @param input        what is read (the CLI gives the reader and the writer the same CSV options)
 * @param output       where and how the rows are written (a null format: from the output's extension, else the
 *                     input format); null only for a dry run
 * @param split        how the work is split over Spark
 * @param engine       clock, seed, limits and constants for the formula engine
 * @param maxErrorRate exit 3 when more than this fraction of rows are ERROR; null: never
 * @param resultPrefix prepended to the result column names
 */
public record JobConfig(InputSpec input, OutputSpec output, SplitSpec split, EngineOptions engine, boolean dryRun,
                        Double maxErrorRate, String resultPrefix) implements Serializable {

  public Optional<OutputSpec> outputOption() {
    return Optional.ofNullable(output);
  }

  /** The mode asked for. */
  public StrategyKind mode() {
    return split.mode();
  }

  public static Builder builder(String input) {
    return new Builder(input);
  }

  public Builder toBuilder() {
    Builder b = new Builder(input.path());
    b.inputFormat = input.format();
    b.sheet = input.sheet();
    b.csvOptions.putAll(input.csvOptions());
    b.versionAsOf = input.versionAsOf();
    b.timestampAsOf = input.timestampAsOf();
    b.output = output;
    b.mode = split.mode();
    b.partitions = split.partitions();
    b.groupColumn = split.groupColumn();
    b.maxTasks = split.maxTasks();
    b.autoSerialMillis = split.autoSerialMillis();
    b.engine = engine;
    b.dryRun = dryRun;
    b.maxErrorRate = maxErrorRate;
    b.resultPrefix = resultPrefix;
    return b;
  }

  /** Mutable builder holding the defaults of every option. */
  public static final class Builder {
    private final String input;
    private DataFormat inputFormat;
    private String sheet;
    private final Map<String, String> csvOptions = new LinkedHashMap<>();
    private Long versionAsOf;
    private String timestampAsOf;
    private OutputSpec output;
    private StrategyKind mode = StrategyKind.AUTO;
    private int partitions;
    private String groupColumn = SplitSpec.DEFAULT_GROUP_COLUMN;
    private int maxTasks = SplitSpec.DEFAULT_MAX_TASKS;
    private long autoSerialMillis = SplitSpec.DEFAULT_AUTO_SERIAL_MILLIS;
    private EngineOptions engine = EngineOptions.defaults();
    private boolean dryRun;
    private Double maxErrorRate;
    private String resultPrefix = "";

    private Builder(String input) {
      this.input = input;
    }

    public Builder inputFormat(DataFormat f) { inputFormat = f; return this; }
    public Builder sheet(String s) { sheet = s; return this; }
    public Builder csvOption(String key, String value) { csvOptions.put(key, value); return this; }
    public Builder csvOptions(Map<String, String> options) { csvOptions.putAll(options); return this; }
    public Builder versionAsOf(Long v) { versionAsOf = v; return this; }
    public Builder timestampAsOf(String t) { timestampAsOf = t; return this; }
    public Builder output(OutputSpec o) { output = o; return this; }
    public Builder mode(StrategyKind m) { mode = m; return this; }
    public Builder partitions(int n) { partitions = n; return this; }
    public Builder groupColumn(String g) { groupColumn = g; return this; }
    public Builder maxTasks(int n) { maxTasks = n; return this; }
    public Builder autoSerialMillis(long ms) { autoSerialMillis = ms; return this; }
    public Builder engine(EngineOptions e) { engine = e; return this; }
    public Builder dryRun(boolean b) { dryRun = b; return this; }
    public Builder maxErrorRate(Double r) { maxErrorRate = r; return this; }
    public Builder resultPrefix(String p) { resultPrefix = p == null ? "" : p; return this; }

    public JobConfig build() {
      InputSpec in = new InputSpec(input, inputFormat, sheet, csvOptions, versionAsOf, timestampAsOf);
      UsageException.require(output != null || dryRun, "--output is required (only --dry-run may omit it)");
      UsageException.require(maxErrorRate == null || (maxErrorRate >= 0 && maxErrorRate <= 1),
          "--max-error-rate must be a fraction between 0 and 1");
      SplitSpec s = new SplitSpec(mode, partitions, maxTasks, groupColumn, autoSerialMillis);
      return new JobConfig(in, output, s, engine, dryRun, maxErrorRate, resultPrefix);
    }
  }
}

package xlspark.spark.workbook;

import java.io.Serializable;
import java.util.Optional;
import xlspark.eval.EngineOptions;
import xlspark.spark.core.UsageException;
import xlspark.spark.io.OutputSpec;
import xlspark.spark.strategy.SplitSpec;
import xlspark.spark.strategy.StrategyKind;

/**
 * One {@code workbook} run, parsed and defaulted. Built with {@link #builder(String)}; {@link Builder#build()}
 * rejects inconsistent combinations with a {@link UsageException}.
 *
 * @param input        an .xlsx/.xlsm/.xls file or a folder of them (any Hadoop file system URI)
 * @param output       where the formula-cell rows go (a null format: from the path's extension, else csv);
 *                     null: only the summary is printed
 * @param split        serial (driver), pool (workbooks spread over the cores), tasks (one task per workbook), auto;
 *                     tasks mode refuses more workbooks than its {@code maxTasks}
 * @param engine       clock, seed, limits and constants for the formula engine
 * @param writeValues  folder for copies of the workbooks with the recomputed values cached; null: none
 * @param heavySeconds a workbook taking longer than this in its one task is reported as too heavy for one task
 */
public record WorkbookConfig(String input, OutputSpec output, SplitSpec split, EngineOptions engine,
                             String writeValues, double heavySeconds) implements Serializable {
  public static final double DEFAULT_HEAVY_SECONDS = 30;

  /** The mode asked for. */
  public StrategyKind mode() {
    return split.mode();
  }

  public Optional<OutputSpec> outputOption() {
    return Optional.ofNullable(output);
  }

  public static Builder builder(String input) {
    return new Builder(input);
  }

  /** Mutable builder holding the defaults of every option. */
  public static final class Builder {
    private final String input;
    private OutputSpec output;
    private StrategyKind mode = StrategyKind.AUTO;
    private int partitions;
    private int maxTasks = SplitSpec.DEFAULT_MAX_TASKS;
    private EngineOptions engine = EngineOptions.defaults();
    private String writeValues;
    private double heavySeconds = DEFAULT_HEAVY_SECONDS;

    private Builder(String input) {
      this.input = input;
    }

    public Builder output(OutputSpec o) { output = o; return this; }
    public Builder mode(StrategyKind m) { mode = m; return this; }
    public Builder partitions(int n) { partitions = n; return this; }
    public Builder maxTasks(int n) { maxTasks = n; return this; }
    public Builder engine(EngineOptions e) { engine = e; return this; }
    public Builder writeValues(String dir) { writeValues = dir; return this; }
    public Builder heavySeconds(double s) { heavySeconds = s; return this; }

    public WorkbookConfig build() {
      UsageException.require(input != null && !input.isBlank(), "--input is required");
      UsageException.require(heavySeconds >= 0, "--heavy-seconds must not be negative");
      SplitSpec split = new SplitSpec(mode, partitions, maxTasks, SplitSpec.DEFAULT_GROUP_COLUMN,
          SplitSpec.DEFAULT_AUTO_SERIAL_MILLIS);
      return new WorkbookConfig(input, output, split, engine, writeValues, heavySeconds);
    }
  }
}

package xlspark.cli;

import picocli.CommandLine.Option;
import xlspark.spark.core.UsageException;

/** Whether a run shows its progress line (see {@link xlspark.spark.timing.ProgressLine}). */
public final class ProgressOptionsMixin {
  @Option(names = "--progress",
      description = "Show the progress line on stderr even when stderr is not a terminal (a log file).")
  boolean progress;

  @Option(names = "--quiet", description = "No progress line and no timing table; the summary line stays.")
  boolean quiet;

  /** The line is on with {@code --progress}, off with {@code --quiet}, else on when stderr is a terminal. */
  boolean showProgress(boolean stderrTerminal) {
    if (quiet && progress) {
      throw new UsageException("--quiet and --progress exclude each other");
    }
    return progress || !quiet && stderrTerminal;
  }
}

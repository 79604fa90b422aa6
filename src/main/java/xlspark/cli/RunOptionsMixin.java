package xlspark.cli;

import java.io.IOException;
import picocli.CommandLine.Option;
import xlspark.spark.core.RunRecord;
import xlspark.spark.core.UsageException;

/** The run's session and its record ({@code --task-slots}, {@code --timings}), shared by the Spark commands. */
public final class RunOptionsMixin {
  @Option(names = "--timings", paramLabel = "FILE", descriptionKey = "timings",
      description = "Write the run report as JSON to FILE.")
  String timings;

  @Option(names = "--task-slots", paramLabel = "N", descriptionKey = "task-slots",
      description = "With a local master, run local[N] (more slots than cores helps waiting work).")
  int taskSlots;

  /** With a local master, the {@code local[N]} to start; 0 leaves the master alone. */
  int taskSlots() {
    if (taskSlots < 0) {
      throw new UsageException("--task-slots must be positive");
    }
    return taskSlots;
  }

  /** Writes the run record ({@link RunRecord}) to the {@code --timings} file, if one was asked for. */
  void writeRecord(String json) throws IOException {
    if (timings != null) {
      RunRecord.write(timings, json);
    }
  }
}

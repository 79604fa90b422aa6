package xlspark.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One timed {@code evaluate} process of the benchmark, as {@code jobs/bench.sh} records it (one TSV line).
 *
 * @param seconds    process start to exit
 * @param exitCode   the process's exit code (2 for the {@code --max-tasks} refusal)
 * @param used       the mode that did the work (auto's choice); empty when the run failed
 * @param jobSeconds inside the JVM, from reading the input to the output in place ({@code --timings}); NaN if none
 * @param note       the first line of the refusal or failure
 * @param cpuSeconds user + system CPU time of the process; NaN when not recorded
 * @param agree      POI baseline runs: {@code agreed/compared} rows equal to xlspark's pool output; else empty
 */
record BenchRun(String workload, long rows, String mode, double seconds, int exitCode, String used, String reason,
                double jobSeconds, String note, double cpuSeconds, String agree) {
  /** The mode name of the POI baseline's runs ({@link PoiBaseline}). */
  static final String POI = "poi";

  boolean ok() {
    return exitCode == 0 || exitCode == 3;
  }

  boolean refused() {
    return exitCode == 2 && note.contains("--max-tasks");
  }

  double expressionsPerSecond() {
    return rows / seconds;
  }

  /** Reads the TSV written by {@code jobs/bench.sh} (header line first). */
  static List<BenchRun> read(Path tsv) throws IOException {
    List<BenchRun> runs = new ArrayList<>();
    List<String> lines = Files.readAllLines(tsv, StandardCharsets.UTF_8);
    for (String line : lines.subList(1, lines.size())) {
      if (line.isBlank()) {
        continue;
      }
      String[] f = line.split("\t", -1);
      runs.add(new BenchRun(f[0], Long.parseLong(f[1]), f[2], Double.parseDouble(f[3]), Integer.parseInt(f[4]),
          f[5], f[6], number(f, 7), f.length > 8 ? f[8] : "", number(f, 9), f.length > 10 ? f[10] : ""));
    }
    return runs;
  }

  private static double number(String[] fields, int i) {
    return fields.length > i && !fields[i].isEmpty() ? Double.parseDouble(fields[i]) : Double.NaN;
  }
}

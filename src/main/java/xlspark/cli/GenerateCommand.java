package xlspark.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import xlspark.spark.UsageException;
import xlspark.workload.Workload;

/** {@code xlspark generate}: writes the benchmark workloads as CSV (no Spark needed). */
@Command(name = "generate", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Writes a benchmark workload (W1..W5, W1g) as a CSV table of expressions.")
public final class GenerateCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--workload", required = true, paramLabel = "W",
      description = "W1 (1M small mixed), W1g (W1 in 16 groups), W2 (100 small), W3 (100 x 250 arguments), "
          + "W4 (100k x 250 arguments), W5 (200 WEBSERVICE calls in 200 groups).")
  String workload;

  @Option(names = "--output", required = true, paramLabel = "FILE", description = "The CSV file to write.")
  Path output;

  @Option(names = "--seed", paramLabel = "N", description = "Seed of the expression mix. Default: 42.")
  long seed = 42;

  @Option(names = "--rows", paramLabel = "N", description = "Rows to write. Default: the workload's size.")
  Long rows;

  @Option(names = "--url", paramLabel = "URL",
      description = "W5: the URL the WEBSERVICE calls fetch (?i=N is appended). Default: http://127.0.0.1:8765/slow")
  String url = "http://127.0.0.1:8765/slow";

  @Override
  public Integer call() throws IOException {
    Workload w;
    try {
      w = Workload.parse(workload);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--workload: " + e.getMessage());
    }
    long n = rows == null ? w.rows() : rows;
    if (n < 0) {
      throw new UsageException("--rows must not be negative");
    }
    long t0 = System.nanoTime();
    w.writeCsv(output, seed, n, url);
    PrintWriter out = spec.commandLine().getOut();
    out.printf(Locale.ROOT, "xlspark: wrote %s (%s): %,d rows, seed %d, %.2f s%n", output, w.cliName(), n, seed,
        (System.nanoTime() - t0) / 1e9);
    return Main.OK;
  }
}

package xlspark.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import xlspark.cli.CliRun;

/**
 * Evaluates the conformance corpus and the nasty nothing-lost input through the job (pool mode, fixed clock, seed
 * and zone) into {@code BUILD_DIR/platform-outputs/}; {@code .ci/run} compares these files byte for byte between
 * the default build and every other platform build (results are the same everywhere).
 */
class PlatformOutputsSparkTest {
  static Path outputs() throws IOException {
    return Files.createDirectories(Path.of(System.getProperty("xlspark.build.dir", "target"), "platform-outputs"));
  }

  static List<String> ids(Path csv) throws IOException {
    return Tables.readCsv(csv).stream().map(r -> r.get("id")).toList();
  }

  static CliRun evaluate(Path in, Path out) {
    return CliRun.of("evaluate", "--input", in.toString(), "--output", out.toString(), "--single-file",
        "--overwrite", "--mode", "pool", "--partitions", "3", "--now", "2024-06-15T12:00:00Z", "--time-zone", "UTC",
        "--seed", "42");
  }

  @Test
  void conformanceCorpus() throws IOException {
    Path in = Tables.project().resolve("src/test/resources/conformance/public.csv");
    Path out = outputs().resolve("conformance.csv");
    CliRun run = evaluate(in, out);
    assertEquals(0, run.exitCode(), run::toString);
    assertEquals(ids(in), ids(out), "every corpus row once, in order");
  }

  @Test
  void nastyInput() throws IOException {
    Path in = NothingLostSparkTest.writeNastyCsv(outputs().resolve("nasty-input.csv"));
    Path out = outputs().resolve("nasty.csv");
    CliRun run = evaluate(in, out);
    assertEquals(0, run.exitCode(), run::toString);
    List<String> expected = new ArrayList<>(IntStream.rangeClosed(1, 17).mapToObj(i -> "r" + i).toList());
    assertEquals(expected, ids(out));
  }
}

package xlspark.spark.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xlspark.cli.CliRun;
import xlspark.spark.SharedSpark;
import xlspark.spark.Tables;
import xlspark.spark.timing.JavaProcess;

/**
 * A driver killed (SIGKILL) while it writes a Delta table leaves the table at its previous version: the killed run's
 * data files are in the folder, but no commit names them. The run is the CLI in a JVM of its own, as on a cluster.
 */
class DeltaKillSparkTest {
  private static final long WAIT_MILLIS = 240_000;

  @TempDir
  Path dir;

  private static Set<String> dataFiles(Path table) throws IOException {
    try (Stream<Path> s = Files.walk(table)) {
      return s.map(p -> table.relativize(p).toString()).filter(n -> n.endsWith(".parquet"))
          .collect(Collectors.toSet());
    }
  }

  private static List<String> values(Path table) {
    return SharedSpark.session().read().format("delta").load(table.toString()).orderBy("id").collectAsList()
        .stream().map(r -> r.<Long>getAs("id") + "=" + r.getAs("value")).toList();
  }

  @Test
  void aDriverKilledMidWriteLeavesThePreviousVersion() throws Exception {
    assumeTrue(SharedSpark.hasDelta(), "this build has no Delta Lake");
    Path table = dir.resolve("table");
    CliRun first = CliRun.of("evaluate", "--input", Tables.project().resolve("data/sample.csv").toString(),
        "--output", table.toString(), "--output-format", "delta");
    assertEquals(0, first.exitCode(), first::toString);
    List<String> before = values(table);
    Set<String> filesBefore = dataFiles(table);

    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("expression", "x"));
    for (int i = 1; i <= 40_000; i++) {
      rows.add(List.of("=SUMPRODUCT(SEQUENCE(60,60)*x)", String.valueOf(i)));
    }
    Path slow = Tables.csv(dir.resolve("slow.csv"), rows);
    boolean killedMidWrite;
    try (JavaProcess cli = JavaProcess.start(dir, "killed", List.of("-Xmx1g", "-Dspark.master=local[2]",
            "-Dspark.ui.enabled=false", "-Dspark.driver.host=127.0.0.1", "-Dspark.driver.bindAddress=127.0.0.1",
            "-Dspark.sql.extensions=io.delta.sql.DeltaSparkSessionExtension",
            "-Dspark.sql.catalog.spark_catalog=org.apache.spark.sql.delta.catalog.DeltaCatalog"),
        "xlspark.cli.Main", List.of("evaluate", "--input", slow.toString(), "--output", table.toString(),
            "--overwrite", "--mode", "pool", "--partitions", "2"))) {
      long deadline = System.currentTimeMillis() + WAIT_MILLIS;
      while (dataFiles(table).equals(filesBefore)) {
        if (!cli.isAlive() || System.currentTimeMillis() > deadline) {
          throw new AssertionError("the run wrote no data file before it ended: " + Files.readString(cli.stdout)
              + "\n" + Files.readString(cli.stderr));
        }
        Thread.sleep(100);
      }
      killedMidWrite = cli.isAlive();
      // close() kills it with SIGKILL: no shutdown hook, no clean-up
    }
    assertTrue(killedMidWrite, "the driver was still running when its first data file appeared");
    assertFalse(Files.exists(table.resolve("_delta_log/00000000000000000001.json")), "no commit of the killed run");
    assertTrue(dataFiles(table).size() > filesBefore.size(), "the killed run's files are there, unreferenced");
    assertEquals(before, values(table), "the table reads as its previous version");

    CliRun rerun = CliRun.of("evaluate", "--input", Tables.project().resolve("data/sample.csv").toString(),
        "--output", table.toString(), "--overwrite", "--now", "2024-01-31");
    assertEquals(0, rerun.exitCode(), rerun::toString);
    assertTrue(rerun.out().contains("(delta version 1)"), rerun::toString);
    List<Row> after = SharedSpark.session().read().format("delta").load(table.toString()).collectAsList();
    assertEquals(12, after.size(), "the rerun's rows only, none of the killed run's files");
  }
}

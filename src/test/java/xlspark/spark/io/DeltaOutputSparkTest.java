package xlspark.spark.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xlspark.cli.CliRun;
import xlspark.spark.SharedSpark;
import xlspark.spark.Tables;

/**
 * {@code --output-format delta}: real Delta tables on the local file system, written by the evaluate command and
 * read back through Spark (the shared session).
 */
class DeltaOutputSparkTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  @BeforeEach
  void needsDelta() {
    assumeTrue(SharedSpark.hasDelta(), "this build has no Delta Lake");
  }

  /** A day's input: {@code rows} rows of {@code expression} over x = 1..rows, with a run_date column. */
  private Path day(String name, String date, String expression, int rows) throws IOException {
    List<List<String>> table = new ArrayList<>();
    table.add(List.of("run_date", "expression", "x"));
    for (int i = 1; i <= rows; i++) {
      table.add(List.of(date, expression, String.valueOf(i)));
    }
    return Tables.csv(dir.resolve(name + ".csv"), table);
  }

  /** The table as {@code run_date/id -> value}, read through Spark. */
  private static Map<String, String> read(Path table) {
    Map<String, String> out = new TreeMap<>();
    for (Row r : SharedSpark.session().read().format("delta").load(table.toString()).collectAsList()) {
      out.put(r.getAs("run_date") + "/" + r.getAs("id"), r.getAs("value"));
    }
    return out;
  }

  private static long version(Path table) throws IOException {
    return DeltaTables.latestVersion(org.apache.hadoop.fs.FileSystem.getLocal(new org.apache.hadoop.conf.Configuration()),
        new org.apache.hadoop.fs.Path(table.toUri())).orElse(-1);
  }

  private static JsonNode commit(Path table, long version) throws IOException {
    for (String line : Files.readAllLines(table.resolve(String.format("_delta_log/%020d.json", version)))) {
      JsonNode n = JSON.readTree(line);
      if (n.has("commitInfo")) {
        return n.get("commitInfo");
      }
    }
    throw new AssertionError("no commitInfo in version " + version);
  }

  @Test
  void createsATableThenRefusesItWithoutAModeAndOverwritesItInOneCommit() throws IOException {
    Path table = dir.resolve("table");
    Path timings = dir.resolve("t.json");
    CliRun created = CliRun.of("evaluate", "--input", day("d1", "2024-01-30", "=x*2", 3).toString(),
        "--output", table.toString(), "--output-format", "delta", "--timings", timings.toString());
    assertEquals(0, created.exitCode(), created::toString);
    assertTrue(created.out().contains("(delta version 0)"), created::toString);
    assertTrue(created.out().contains("  written: delta table "), created::toString);
    assertEquals(0, JSON.readTree(timings.toFile()).get("tableVersion").asLong());
    assertEquals(Map.of("2024-01-30/1", "2", "2024-01-30/2", "4", "2024-01-30/3", "6"), read(table));

    CliRun again = CliRun.of("evaluate", "--input", day("d1b", "2024-01-30", "=x*3", 1).toString(),
        "--output", table.toString(), "--output-format", "delta");
    assertEquals(2, again.exitCode(), again::toString);
    assertTrue(again.err().contains("output exists: " + table + " is a Delta table"), again::toString);
    assertEquals(0, version(table));

    // no --output-format: an existing Delta table is written as one, never replaced by files
    CliRun replaced = CliRun.of("evaluate", "--input", day("d2", "2024-01-31", "=x+100", 2).toString(),
        "--output", table.toString(), "--overwrite", "--timings", timings.toString());
    assertEquals(0, replaced.exitCode(), replaced::toString);
    assertEquals(1, version(table), "one commit");
    assertEquals(1, JSON.readTree(timings.toFile()).get("tableVersion").asLong());
    assertEquals("Overwrite", commit(table, 1).get("operationParameters").get("mode").asText());
    assertEquals(Map.of("2024-01-31/1", "101", "2024-01-31/2", "102"), read(table));
    assertEquals(3, SharedSpark.session().read().format("delta").option("versionAsOf", 0)
        .load(table.toString()).count(), "the old version stays readable");
  }

  @Test
  void replacePartitionsReplacesOnlyTheDaysOfThisRunAndAppendAdds() throws IOException {
    Path table = dir.resolve("daily");
    CliRun first = CliRun.of("evaluate", "--input", day("both", "2024-01-30", "=x", 2).toString(),
        "--output", table.toString(), "--output-format", "delta", "--partition-by", "run_date");
    assertEquals(0, first.exitCode(), first::toString);
    CliRun second = CliRun.of("evaluate", "--input", day("d31", "2024-01-31", "=x*10", 2).toString(),
        "--output", table.toString(), "--output-format", "delta", "--append");
    assertEquals(0, second.exitCode(), second::toString);
    assertTrue(Files.isDirectory(table.resolve("run_date=2024-01-31")), "partitioned by run_date");
    assertEquals(Map.of("2024-01-30/1", "1", "2024-01-30/2", "2", "2024-01-31/1", "10", "2024-01-31/2", "20"),
        read(table));

    // the rerun of 2024-01-31 (upstream fixed: now three rows) replaces that day alone
    CliRun rerun = CliRun.of("evaluate", "--input", day("d31fix", "2024-01-31", "=x*1000", 3).toString(),
        "--output", table.toString(), "--output-format", "delta", "--partition-by", "run_date",
        "--replace-partitions");
    assertEquals(0, rerun.exitCode(), rerun::toString);
    assertTrue(rerun.out().contains("(delta version 2)"), rerun::toString);
    assertEquals(Map.of("2024-01-30/1", "1", "2024-01-30/2", "2",
        "2024-01-31/1", "1000", "2024-01-31/2", "2000", "2024-01-31/3", "3000"), read(table));
  }

  @Test
  void refusesWhatCannotGoIntoTheTableBeforeEvaluating() throws IOException {
    Path table = dir.resolve("t");
    Path d1 = day("d1", "2024-01-30", "=x", 2);
    assertEquals(0, CliRun.of("evaluate", "--input", d1.toString(), "--output", table.toString(),
        "--output-format", "delta", "--partition-by", "run_date").exitCode());
    Path other = Tables.csv(dir.resolve("other.csv"), List.of(List.of("expression", "y"), List.of("=y", "1")));
    List<List<String>> cases = List.of(
        List.of("--input", other.toString(), "--append"),
        List.of("--input", d1.toString(), "--replace-partitions"),
        List.of("--input", d1.toString(), "--append", "--partition-by", "x"),
        List.of("--input", d1.toString(), "--overwrite", "--partition-by", "no_such_column"),
        List.of("--input", d1.toString(), "--append", "--overwrite"),
        List.of("--input", d1.toString(), "--single-file", "--overwrite"));
    for (List<String> c : cases) {
      List<String> args = new ArrayList<>(List.of("evaluate", "--output", table.toString(), "--output-format",
          "delta"));
      args.addAll(c);
      CliRun run = CliRun.of(args.toArray(String[]::new));
      assertEquals(2, run.exitCode(), () -> c + "\n" + run);
      assertEquals(1, run.err().strip().lines().count(), () -> c + "\n" + run);
    }
    assertEquals(0, version(table), "no case touched the table");

    CliRun notDelta = CliRun.of("evaluate", "--input", d1.toString(), "--output", dir.resolve("files").toString(),
        "--output-format", "csv", "--append");
    assertEquals(2, notDelta.exitCode(), notDelta::toString);
    assertTrue(notDelta.err().contains("delta output only"), notDelta::toString);
    Path plain = Files.createDirectories(dir.resolve("plain"));
    Files.writeString(plain.resolve("data.txt"), "not a table");
    CliRun plainFolder = CliRun.of("evaluate", "--input", d1.toString(), "--output", plain.toString(),
        "--output-format", "delta", "--overwrite");
    assertEquals(2, plainFolder.exitCode(), plainFolder::toString);
    assertTrue(plainFolder.err().contains("not a Delta table"), plainFolder::toString);
  }

  @Test
  void twoRunsWritingDifferentPartitionsAtOnceBothSucceed() throws Exception {
    Path table = dir.resolve("concurrent");
    assertEquals(0, CliRun.of("evaluate", "--input", day("d29", "2024-01-29", "=x", 2).toString(),
        "--output", table.toString(), "--output-format", "delta", "--partition-by", "run_date").exitCode());
    // enough rows that each run's write lasts long enough for the two transactions to overlap
    String slow = "=SUMPRODUCT(SEQUENCE(60,60)*x)";
    Path a = day("d30", "2024-01-30", slow, 4000);
    Path b = day("d31", "2024-01-31", slow, 4000);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Callable<CliRun>> runs = new ArrayList<>();
      for (Path in : List.of(a, b)) {
        runs.add(() -> CliRun.of("evaluate", "--input", in.toString(), "--output", table.toString(),
            "--output-format", "delta", "--partition-by", "run_date", "--replace-partitions", "--mode", "pool"));
      }
      for (Future<CliRun> f : pool.invokeAll(runs)) {
        CliRun run = f.get();
        assertEquals(0, run.exitCode(), run::toString);
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(2, version(table));
    // both transactions started from version 0: the second commit was checked against the first, not serialized
    assertEquals(0, commit(table, 1).get("readVersion").asLong(), commit(table, 1)::toString);
    assertEquals(0, commit(table, 2).get("readVersion").asLong(), commit(table, 2)::toString);
    Map<String, String> rows = read(table);
    assertEquals(8002, rows.size());
    assertEquals("1", rows.get("2024-01-29/1"));
    assertEquals(String.valueOf(3600 * 3601 / 2 * 7), rows.get("2024-01-31/7"));
  }
}

package xlspark.spark.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xlspark.cli.CliRun;
import xlspark.spark.SharedSpark;
import xlspark.spark.Tables;

/**
 * {@code --input-format delta}: a real Delta table of two versions on the local file system, read through the
 * evaluate command, as of each version and each commit time.
 */
class DeltaInputSparkTest {
  private static final StructType SCHEMA = new StructType()
      .add("id", DataTypes.LongType).add("expression", DataTypes.StringType).add("x", DataTypes.DoubleType);

  @TempDir
  static Path dir;
  private static Path table;

  @BeforeAll
  static void twoVersions() throws IOException {
    assumeTrue(SharedSpark.hasDelta(), "this build has no Delta Lake");
    SparkSession spark = SharedSpark.session();
    table = dir.resolve("table");
    spark.createDataFrame(List.of(RowFactory.create(1L, "=x*2", 21.0), RowFactory.create(2L, "=x+1", 1.0)), SCHEMA)
        .write().format("delta").save(table.toString());
    spark.createDataFrame(List.of(RowFactory.create(1L, "=x*3", 21.0), RowFactory.create(2L, "=x-1", 1.0),
            RowFactory.create(3L, "=1/0", 0.0)), SCHEMA)
        .write().format("delta").mode("overwrite").save(table.toString());
    // commit times a day apart, so that reading as of a time does not depend on how fast the two commits came, and
    // within the table's retention (7 days), before which Delta 4 refuses to time travel
    setCommitTime(0, FIRST_COMMIT);
    setCommitTime(1, FIRST_COMMIT.plusSeconds(86_400));
  }

  private static final Instant FIRST_COMMIT = Instant.now().minusSeconds(2 * 86_400).truncatedTo(ChronoUnit.SECONDS);

  /** A time as Delta reads it: a local date-time in the session's time zone. */
  private static String sessionTime(Instant at) {
    return LocalDateTime.ofInstant(at, ZoneId.of(SharedSpark.session().conf().get("spark.sql.session.timeZone")))
        .toString().replace('T', ' ');
  }

  private static void setCommitTime(long version, Instant at) {
    assertTrue(table.resolve(String.format("_delta_log/%020d.json", version)).toFile()
        .setLastModified(at.toEpochMilli()));
  }

  private static Map<String, String> values(Path out) throws IOException {
    Map<String, String> byId = new TreeMap<>();
    for (Map<String, String> r : Tables.readCsv(out)) {
      byId.put(r.get("id"), r.get("value"));
    }
    return byId;
  }

  @Test
  void readsTheNewestVersionAndIsFoundWithoutTheFormat() throws IOException {
    Path out = dir.resolve("newest");
    CliRun run = CliRun.of("evaluate", "--input", table.toString(), "--output", out.toString(),
        "--output-format", "csv");
    assertEquals(0, run.exitCode(), run::toString);
    assertEquals(Map.of("1", "63", "2", "0", "3", "#DIV/0!"), values(out));
    assertTrue(run.out().contains("read: delta table version 1 (the newest)"), run::toString);
  }

  @Test
  void readsAnOlderVersion() throws IOException {
    Path out = dir.resolve("v0");
    CliRun run = CliRun.of("evaluate", "--input", table.toString(), "--input-format", "delta",
        "--version-as-of", "0", "--output", out.toString(), "--output-format", "csv");
    assertEquals(0, run.exitCode(), run::toString);
    assertEquals(Map.of("1", "42", "2", "2"), values(out));
  }

  @Test
  void readsTheVersionCurrentAtATime() throws IOException {
    Path out = dir.resolve("march");
    CliRun run = CliRun.of("evaluate", "--input", table.toString(), "--input-format", "delta",
        "--timestamp-as-of", sessionTime(FIRST_COMMIT.plusSeconds(43_200)), "--output", out.toString(),
        "--output-format", "csv");
    assertEquals(0, run.exitCode(), run::toString);
    assertEquals(Map.of("1", "42", "2", "2"), values(out));
    Path june = dir.resolve("june");
    CliRun atTheSecondCommit = CliRun.of("evaluate", "--input", table.toString(), "--timestamp-as-of",
        sessionTime(FIRST_COMMIT.plusSeconds(86_400)), "--output", june.toString(), "--output-format", "csv");
    assertEquals(0, atTheSecondCommit.exitCode(), atTheSecondCommit::toString);
    assertEquals(3, values(june).size());
    // Delta refuses a time after its newest commit (the table may not have been complete then)
    CliRun later = CliRun.of("evaluate", "--input", table.toString(), "--timestamp-as-of", "2030-01-01",
        "--dry-run");
    assertEquals(2, later.exitCode(), later::toString);
    assertTrue(later.err().contains("as delta: "), later::toString);
  }

  @Test
  void aMissingVersionOrAWrongUseIsAUsageError() {
    CliRun missing = CliRun.of("evaluate", "--input", table.toString(), "--version-as-of", "7",
        "--output", dir.resolve("none").toString(), "--output-format", "csv");
    assertEquals(2, missing.exitCode(), missing::toString);
    assertTrue(missing.err().startsWith("xlspark: cannot read " + table + " as delta: "), missing::toString);
    assertEquals(1, missing.err().strip().lines().count(), missing::toString);
    assertTrue(Files.notExists(dir.resolve("none")));

    CliRun both = CliRun.of("evaluate", "--input", table.toString(), "--version-as-of", "0",
        "--timestamp-as-of", "2099-01-01", "--dry-run");
    assertEquals(2, both.exitCode(), both::toString);
    assertTrue(both.err().contains("not both"), both::toString);

    CliRun notDelta = CliRun.of("evaluate", "--input", Tables.project().resolve("data/sample.csv").toString(),
        "--version-as-of", "0", "--dry-run");
    assertEquals(2, notDelta.exitCode(), notDelta::toString);
    assertTrue(notDelta.err().contains("apply to delta input only"), notDelta::toString);

    CliRun plainFolder = CliRun.of("evaluate", "--input", dir.resolve("v0-missing").toString(),
        "--input-format", "delta", "--dry-run");
    assertEquals(2, plainFolder.exitCode(), plainFolder::toString);
  }

  @Test
  void namesTheDeltaPackageOfEachPlatform() {
    assertEquals("io.delta:delta-spark_2.13:3.3.2", DeltaTables.packageFor("3.5.9", "2.13"));
    assertEquals("io.delta:delta-spark_2.12:3.3.2", DeltaTables.packageFor("3.5.7", "2.12"));
    assertEquals("io.delta:delta-spark_4.2_2.13:4.4.0", DeltaTables.packageFor("4.2.0", "2.13"));
  }
}

package xlspark.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.StreamSupport;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xlspark.cli.CliRun;

/**
 * The Spark path around the engine: how many jobs, stages and tasks a run takes (from its {@code --timings}
 * report), and that no mode or output funnels the rows through one task or the driver.
 */
class SparkPathSparkTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int ROWS = 3000;

  @TempDir
  Path dir;

  /** A CSV without quoted line breaks; every 500th line has too many fields. */
  private Path input() throws IOException {
    StringBuilder b = new StringBuilder("id,expression,a\n");
    for (int i = 1; i <= ROWS; i++) {
      b.append("r").append(i).append(",\"=ROUND(a*").append(i).append(",2)&\"\"x\"\"\",").append(i % 7);
      b.append(i % 500 == 0 ? ",extra\n" : "\n");
    }
    return Files.writeString(dir.resolve("in.csv"), b.toString(), StandardCharsets.UTF_8);
  }

  private JsonNode run(String... args) throws IOException {
    Path timings = dir.resolve("t-" + System.nanoTime() + ".json");
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--timings", timings.toString()));
    CliRun run = CliRun.of(all.toArray(String[]::new));
    assertEquals(0, run.exitCode(), run::toString);
    return JSON.readTree(timings.toFile());
  }

  private static List<JsonNode> list(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).toList();
  }

  /** The stage that wrote {@code rows} rows. */
  private static JsonNode writer(JsonNode report, long rows) {
    return list(report.get("stages")).stream().filter(s -> s.get("outputRecords").asLong() == rows).findFirst()
        .orElseThrow(() -> new AssertionError("no stage wrote " + rows + " rows: " + report));
  }

  private static void assertNoShuffle(JsonNode report) {
    for (JsonNode s : list(report.get("stages"))) {
      assertEquals(0, s.get("shuffleWriteRecords").asLong(), () -> "a shuffle: " + s);
    }
  }

  @Test
  void poolReadsEvaluatesAndWritesInOneStage() throws IOException {
    Path out = dir.resolve("out");
    JsonNode report = run("evaluate", "--input", input().toString(), "--output", out.toString(), "--mode", "pool",
        "--partitions", "3");
    assertTrue(report.get("read").asText().contains("line by line"), report::toString);
    assertEquals(1, report.get("jobs").size(), () -> "one job reads, evaluates and writes: " + report);
    assertNoShuffle(report);
    JsonNode write = writer(report, ROWS);
    assertEquals(3, write.get("tasks").asInt(), write::toString);
    assertEquals(ROWS, write.get("inputRecords").asLong(), () -> "read in the same stage: " + write);

    List<Map<String, String>> rows = Tables.readCsv(out);
    assertEquals(ROWS, rows.size());
    for (int i = 0; i < ROWS; i++) {
      Map<String, String> r = rows.get(i);
      assertEquals("r" + (i + 1), r.get("id"));
      if ((i + 1) % 500 == 0) {
        assertEquals("ERROR", r.get("type"), r::toString);
        assertTrue(r.get("message").contains("r" + (i + 1) + ","), r::toString);
      } else {
        assertEquals("TEXT", r.get("type"), r::toString);
      }
    }
  }

  @Test
  void serialIsOneTaskAndCollectsNothing() throws IOException {
    Path out = dir.resolve("out");
    JsonNode report = run("evaluate", "--input", input().toString(), "--output", out.toString(), "--mode",
        "serial");
    assertEquals(1, report.get("jobs").size(), report::toString);
    JsonNode write = writer(report, ROWS);
    assertEquals(1, write.get("tasks").asInt(), write::toString);
    assertEquals(ROWS, write.get("inputRecords").asLong(), write::toString);
    assertNoShuffle(report);
    for (JsonNode s : list(report.get("stages"))) {
      assertFalse(s.get("name").asText().startsWith("collect"), () -> "rows collected to the driver: " + s);
    }
    assertEquals(ROWS, Tables.readCsv(out).size());
  }

  @Test
  void autoSamplesWithoutAJobOrWithOneSmallJob() throws IOException {
    JsonNode report = run("evaluate", "--input", input().toString(), "--output", dir.resolve("out").toString());
    assertEquals(1, report.get("jobs").size(), () -> "the driver parsed the sample while reading: " + report);
    Path json = dir.resolve("in.json");
    Files.writeString(json, "{\"expression\":\"=1+1\"}\n".repeat(500));
    JsonNode counted = run("evaluate", "--input", json.toString(), "--output", dir.resolve("out2").toString());
    List<JsonNode> stages = list(counted.get("stages"));
    JsonNode sample = stages.stream().filter(s -> s.get("name").asText().startsWith("collectAsList"))
        .findFirst().orElseThrow(() -> new AssertionError(counted.toString()));
    assertEquals(1, sample.get("tasks").asInt(), sample::toString);
    assertEquals(4, counted.get("jobs").size(), () -> "JSON schema, count, sample, evaluate and write: " + counted);
  }

  @Test
  void singleFileOutputKeepsEvaluationParallel() throws IOException {
    Path in = input();
    Path folder = dir.resolve("folder");
    run("evaluate", "--input", in.toString(), "--output", folder.toString(), "--mode", "pool", "--partitions", "3");
    for (String format : List.of("csv", "json")) {
      Path one = dir.resolve("one." + format);
      JsonNode report = run("evaluate", "--input", in.toString(), "--output", one.toString(), "--single-file",
          "--mode", "pool", "--partitions", "3");
      assertEquals(3, writer(report, ROWS).get("tasks").asInt(), () -> format + ": " + report);
      assertTrue(Files.isRegularFile(one), format);
      if (format.equals("csv")) {
        assertEquals(Tables.readCsv(folder), Tables.readCsv(one));
        assertEquals(1, Files.readAllLines(one).stream().filter(l -> l.startsWith("id,")).count(), "one header");
      } else {
        List<Row> back = SharedSpark.session().read().json(one.toString()).select("id").collectAsList();
        assertEquals(ROWS, back.size());
        for (int i = 0; i < ROWS; i++) {
          assertEquals("r" + (i + 1), back.get(i).getString(0));
        }
      }
    }
  }

  @Test
  void xlsxOutputIsEvaluatedInParallel() throws IOException {
    Path out = dir.resolve("out.xlsx");
    JsonNode report = run("evaluate", "--input", input().toString(), "--output", out.toString(), "--single-file",
        "--mode", "pool", "--partitions", "3");
    assertTrue(list(report.get("stages")).stream().anyMatch(s -> s.get("tasks").asInt() == 3
        && s.get("inputRecords").asLong() == ROWS), () -> "no 3-task stage read and evaluated the rows: " + report);
    // read back with POI itself: the Scala 2.12 build has no spark-excel
    try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(out.toFile())) {
      var sheet = wb.getSheetAt(0);
      assertEquals("id", sheet.getRow(0).getCell(0).getStringCellValue());
      assertEquals(ROWS, sheet.getLastRowNum());
      for (int i = 1; i <= ROWS; i++) {
        assertEquals("r" + i, sheet.getRow(i).getCell(0).getStringCellValue());
      }
    } catch (org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void dryRunBringsBackAtMostWhatItPrints() throws IOException {
    // random text: Spark compresses what it collects, so repeated text would hide how much comes back
    java.util.Random random = new java.util.Random(1);
    StringBuilder b = new StringBuilder("id,expression\n");
    for (int i = 1; i <= 400; i++) {
      b.append(i).append(",=1,");
      for (int c = 0; c < 2000; c++) {
        b.append((char) ('a' + random.nextInt(26)));
      }
      b.append('\n');
    }
    Path in = Files.writeString(dir.resolve("bad.csv"), b.toString());
    AtomicLong bytes = new AtomicLong();
    SparkListener results = new SparkListener() {
      @Override
      public void onTaskEnd(SparkListenerTaskEnd e) {
        if (e.taskMetrics() != null) {
          bytes.addAndGet(e.taskMetrics().resultSize());
        }
      }
    };
    var sc = SharedSpark.session().sparkContext();
    sc.addSparkListener(results);
    CliRun run;
    try {
      run = CliRun.of("evaluate", "--input", in.toString(), "--dry-run", "--mode", "pool", "--partitions", "2");
      sc.listenerBus().waitUntilEmpty(10_000);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError(e);
    } finally {
      sc.removeSparkListener(results);
    }
    assertEquals(0, run.exitCode(), run::toString);
    assertTrue(run.out().contains("xlspark: 400 rows, 400 errors"), run::toString);
    assertEquals(20, run.out().lines().filter(l -> l.matches("  \\d+: .*")).count(), run::toString);
    assertTrue(bytes.get() < 200_000, "the driver received " + bytes.get() + " bytes for 400 rows of 2 kB");
  }

  @Test
  void multiLineSetByTheUserWins() throws IOException {
    Path in = input();
    JsonNode report = run("evaluate", "--input", in.toString(), "--output", dir.resolve("a").toString(),
        "--csv-option", "multiLine=true", "--mode", "pool");
    assertTrue(report.get("read").asText().startsWith("csv multiLine (--csv-option)"), report::toString);
    Path broken = Files.writeString(dir.resolve("broken.csv"), "id,expression\n1,\"=1+\n2\"\n3,=3\n");
    JsonNode lines = run("evaluate", "--input", broken.toString(), "--output", dir.resolve("b").toString(),
        "--csv-option", "multiLine=false", "--mode", "pool");
    assertTrue(lines.get("read").asText().contains("line by line (--csv-option multiLine=false)"), lines::toString);
    assertEquals(3, lines.get("rows").asLong(), "each line a record, as Spark's line reader reads it");
    JsonNode auto = run("evaluate", "--input", broken.toString(), "--output", dir.resolve("c").toString(),
        "--mode", "pool");
    assertTrue(auto.get("read").asText().contains("quoted field spans lines"), auto::toString);
    assertEquals(2, auto.get("rows").asLong());
  }
}

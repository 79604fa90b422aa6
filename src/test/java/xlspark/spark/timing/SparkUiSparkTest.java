package xlspark.spark.timing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xlspark.spark.Tables;

/**
 * The CLI as a separate process with the UI on and an event log: Spark's REST API (read while
 * {@code --ui-hold} keeps the driver up), the event log and the History Server all agree with the
 * {@code --timings} report.
 */
class SparkUiSparkTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long WAIT_MILLIS = 180_000;

  @TempDir
  static Path dir;

  private static JsonNode report;
  private static JsonNode restStages;
  private static JavaProcess cli;

  @BeforeAll
  static void runTheCliWithTheUiOn() throws Exception {
    Path in = Tables.csv(dir.resolve("in.csv"), TimingListenerSparkTest.rows(60, 3));
    Path events = Files.createDirectories(dir.resolve("events"));
    Path json = dir.resolve("timings.json");
    int uiPort = JavaProcess.freePort();
    cli = JavaProcess.start(dir, "cli", List.of("-Xmx1g", "-Dspark.master=local[2]",
            "-Dspark.ui.enabled=true", "-Dspark.ui.port=" + uiPort, "-Dspark.eventLog.enabled=true",
            "-Dspark.eventLog.dir=" + events.toUri(), "-Dspark.eventLog.rolling.enabled=false",
            "-Dspark.eventLog.compress=false", "-Dspark.driver.host=127.0.0.1",
            "-Dspark.driver.bindAddress=127.0.0.1", "-Dspark.sql.shuffle.partitions=4"),
        "xlspark.cli.Main", List.of("evaluate", "--input", in.toString(), "--output", dir.resolve("out").toString(),
            "--mode", "tasks", "--timings", json.toString(), "--ui-hold", "120"));
    long deadline = System.currentTimeMillis() + WAIT_MILLIS;
    while (!Files.exists(json) || !Files.readString(json).endsWith("}\n")) {
      if (!cli.isAlive() || System.currentTimeMillis() > deadline) {
        throw new AssertionError("the CLI wrote no timings: " + Files.readString(cli.stdout) + "\n"
            + Files.readString(cli.stderr));
      }
      Thread.sleep(200);
    }
    report = JSON.readTree(json.toFile());
    String ui = report.get("header").get("uiUrl").asText();
    String stages = JavaProcess.get(ui + "/api/v1/applications/" + appId() + "/stages?status=complete");
    assertNotNull(stages, "the UI's REST API answers during --ui-hold at " + ui);
    restStages = JSON.readTree(stages);
    cli.stop(60);
  }

  @AfterAll
  static void stopTheCli() throws InterruptedException {
    if (cli != null) {
      cli.close();
    }
  }

  private static String appId() {
    return report.get("header").get("appId").asText();
  }

  private static Map<String, JsonNode> reportStages() {
    Map<String, JsonNode> byId = new HashMap<>();
    for (JsonNode s : report.get("stages")) {
      byId.put(s.get("stageId").asInt() + "." + s.get("attempt").asInt(), s);
    }
    return byId;
  }

  @Test
  void restApiAgreesWithTheReport() {
    Map<String, JsonNode> mine = reportStages();
    assertFalse(mine.isEmpty());
    assertEquals(mine.size(), restStages.size(), () -> "stages: report " + mine.keySet() + ", REST " + restStages);
    for (JsonNode rest : restStages) {
      String key = rest.get("stageId").asInt() + "." + rest.get("attemptId").asInt();
      JsonNode s = mine.get(key);
      assertNotNull(s, () -> "stage " + key + " missing from the report");
      assertEquals(rest.get("numTasks").asInt(), s.get("tasks").asInt(), key);
      assertEquals(rest.get("executorRunTime").asLong(), s.get("runMillis").asLong(), key);
      assertEquals(rest.get("executorCpuTime").asLong(), s.get("cpuNanos").asLong(), key);
      assertEquals(rest.get("inputRecords").asLong(), s.get("inputRecords").asLong(), key);
      assertEquals(rest.get("outputRecords").asLong(), s.get("outputRecords").asLong(), key);
      assertEquals(rest.get("shuffleReadRecords").asLong(), s.get("shuffleReadRecords").asLong(), key);
      assertEquals(rest.get("shuffleWriteRecords").asLong(), s.get("shuffleWriteRecords").asLong(), key);
    }
    assertTrue(mine.values().stream().anyMatch(s -> s.get("tasks").asInt() == 3), "one task per group");
  }

  @Test
  void eventLogAgreesWithTheReport() throws IOException {
    Path log;
    try (Stream<Path> files = Files.list(dir.resolve("events"))) {
      log = files.filter(p -> p.getFileName().toString().startsWith(appId())).findFirst().orElseThrow();
    }
    assertFalse(log.toString().endsWith(".inprogress"), "the stopped driver closed its event log: " + log);
    Map<String, JsonNode> mine = reportStages();
    int completed = 0;
    Map<String, Integer> taskEnds = new HashMap<>();
    for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
      JsonNode e = JSON.readTree(line);
      String event = e.get("Event").asText();
      if (event.equals("SparkListenerTaskEnd")) {
        taskEnds.merge(e.get("Stage ID").asInt() + "." + e.get("Stage Attempt ID").asInt(), 1, Integer::sum);
      } else if (event.equals("SparkListenerStageCompleted")) {
        JsonNode info = e.get("Stage Info");
        String key = info.get("Stage ID").asInt() + "." + info.get("Stage Attempt ID").asInt();
        JsonNode s = mine.get(key);
        assertNotNull(s, () -> "stage " + key + " of the event log missing from the report");
        assertEquals(info.get("Number of Tasks").asInt(), s.get("tasks").asInt(), key);
        assertEquals(info.get("Completion Time").asLong() - info.get("Submission Time").asLong(),
            s.get("wallMillis").asLong(), key);
        for (JsonNode a : info.get("Accumulables")) {
          if (a.get("Name").asText().equals("internal.metrics.executorRunTime")) {
            assertEquals(a.get("Value").asLong(), s.get("runMillis").asLong(), key);
          }
        }
        completed++;
      }
    }
    assertEquals(mine.size(), completed);
    for (JsonNode s : mine.values()) {
      String key = s.get("stageId").asInt() + "." + s.get("attempt").asInt();
      assertEquals(s.get("tasks").asInt(), taskEnds.getOrDefault(key, 0), "task end events of stage " + key);
    }
  }

  @Test
  void historyServerListsTheRun() throws Exception {
    int port = JavaProcess.freePort();
    try (JavaProcess history = JavaProcess.start(dir, "history", List.of("-Xmx512m",
            "-Dspark.history.fs.logDirectory=" + dir.resolve("events").toUri(), "-Dspark.history.ui.port=" + port,
            "-Dspark.history.fs.update.interval=1s"),
        "org.apache.spark.deploy.history.HistoryServer", List.of())) {
      long deadline = System.currentTimeMillis() + WAIT_MILLIS;
      String apps = null;
      while (System.currentTimeMillis() < deadline && history.isAlive()) {
        apps = JavaProcess.get("http://127.0.0.1:" + port + "/api/v1/applications");
        if (apps != null && apps.contains(appId())) {
          break;
        }
        Thread.sleep(500);
      }
      assertTrue(apps != null && apps.contains(appId()), () -> "the History Server does not list " + appId()
          + ": " + read(history.stderr));
      JsonNode app = JSON.readTree(apps).get(0);
      assertEquals("xlspark evaluate", app.get("name").asText());
      assertTrue(app.get("attempts").get(0).get("completed").asBoolean(), app::toString);
    }
  }

  private static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      return e.toString();
    }
  }
}

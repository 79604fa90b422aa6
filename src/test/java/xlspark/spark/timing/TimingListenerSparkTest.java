package xlspark.spark.timing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.apache.spark.SparkContext;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xlspark.cli.CliRun;
import xlspark.spark.SharedSpark;
import xlspark.spark.Tables;

/** The listener on the shared session: stages, task counts and records of a run, and nothing outside it. */
class TimingListenerSparkTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  @Test
  void recordsTheStagesOfARunOnly() {
    SparkSession spark = SharedSpark.session();
    SparkContext sc = spark.sparkContext();
    TimingListener listener = TimingListener.attach(sc);
    assertSame(listener, TimingListener.attach(sc), "attach reuses the registered listener");

    spark.range(0, 100).count();
    TimingListener.Run run = listener.begin(sc);
    spark.range(0, 1_000, 1, 3).write().mode("overwrite").parquet(dir.resolve("out").toString());
    RunTimings timings = run.end();
    spark.range(0, 100).count();

    assertTrue(timings.complete());
    assertFalse(timings.stages().isEmpty(), timings::toString);
    StageTiming write = timings.stages().stream().filter(s -> s.outputRecords() > 0).findFirst().orElseThrow();
    assertEquals(3, write.tasks(), write::toString);
    assertEquals(1_000, write.outputRecords(), write::toString);
    assertTrue(write.outputBytes() > 0, write::toString);
    assertTrue(write.taskMinMillis() >= 0 && write.taskMinMillis() <= write.taskMedianMillis()
        && write.taskMedianMillis() <= write.taskMaxMillis(), write::toString);
    assertTrue(write.wallMillis() >= 0 && write.runMillis() > 0, write::toString);
    for (StageTiming s : timings.stages()) {
      assertTrue(timings.jobs().stream().anyMatch(j -> j.stageIds().contains(s.stageId())), s::toString);
    }
    assertTrue(timings.jobs().stream().allMatch(j -> Boolean.TRUE.equals(j.succeeded())), timings::toString);
    assertTrue(timings.jobWallMillis() > 0);
    assertEquals(timings, run.end(), "end is idempotent");
  }

  @Test
  void evaluateReportsStagesEngineAndTotals() throws IOException {
    Path in = Tables.csv(dir.resolve("in.csv"), rows(50, 0));
    Path json = dir.resolve("t/timings.json");
    CliRun run = CliRun.of("evaluate", "--input", in.toString(), "--output", dir.resolve("out").toString(),
        "--mode", "pool", "--partitions", "2", "--timings", json.toString());
    assertEquals(0, run.exitCode(), run::toString);
    assertTrue(run.out().contains("xlspark timings: "), run::toString);
    assertTrue(run.out().contains("mode pool (2 partitions)"), run::toString);
    assertTrue(run.out().contains("engine (summed over executors): 50 formulas"), run::toString);

    JsonNode report = JSON.readTree(json.toFile());
    assertEquals(50, report.get("rows").asLong());
    assertEquals("pool", report.get("usedMode").asText());
    assertEquals(50, report.get("engine").get("formulas").asLong());
    assertEquals("2 partitions", report.get("header").get("split").asText());
    assertTrue(report.get("header").get("cores").asInt() >= 1);
    List<JsonNode> stages = list(report.get("stages"));
    assertFalse(stages.isEmpty());
    JsonNode write = stages.stream().filter(s -> s.get("outputRecords").asLong() == 50).findFirst()
        .orElseThrow(() -> new AssertionError("no stage wrote the 50 rows: " + report));
    assertEquals(2, write.get("tasks").asInt(), write::toString);
    assertTrue(list(report.get("jobs")).stream().anyMatch(j -> j.get("description").asText().startsWith("xlspark:")));
  }

  /** Issue 16 section 3: the peak heap of a run, in the report and its JSON. */
  @Test
  void issue16_thePeakHeapIsReported() throws IOException {
    SparkContext sc = SharedSpark.session().sparkContext();
    TimingListener.Run run = TimingListener.attach(sc).begin(sc);
    byte[][] held = new byte[48][];
    for (int i = 0; i < held.length; i++) {
      held[i] = new byte[1 << 20];
    }
    SharedSpark.session().range(0, 100).count();
    RunTimings timings = run.end();
    assertTrue(held[47].length > 0);
    assertTrue(timings.driverPeakHeap() >= 48L << 20, "48 MB held during the run: " + timings.driverPeakHeap());
    assertTrue(timings.driverPeakHeap() <= timings.driverMaxHeap(), timings::toString);
    String line = TimingReport.heapLine(timings);
    assertTrue(line.matches("  heap: driver peak [\\d,]+ MB of [\\d,]+ MB; executors' peak.*"), line);

    Path in = Tables.csv(dir.resolve("in.csv"), rows(20, 0));
    Path json = dir.resolve("heap.json");
    CliRun cli = CliRun.of("evaluate", "--input", in.toString(), "--output", dir.resolve("out").toString(),
        "--mode", "pool", "--timings", json.toString());
    assertEquals(0, cli.exitCode(), cli::toString);
    assertTrue(cli.out().contains("  heap: driver peak "), cli::toString);
    JsonNode heap = JSON.readTree(json.toFile()).get("heap");
    assertTrue(heap.get("driverPeakBytes").asLong() > 0, heap::toString);
    assertEquals(Runtime.getRuntime().maxMemory(), heap.get("driverMaxBytes").asLong(), heap::toString);
    assertTrue(heap.has("executorPeakBytes") && heap.has("executors"), heap::toString);
  }

  @Test
  void startUpIsItsOwnLine() throws IOException {
    Path in = Tables.csv(dir.resolve("in.csv"), rows(20, 0));
    Path json = dir.resolve("startup.json");
    long before = System.currentTimeMillis();
    CliRun run = CliRun.of("evaluate", "--input", in.toString(), "--output", dir.resolve("out").toString(),
        "--mode", "pool", "--timings", json.toString());
    assertEquals(0, run.exitCode(), run::toString);
    assertTrue(run.out().lines().anyMatch(l -> l.matches("  start-up: JVM start to SparkSession \\d+\\.\\d\\d s, "
        + "to the first task \\d+\\.\\d\\d s")), run::toString);
    JsonNode startup = JSON.readTree(json.toFile()).get("startup");
    long jvm = startup.get("jvmStartedAt").asLong();
    double session = startup.get("sessionSeconds").asDouble();
    double firstTask = startup.get("firstTaskSeconds").asDouble();
    assertTrue(jvm > 0 && jvm < before, startup::toString);
    assertTrue(session > 0 && firstTask >= session, () -> "the session comes before this run's first task: " + startup);
    assertTrue(firstTask * 1000 >= before - jvm, () -> "the first task is this run's, not an earlier test's: " + startup);
  }

  @Test
  void tasksModeRunsOneTaskPerGroup() throws IOException {
    Path in = Tables.csv(dir.resolve("in.csv"), rows(40, 5));
    Path json = dir.resolve("timings.json");
    CliRun run = CliRun.of("evaluate", "--input", in.toString(), "--output", dir.resolve("out").toString(),
        "--mode", "tasks", "--timings", json.toString());
    assertEquals(0, run.exitCode(), run::toString);
    JsonNode report = JSON.readTree(json.toFile());
    assertEquals("5 tasks", report.get("header").get("split").asText());
    assertTrue(list(report.get("stages")).stream().anyMatch(s -> s.get("tasks").asInt() == 5
        && s.get("shuffleReadRecords").asLong() == 40), report::toString);
  }

  static List<List<String>> rows(int n, int groups) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(groups > 0 ? List.of("expression", "group") : List.of("expression"));
    for (int i = 0; i < n; i++) {
      String e = "=ROUND(" + i + "*1.5,0)&\"x\"";
      rows.add(groups > 0 ? List.of(e, "g" + i % groups) : List.of(e));
    }
    return rows;
  }

  static List<JsonNode> list(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).toList();
  }
}

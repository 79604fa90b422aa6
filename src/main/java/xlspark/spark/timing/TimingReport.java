package xlspark.spark.timing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.SparkContext;
import org.apache.spark.sql.SparkSession;
import xlspark.eval.EngineStats;
import xlspark.spark.JobResult;

/**
 * Where a run's time went: a header (JVM, cores, Spark, mode and why, partitions or tasks), Spark's stages
 * from {@link TimingListener}, the engine's phases summed over executors, and the totals. {@link #text()} for
 * people, {@link #json()} for machines ({@code --timings FILE}, the summary an orchestrator reads).
 */
public final class TimingReport {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Header header;
  private final JobResult result;
  private final RunTimings timings;

  /**
   * The run's environment.
   *
   * @param sinceJvmStartMillis from the JVM's start to the moment the report was made (output written)
   * @param jvmStartedAt        when the JVM started (epoch milliseconds)
   * @param sessionAt           when the command had its SparkSession (epoch milliseconds); 0 if unknown
   */
  public record Header(String jvm, int cores, String sparkVersion, String master, int taskSlots, String appId,
                       String uiUrl, String eventLogDir, long sinceJvmStartMillis, long jvmStartedAt,
                       long sessionAt) {

    /** The header of a run in this JVM on this session, taken now. */
    public static Header of(SparkSession spark, long sessionAt) {
      SparkContext sc = spark.sparkContext();
      boolean eventLog = sc.conf().getBoolean("spark.eventLog.enabled", false);
      long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
      return new Header(System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
          Runtime.getRuntime().availableProcessors(), spark.version(), sc.master(), sc.defaultParallelism(),
          sc.applicationId(), sc.uiWebUrl().isDefined() ? sc.uiWebUrl().get() : null,
          eventLog ? sc.conf().get("spark.eventLog.dir", "file:/tmp/spark-events") : null,
          System.currentTimeMillis() - jvmStart, jvmStart, sessionAt);
    }

    /** From JVM start to the SparkSession; -1 if unknown. */
    public long sessionMillis() {
      return sessionAt > 0 ? sessionAt - jvmStartedAt : -1;
    }
  }

  /** From JVM start to the run's first Spark task; -1 when no task ran. */
  public long firstTaskMillis() {
    return timings.firstTaskAt() > 0 ? timings.firstTaskAt() - header.jvmStartedAt() : -1;
  }

  public TimingReport(Header header, JobResult result, RunTimings timings) {
    this.header = header;
    this.result = result;
    this.timings = timings;
  }

  public RunTimings timings() {
    return timings;
  }

  /** How the work was split, e.g. {@code 2 partitions} or {@code 200 tasks}. */
  public String split() {
    return result.parallelism() + switch (result.used()) {
      case POOL -> " partitions";
      case TASKS -> " tasks";
      case SERIAL, AUTO -> " task, one thread";
    };
  }

  /** The compact table printed after every {@code evaluate}. */
  public String text() {
    StringBuilder b = new StringBuilder();
    b.append(String.format(Locale.ROOT, "xlspark timings: %s, %d cores; Spark %s, master %s, %d task slots, app %s%n",
        header.jvm(), header.cores(), header.sparkVersion(), header.master(), header.taskSlots(), header.appId()));
    b.append(String.format(Locale.ROOT, "  mode %s (%s): %s%n", result.modeText(), split(), result.reason()));
    if (result.read() != null) {
      b.append("  read: ").append(result.read()).append('\n');
    }
    if (result.tableVersion() != null) {
      b.append("  written: delta table ").append(result.output()).append(" version ").append(result.tableVersion())
          .append('\n');
    }
    b.append(String.format(Locale.ROOT, "  start-up: JVM start to SparkSession %s, to the first task %s%n",
        header.sessionMillis() < 0 ? "-" : secs(header.sessionMillis()),
        firstTaskMillis() < 0 ? "- (no task ran)" : secs(firstTaskMillis())));
    b.append(stageTable(timings));
    b.append(engineLine(result.engine())).append('\n');
    long wall = result.wallNanos() / 1_000_000;
    long inJobs = timings.jobWallMillis();
    b.append(String.format(Locale.ROOT,
        "  totals: %,d rows, %,d errors, wall %s (Spark jobs %s, driver outside jobs %s), %,.1f expressions/s, "
            + "%s since JVM start%n",
        result.rows(), result.errors(), secs(wall), secs(inJobs), secs(Math.max(0, wall - inJobs)),
        result.rows() / Math.max(result.seconds(), 1e-9), secs(header.sinceJvmStartMillis())));
    b.append(heapLine(timings)).append('\n');
    if (!timings.complete()) {
      b.append("  (Spark's events were still queued: some stages may be missing)\n");
    }
    return b.toString();
  }

  /** Peak heaps: the driver's from its collector, each executor's from Spark's executor metrics. */
  static String heapLine(RunTimings t) {
    StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "  heap: driver peak %s of %s",
        mb(t.driverPeakHeap()), mb(t.driverMaxHeap())));
    if (t.executorPeakHeap().isEmpty()) {
      b.append("; executors' peak: - (no executor metrics yet: Spark polls them at each heartbeat unless "
          + "spark.executor.metrics.pollingInterval is set)");
    } else {
      b.append("; executors' peak ").append(mb(t.executorPeakHeapMax())).append(" (");
      String sep = "";
      for (Map.Entry<String, Long> e : t.executorPeakHeap().entrySet()) {
        b.append(sep).append(e.getKey()).append(' ').append(mb(e.getValue()));
        sep = ", ";
      }
      b.append(')');
    }
    return b.toString();
  }

  private static String mb(long bytes) {
    return bytes <= 0 ? "-" : String.format(Locale.ROOT, "%,d MB", bytes >> 20);
  }

  /** The stages as a fixed-width table, one line per completed stage attempt. */
  public static String stageTable(RunTimings timings) {
    StringBuilder b = new StringBuilder(String.format(Locale.ROOT,
        "  %5s %4s %6s %8s %8s %8s %7s %6s %10s %10s %9s %9s  %-16s %s%n", "stage", "job", "tasks", "wall s",
        "run s", "cpu s", "deser s", "gc s", "rec in", "rec out", "MB in", "MB out", "task ms min/med/max",
        "name"));
    for (StageTiming s : timings.stages()) {
      String spread = s.taskMinMillis() < 0 ? "-"
          : s.taskMinMillis() + "/" + s.taskMedianMillis() + "/" + s.taskMaxMillis();
      b.append(String.format(Locale.ROOT, "  %5s %4d %6d %8.2f %8.2f %8.2f %7.2f %6.2f %10d %10d %9.1f %9.1f  %-16s %s%s%n",
          s.stageId() + (s.attempt() > 0 ? "." + s.attempt() : ""), s.jobId(), s.tasks(), s.wallMillis() / 1e3,
          s.runMillis() / 1e3, s.cpuNanos() / 1e9, s.deserializeMillis() / 1e3, s.gcMillis() / 1e3, s.recordsIn(),
          s.recordsOut(), (s.inputBytes() + s.shuffleReadBytes()) / 1e6,
          (s.outputBytes() + s.shuffleWriteBytes()) / 1e6, spread, s.name(),
          s.failure() == null ? "" : " FAILED: " + s.failure()));
    }
    if (timings.stages().isEmpty()) {
      b.append("  (no Spark stage ran)\n");
    }
    return b.toString();
  }

  private static String engineLine(EngineStats e) {
    long n = Math.max(1, e.formulas());
    return String.format(Locale.ROOT,
        "  engine (summed over executors): %,d formulas, parse %s (%s/formula), compile %s, evaluate %s "
            + "(%s/formula); template cache %,d hits, %,d misses (%,d interpreted, %,d compiled)",
        e.formulas(), secs(e.parseNanos() / 1_000_000), micros(e.parseNanos() / (double) n),
        secs(e.compileNanos() / 1_000_000), secs(e.evalNanos() / 1_000_000), micros(e.evalNanos() / (double) n),
        e.cacheHits(), e.cacheMisses(), e.interpreted(), e.cacheMisses() - e.interpreted());
  }

  /** The report as JSON: the run summary ({@link JobResult#toJson()}) plus header, jobs and stages. */
  public String json() {
    try {
      ObjectNode root = (ObjectNode) JSON.readTree(result.toJson());
      ObjectNode h = root.putObject("header");
      h.put("jvm", header.jvm());
      h.put("cores", header.cores());
      h.put("sparkVersion", header.sparkVersion());
      h.put("master", header.master());
      h.put("taskSlots", header.taskSlots());
      h.put("appId", header.appId());
      h.put("uiUrl", header.uiUrl());
      h.put("eventLogDir", header.eventLogDir());
      h.put("split", split());
      root.put("sinceJvmStartSeconds", header.sinceJvmStartMillis() / 1e3);
      ObjectNode startup = root.putObject("startup");
      startup.put("jvmStartedAt", header.jvmStartedAt());
      startup.put("sessionSeconds", header.sessionMillis() < 0 ? null : header.sessionMillis() / 1e3);
      startup.put("firstTaskSeconds", firstTaskMillis() < 0 ? null : firstTaskMillis() / 1e3);
      root.put("sparkJobSeconds", timings.jobWallMillis() / 1e3);
      root.put("timingsComplete", timings.complete());
      ObjectNode heap = root.putObject("heap");
      heap.put("driverPeakBytes", timings.driverPeakHeap());
      heap.put("driverMaxBytes", timings.driverMaxHeap());
      heap.put("executorPeakBytes", timings.executorPeakHeapMax());
      ObjectNode perExecutor = heap.putObject("executors");
      timings.executorPeakHeap().forEach(perExecutor::put);
      ArrayNode jobs = root.putArray("jobs");
      for (JobTiming j : timings.jobs()) {
        ObjectNode o = jobs.addObject();
        o.put("jobId", j.jobId());
        o.put("description", j.description());
        o.put("submittedAt", j.submittedAt());
        o.put("completedAt", j.completedAt());
        o.put("wallMillis", j.wallMillis());
        o.putPOJO("stageIds", j.stageIds());
        o.put("succeeded", j.succeeded());
      }
      ArrayNode stages = root.putArray("stages");
      for (StageTiming s : timings.stages()) {
        stages.add(JSON.valueToTree(s));
      }
      return JSON.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the timing report as JSON", e);
    }
  }

  static String secs(long millis) {
    return String.format(Locale.ROOT, "%.2f s", millis / 1e3);
  }

  private static String micros(double nanos) {
    return String.format(Locale.ROOT, "%.1f us", nanos / 1e3);
  }
}

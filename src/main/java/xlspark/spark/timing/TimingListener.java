package xlspark.spark.timing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.spark.SparkContext;
import org.apache.spark.executor.ExecutorMetrics;
import org.apache.spark.executor.TaskMetrics;
import org.apache.spark.scheduler.JobSucceeded$;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerApplicationEnd;
import org.apache.spark.scheduler.SparkListenerApplicationStart;
import org.apache.spark.scheduler.SparkListenerExecutorMetricsUpdate;
import org.apache.spark.scheduler.SparkListenerJobEnd;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerStageCompleted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.SparkListenerTaskStart;
import org.apache.spark.scheduler.StageInfo;
import scala.reflect.ClassTag$;

/**
 * Records Spark's jobs and stages per xlspark run: stage times, executor run/CPU/deserialization/GC time,
 * I/O and shuffle bytes and records, and the spread of task durations. A run is the span between
 * {@link #begin} and {@link Run#end()} on one driver thread; its jobs are recognised by the local property
 * {@link #RUN_PROPERTY}, so runs sharing a session (tests, notebooks) do not mix.
 *
 * <p>Usable two ways: {@code --conf spark.extraListeners=xlspark.spark.timing.TimingListener} (then it also
 * records the jobs outside any run and logs a stage table when the application ends), or attached by the
 * evaluate command through {@link #attach}, which reuses a listener already registered on the context.
 */
public class TimingListener extends SparkListener {
  /** Local property naming the run a job belongs to. */
  public static final String RUN_PROPERTY = "xlspark.timing.run";
  private static final String APPLICATION = "";
  private static final Logger LOG = LogManager.getLogger(TimingListener.class);

  private final boolean recordApplication;
  private final Map<String, Recording> runs = new HashMap<>();
  private final Map<Integer, String> runOfStage = new HashMap<>();
  private final Map<Integer, Integer> jobOfStage = new HashMap<>();
  private final Map<Long, long[]> taskDurations = new HashMap<>();
  private String appId;

  /** For {@code spark.extraListeners}: records every job, in runs or not. */
  public TimingListener() {
    this(true);
  }

  private TimingListener(boolean recordApplication) {
    this.recordApplication = recordApplication;
    if (recordApplication) {
      runs.put(APPLICATION, new Recording());
    }
  }

  /** The TimingListener registered on this context, or a new one registered now (recording runs only). */
  public static TimingListener attach(SparkContext sc) {
    synchronized (sc) {
      try {
        var found = sc.listenerBus().findListenersByClass(ClassTag$.MODULE$.apply(TimingListener.class));
        if (!found.isEmpty()) {
          return (TimingListener) found.head();
        }
      } catch (RuntimeException | LinkageError e) {
        LOG.debug("cannot look up registered listeners; adding one", e);
      }
      TimingListener listener = new TimingListener(false);
      sc.addSparkListener(listener);
      return listener;
    }
  }

  /** Starts recording the jobs this thread submits from now on, until {@link Run#end()}. */
  public Run begin(SparkContext sc) {
    String id = UUID.randomUUID().toString();
    synchronized (this) {
      runs.put(id, new Recording());
    }
    String previous = sc.getLocalProperty(RUN_PROPERTY);
    sc.setLocalProperty(RUN_PROPERTY, id);
    return new Run(sc, id, previous, HeapPeak.start());
  }

  /** One run being recorded. */
  public final class Run {
    private final SparkContext sc;
    private final String id;
    private final String previous;
    private final HeapPeak heap;
    private RunTimings result;

    private Run(SparkContext sc, String id, String previous, HeapPeak heap) {
      this.sc = sc;
      this.id = id;
      this.previous = previous;
      this.heap = heap;
    }

    /**
     * Stops tagging jobs and returns what the run did, once Spark has delivered its events (waits up to 10 s).
     * Idempotent.
     */
    public synchronized RunTimings end() {
      if (result == null) {
        sc.setLocalProperty(RUN_PROPERTY, previous);
        boolean drained = drain(sc);
        long driverPeak = heap.stop();
        synchronized (TimingListener.this) {
          Recording r = runs.remove(id);
          runOfStage.values().removeIf(id::equals);
          result = r == null ? RunTimings.NONE : r.timings(drained);
          result = new RunTimings(result.jobs(), result.stages(), result.complete(), result.firstTaskAt(),
              driverPeak, HeapPeak.max(), result.executorPeakHeap());
        }
      }
      return result;
    }
  }

  /** Waits until the listener bus has delivered every queued event. */
  private static boolean drain(SparkContext sc) {
    try {
      sc.listenerBus().waitUntilEmpty(10_000L);
      return true;
    } catch (Exception e) {
      LOG.warn("Spark's listener bus did not drain in 10 s; the timing report may miss stages");
      return false;
    }
  }

  @Override
  public synchronized void onApplicationStart(SparkListenerApplicationStart start) {
    appId = start.appId().isDefined() ? start.appId().get() : null;
  }

  @Override
  public synchronized void onJobStart(SparkListenerJobStart start) {
    Properties p = start.properties();
    String run = p == null ? null : p.getProperty(RUN_PROPERTY);
    String key = run != null && runs.containsKey(run) ? run : APPLICATION;
    Recording r = runs.get(key);
    if (r == null) {
      return;
    }
    List<Integer> stageIds = new ArrayList<>();
    // Scala's own iterator: the same source for Scala 2.12 and 2.13 (their Seq types and converters differ).
    for (var it = start.stageIds().iterator(); it.hasNext(); ) {
      int stageId = (Integer) it.next();
      stageIds.add(stageId);
      runOfStage.putIfAbsent(stageId, key);
      jobOfStage.putIfAbsent(stageId, start.jobId());
    }
    String description = p == null ? null : p.getProperty("spark.job.description");
    r.jobs.put(start.jobId(), new JobTiming(start.jobId(), description, start.time(), 0, stageIds, null));
  }

  @Override
  public synchronized void onJobEnd(SparkListenerJobEnd end) {
    for (Recording r : runs.values()) {
      JobTiming j = r.jobs.get(end.jobId());
      if (j != null) {
        r.jobs.put(end.jobId(), new JobTiming(j.jobId(), j.description(), j.submittedAt(), end.time(),
            j.stageIds(), JobSucceeded$.MODULE$.equals(end.jobResult())));
      }
    }
  }

  @Override
  public synchronized void onTaskStart(SparkListenerTaskStart start) {
    String key = runOfStage.get(start.stageId());
    Recording r = key == null ? null : runs.get(key);
    if (r != null && start.taskInfo() != null) {
      r.firstTaskAt = Math.min(r.firstTaskAt, start.taskInfo().launchTime());
    }
  }

  @Override
  public synchronized void onTaskEnd(SparkListenerTaskEnd end) {
    if (!runOfStage.containsKey(end.stageId()) || end.taskInfo() == null) {
      return;
    }
    long key = stageKey(end.stageId(), end.stageAttemptId());
    long[] d = taskDurations.computeIfAbsent(key, k -> new long[] {0, 0, 0, 0, 0, 0, 0, 0, 0});
    int n = (int) d[0];
    if (n + 1 >= d.length) {
      d = Arrays.copyOf(d, d.length * 2);
      taskDurations.put(key, d);
    }
    d[n + 1] = end.taskInfo().duration();
    d[0] = n + 1;
    Recording r = runs.get(runOfStage.get(end.stageId()));
    if (r != null) {
      r.peakHeap(end.taskInfo().executorId(), end.taskExecutorMetrics());
    }
  }

  @Override
  public synchronized void onExecutorMetricsUpdate(SparkListenerExecutorMetricsUpdate update) {
    // the peaks each running stage saw on that executor since the last heartbeat
    for (var it = update.executorUpdates().iterator(); it.hasNext(); ) {
      scala.Tuple2<scala.Tuple2<Object, Object>, ExecutorMetrics> e = it.next();
      String key = runOfStage.get((Integer) e._1()._1());
      Recording r = key == null ? null : runs.get(key);
      if (r != null) {
        r.peakHeap(update.execId(), e._2());
      }
    }
  }

  @Override
  public synchronized void onStageCompleted(SparkListenerStageCompleted completed) {
    StageInfo s = completed.stageInfo();
    String key = runOfStage.get(s.stageId());
    long[] d = taskDurations.remove(stageKey(s.stageId(), s.attemptNumber()));
    Recording r = key == null ? null : runs.get(key);
    if (r == null) {
      return;
    }
    long[] durations = d == null ? new long[0] : Arrays.copyOfRange(d, 1, 1 + (int) d[0]);
    Arrays.sort(durations);
    long submitted = s.submissionTime().isDefined() ? (Long) s.submissionTime().get() : 0;
    long done = s.completionTime().isDefined() ? (Long) s.completionTime().get() : 0;
    TaskMetrics m = s.taskMetrics();
    boolean metrics = m != null;
    r.stages.add(new StageTiming(s.stageId(), s.attemptNumber(), jobOfStage.getOrDefault(s.stageId(), -1),
        s.name(), s.numTasks(), submitted, done, submitted > 0 && done > 0 ? done - submitted : 0,
        metrics ? m.executorRunTime() : 0, metrics ? m.executorCpuTime() : 0,
        metrics ? m.executorDeserializeTime() : 0, metrics ? m.jvmGCTime() : 0,
        metrics ? m.inputMetrics().bytesRead() : 0, metrics ? m.inputMetrics().recordsRead() : 0,
        metrics ? m.outputMetrics().bytesWritten() : 0, metrics ? m.outputMetrics().recordsWritten() : 0,
        metrics ? m.shuffleReadMetrics().totalBytesRead() : 0, metrics ? m.shuffleReadMetrics().recordsRead() : 0,
        metrics ? m.shuffleWriteMetrics().bytesWritten() : 0, metrics ? m.shuffleWriteMetrics().recordsWritten() : 0,
        durations.length == 0 ? -1 : durations[0], durations.length == 0 ? -1 : durations[durations.length / 2],
        durations.length == 0 ? -1 : durations[durations.length - 1],
        s.failureReason().isDefined() ? s.failureReason().get() : null));
  }

  @Override
  public void onApplicationEnd(SparkListenerApplicationEnd end) {
    RunTimings app;
    String id;
    synchronized (this) {
      Recording r = runs.get(APPLICATION);
      if (r == null || r.stages.isEmpty()) {
        return;
      }
      app = r.timings(true);
      id = appId;
    }
    LOG.info("Spark stages of application {} outside xlspark runs:\n{}", id, TimingReport.stageTable(app));
  }

  private static long stageKey(int stageId, int attempt) {
    return ((long) stageId << 20) | attempt;
  }

  /** What one run (or the application bucket) has collected so far. */
  private static final class Recording {
    final Map<Integer, JobTiming> jobs = new TreeMap<>();
    final List<StageTiming> stages = new ArrayList<>();
    final Map<String, Long> executorPeakHeap = new TreeMap<>();
    long firstTaskAt = Long.MAX_VALUE;

    void peakHeap(String executor, ExecutorMetrics m) {
      long heap = m == null ? 0 : m.getMetricValue("JVMHeapMemory");
      if (heap > 0 && executor != null) {
        executorPeakHeap.merge(executor, heap, Math::max);
      }
    }

    RunTimings timings(boolean complete) {
      return new RunTimings(new ArrayList<>(jobs.values()), stages, complete,
          firstTaskAt == Long.MAX_VALUE ? 0 : firstTaskAt, 0, 0, executorPeakHeap);
    }
  }
}

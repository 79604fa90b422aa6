package xlspark.spark.timing;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.apache.spark.SparkContext;
import org.apache.spark.scheduler.AccumulableInfo;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerExecutorMetricsUpdate;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.util.LongAccumulator;
import xlspark.spark.RunProgress;

/**
 * The progress line of a run on stderr: rows evaluated of the total, percent, elapsed time and an estimate of the
 * time left, at most once a second. The count is the engine's row accumulator: its driver value (tasks that
 * finished) plus, for running tasks, the value each last reported with its executor's heartbeat
 * ({@code spark.executor.heartbeatInterval}, 10 s by default), which a {@link SparkListener} receives; nothing is
 * polled but that counter.
 *
 * <p>On a terminal the line is redrawn in place; otherwise (a log file, with {@code --progress}) a new line is
 * written when the count changed. The first line waits a second, so short runs print none unless the line was
 * asked for; the last line, with the final count, ends the display.
 */
public final class ProgressLine implements RunProgress, AutoCloseable {
  static final long PERIOD_MILLIS = 1000;

  private final PrintWriter err;
  private final boolean terminal;
  private final boolean requested;
  private final LongSupplier clock;
  private final long startedAt;
  private final Map<Long, Long> running = new ConcurrentHashMap<>();
  private final Set<Long> ended = ConcurrentHashMap.newKeySet();
  private final Listener listener = new Listener();
  private SparkContext sc;
  private ScheduledExecutorService ticker;
  private volatile LongAccumulator rows;
  private volatile long total = -1;
  private long evaluatingSince;
  private long lastPrinted;
  private long lastCount = -1;
  private int lastWidth;
  private boolean shown;
  private boolean closed;

  /**
   * @param terminal  stderr is a terminal: redraw in place
   * @param requested {@code --progress}: print even the last line of a short run
   * @param clock     milliseconds (injected so tests need no waiting)
   */
  ProgressLine(PrintWriter err, boolean terminal, boolean requested, LongSupplier clock) {
    this.err = err;
    this.terminal = terminal;
    this.requested = requested;
    this.clock = clock;
    this.startedAt = clock.getAsLong();
  }

  /** A progress line for runs on {@code sc}, ticking on a daemon thread until {@link #close()}. */
  public static ProgressLine start(SparkContext sc, PrintWriter err, boolean terminal, boolean requested) {
    ProgressLine line = new ProgressLine(err, terminal, requested, System::currentTimeMillis);
    line.sc = sc;
    sc.addSparkListener(line.listener);
    line.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "xlspark-progress");
      t.setDaemon(true);
      return t;
    });
    line.ticker.scheduleAtFixedRate(line::tick, 200, 200, TimeUnit.MILLISECONDS);
    return line;
  }

  @Override
  public synchronized void evaluating(long total, LongAccumulator rows) {
    this.rows = rows;
    this.total = total;
    this.evaluatingSince = clock.getAsLong();
    this.lastPrinted = evaluatingSince;
  }

  /** Rows evaluated so far: finished tasks' counts merged on the driver plus running tasks' last heartbeats. */
  long evaluated() {
    LongAccumulator r = rows;
    if (r == null) {
      return 0;
    }
    long n = r.sum();
    for (long v : running.values()) {
      n += v;
    }
    return Math.min(n, total);
  }

  /** Prints the line when a second has passed since the last one (and, off a terminal, the count changed). */
  synchronized void tick() {
    if (closed || rows == null) {
      return;
    }
    long now = clock.getAsLong();
    if (now - lastPrinted < PERIOD_MILLIS) {
      return;
    }
    long done = evaluated();
    if (!terminal && done == lastCount) {
      return;
    }
    print(done, now, false);
  }

  /** Ends the display with the final count (when a line was shown, or asked for) and stops following the run. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (ticker != null) {
      ticker.shutdownNow();
    }
    if (sc != null) {
      sc.removeSparkListener(listener);
    }
    if (rows != null && (shown || requested)) {
      running.clear();
      long done = evaluated();
      // off a terminal a line with this count is already in the log (the summary line gives the end)
      if (terminal || done != lastCount) {
        print(done, clock.getAsLong(), true);
      }
    }
  }

  private void print(long done, long now, boolean last) {
    String line = render(done, total, now - startedAt, now - evaluatingSince);
    if (terminal) {
      int pad = Math.max(0, lastWidth - line.length());
      err.print("\r" + line + " ".repeat(pad) + (last ? "\n" : ""));
    } else {
      err.println(line);
    }
    err.flush();
    lastWidth = line.length();
    lastPrinted = now;
    lastCount = done;
    shown = true;
  }

  /**
   * {@code xlspark progress: 45,000 of 100,000 rows (45.0%), 0:12 elapsed, about 0:15 left}: the time left is the
   * rest of the rows at the rate since the evaluation started.
   */
  static String render(long done, long total, long elapsedMillis, long evaluatingMillis) {
    double percent = total <= 0 ? 100 : 100.0 * done / total;
    String left;
    if (done >= total) {
      left = "done";
    } else if (done == 0 || evaluatingMillis <= 0) {
      left = "time left not known yet";
    } else {
      left = "about " + duration((long) ((double) evaluatingMillis * (total - done) / done)) + " left";
    }
    return String.format(Locale.ROOT, "xlspark progress: %,d of %,d rows (%.1f%%), %s elapsed, %s",
        done, total, percent, duration(elapsedMillis), left);
  }

  /** {@code m:ss}, or {@code h:mm:ss} from an hour on. */
  static String duration(long millis) {
    long s = Math.max(0, millis) / 1000;
    return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
        : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
  }

  /** Running tasks' counts from the executors' heartbeats; a task's entry goes when it ends. */
  private final class Listener extends SparkListener {
    @Override
    public void onExecutorMetricsUpdate(SparkListenerExecutorMetricsUpdate update) {
      LongAccumulator r = rows;
      if (r == null) {
        return;
      }
      // Scala's own iterators: the same source for Scala 2.12 and 2.13
      for (var tasks = update.accumUpdates().iterator(); tasks.hasNext(); ) {
        var task = tasks.next();
        for (var infos = task._4().iterator(); infos.hasNext(); ) {
          AccumulableInfo info = infos.next();
          Long id = (Long) task._1();
          if (info.id() == r.id() && info.update().isDefined() && info.update().get() instanceof Long v
              && !ended.contains(id)) {
            running.put(id, v);
          }
        }
      }
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd end) {
      if (end.taskInfo() != null) {
        // a heartbeat sent while the task ran may arrive after its end: remember the end
        ended.add(end.taskInfo().taskId());
        running.remove(end.taskInfo().taskId());
      }
    }
  }
}

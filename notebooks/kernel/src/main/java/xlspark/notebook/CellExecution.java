package xlspark.notebook;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import jdk.jshell.execution.DirectExecutionControl;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/**
 * Runs JShell snippets inside the kernel's JVM, so a cell's value reaches the kernel as the object itself (a
 * {@code Dataset}, a chart) and not as JShell's text of it: each run stores its value under a key and returns
 * the key as the snippet's "value string".
 *
 * <p>Snippets run one at a time on one worker thread whose context class loader is the loader of the cell
 * classes. A SparkSession started from a cell therefore gives its local executors that loader as parent, and
 * classes defined in cells (lambdas passed to Spark) resolve in tasks. {@link #stop()} interrupts the worker
 * and runs the kernel's stop hook (which cancels Spark jobs).
 */
final class CellExecution extends DirectExecutionControl {
  static final String KEY_PREFIX = "xlspark-cell-value:";

  private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "xlspark-cell");
    t.setDaemon(true);
    return t;
  });
  private final Map<String, Object> values = new ConcurrentHashMap<>();
  private final AtomicLong ids = new AtomicLong();
  private final Runnable onStop;
  private volatile Future<Object> running;
  private volatile Throwable failure;
  private volatile boolean stopped;
  private volatile boolean stopRequested;

  CellExecution(Runnable onStop) {
    this.onStop = onStop;
  }

  /** The object a snippet produced, by the key JShell reported as its value; removes it. */
  Object take(String key) {
    return key == null ? null : values.remove(key);
  }

  /** What the last snippet threw, as thrown (JShell reports only its class name, message and stack); clears it. */
  Throwable takeFailure() {
    Throwable t = failure;
    failure = null;
    return t;
  }

  /** Whether the last snippet was stopped (JShell reports a stopped snippet as one without a value); clears it. */
  boolean takeStopped() {
    boolean s = stopped;
    stopped = false;
    return s;
  }

  /** Drops values nobody took (declarations), so that they can be collected. */
  void forgetValues() {
    values.clear();
  }

  /** A new cell starts: an interrupt that came before it is forgotten. */
  void beginCell() {
    stopRequested = false;
    stopped = false;
  }

  @Override
  protected String invoke(Method doit) throws Exception {
    if (stopRequested) {
      // interrupted between two snippets of the cell: the rest does not run
      stopped = true;
      throw new ExecutionControl.StoppedException();
    }
    ClassLoader cells = doit.getDeclaringClass().getClassLoader();
    Future<Object> f = worker.submit(() -> {
      Thread.currentThread().setContextClassLoader(cells);
      return doit.invoke(null);
    });
    running = f;
    if (stopRequested) {
      f.cancel(true);
    }
    try {
      Object value = f.get();
      String key = KEY_PREFIX + ids.incrementAndGet();
      if (value != null) {
        values.put(key, value);
      }
      return key;
    } catch (CancellationException e) {
      stopped = true;
      throw new ExecutionControl.StoppedException();
    } catch (ExecutionException e) {
      // an InvocationTargetException carries the cell's own exception; JShell turns it into an EvalException
      Throwable cause = e.getCause();
      if (cause instanceof InvocationTargetException ite) {
        failure = ite.getCause();
      }
      if (cause instanceof Exception ex) {
        throw ex;
      }
      throw (Error) cause;
    } finally {
      running = null;
    }
  }

  /** Interrupts the running snippet and skips the rest of its cell. */
  @Override
  public void stop() {
    stopRequested = true;
    onStop.run();
    Future<Object> f = running;
    if (f != null) {
      f.cancel(true);
    }
  }

  @Override
  public void close() {
    worker.shutdownNow();
    super.close();
  }

  /** Hands JShell this execution engine (JShell asks for a new one only when it starts). */
  static final class Provider implements ExecutionControlProvider {
    private final CellExecution execution;

    Provider(CellExecution execution) {
      this.execution = execution;
    }

    @Override
    public String name() {
      return "xlspark-cells";
    }

    @Override
    public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
      return execution;
    }
  }
}

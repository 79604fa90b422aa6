package xlspark.notebook;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.apache.spark.sql.Dataset;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.JupyterIO;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.comm.CommManager;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.dflib.jjava.jupyter.kernel.magic.MagicsRegistry;
import org.dflib.jjava.jupyter.kernel.util.StringStyler;

/**
 * The xlspark Jupyter kernel: Java cells run by JShell ({@link CellEvaluator}) on jjava-jupyter's protocol
 * implementation. Start-up files (the notebook's imports, the SparkSession, {@code xl_eval}) run once in the
 * background while the kernel already answers Jupyter; the first cell waits for them. A {@code Dataset} value shows
 * as a table, a {@link BarChart} as a PNG image, anything else as its text.
 */
final class XlsparkKernel extends BaseKernel {
  private static final int MAX_FRAMES = 20;

  private final CellEvaluator cells;
  private final PrintStream log;
  private final CompletableFuture<Void> startup = new CompletableFuture<>();

  /**
   * @param log the process's own standard error (Jupyter's server log), for start-up messages that belong to no
   *            cell
   */
  XlsparkKernel(JupyterIO io, CellEvaluator cells, PrintStream log) {
    super("xlspark", "0.1.0",
        new LanguageInfo.Builder("java").version(Runtime.version().toString()).mimetype("text/x-java-source")
            .fileExtension(".jshell").pygments("java").codemirror("text/x-java").build(),
        List.of(),
        null, io, new CommManager(), new Renderer(), null, new MagicsRegistry(), false,
        new StringStyler.Builder().build());
    this.cells = cells;
    this.log = log;
    renderer.createRegistration(Table.class).preferring(MIMEType.TEXT_HTML)
        .register((t, ctx) -> ctx.renderIfRequested(MIMEType.TEXT_HTML, t::html));
    renderer.createRegistration(Dataset.class).preferring(MIMEType.TEXT_HTML)
        .register((d, ctx) -> {
          Table t = Table.of(d, Table.DEFAULT_ROWS);
          ctx.renderIfRequested(MIMEType.TEXT_HTML, t::html);
          ctx.renderIfRequested(MIMEType.TEXT_PLAIN, t::text);
        });
    // PNG, not SVG: Jupyter sanitizes SVG in untrusted notebooks and nbconvert's HTML export strips its shapes
    renderer.createRegistration(BarChart.class).preferring(MIMEType.IMAGE_PNG)
        .register((c, ctx) -> ctx.renderIfRequested(MIMEType.IMAGE_PNG,
            () -> Base64.getEncoder().encodeToString(c.png())));
  }

  /** Runs the start-up files in order on a background thread; cells wait for them. */
  void startUp(List<Path> files) {
    Thread t = new Thread(() -> {
      long start = System.nanoTime();
      try {
        for (Path f : files) {
          cells.eval(Files.readString(f, StandardCharsets.UTF_8));
        }
        startup.complete(null);
        log.printf(Locale.ROOT, "xlspark kernel: ready after %.1f s (%s)%n", (System.nanoTime() - start) / 1e9, files);
      } catch (Throwable e) {
        log.println("xlspark kernel: start-up failed: " + String.join("\n", formatError(e)));
        startup.completeExceptionally(e);
      }
    }, "xlspark-startup");
    t.setDaemon(true);
    t.start();
  }

  @Override
  public Object evalRaw(String source) {
    try {
      startup.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the kernel was starting", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("the kernel's start-up failed (restart the kernel after fixing it): "
          + e.getCause(), e.getCause());
    }
    try {
      return cells.eval(source);
    } catch (Exception e) {
      // the protocol layer reports any Exception under its own class name; a checked one passes through as is
      throw XlsparkKernel.<RuntimeException>rethrow(e);
    }
  }

  @SuppressWarnings("unchecked")
  private static <T extends Exception> T rethrow(Exception e) throws T {
    throw (T) e;
  }

  @Override
  public DisplayData inspect(String code, int at, boolean extraDetail) {
    List<String> docs = cells.documentation(code, at);
    return docs.isEmpty() ? null : new DisplayData(String.join("\n\n", docs));
  }

  @Override
  public ReplacementOptions complete(String code, int at) {
    CellEvaluator.Completions c = cells.complete(code, at);
    return new ReplacementOptions(c.replacements(), c.start(), c.end());
  }

  @Override
  public String isComplete(String code) {
    return cells.isComplete(code);
  }

  @Override
  public void interrupt() {
    cells.stop();
  }

  @Override
  public void onShutdown(boolean isRestarting) {
    try {
      SparkHooks.stopSession();
    } finally {
      cells.close();
      super.onShutdown(isRestarting);
    }
  }

  /** The failing lines for a compile error; the exception and its causes, without the kernel's own frames. */
  @Override
  public List<String> formatError(Throwable e) {
    Throwable shown = e;
    if (shown instanceof CompilationException c) {
      return c.lines();
    }
    List<String> lines = new ArrayList<>();
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    String prefix = "";
    for (Throwable t = shown; t != null && seen.add(t); t = t.getCause()) {
      lines.add(prefix + t);
      StackTraceElement[] frames = t.getStackTrace();
      int shownFrames = 0;
      for (StackTraceElement f : frames) {
        if (f.getClassName().startsWith("REPL.")) {
          lines.add("\tat (cell)");
          break;
        }
        if (shownFrames++ == MAX_FRAMES) {
          lines.add("\t...");
          break;
        }
        lines.add("\tat " + f);
      }
      prefix = "Caused by: ";
    }
    return lines;
  }
}

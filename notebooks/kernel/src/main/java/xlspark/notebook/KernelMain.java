package xlspark.notebook;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.kernel.JupyterIO;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;

/**
 * Starts the kernel as Jupyter does, from the kernel spec's command line:
 * {@code java ... xlspark.notebook.KernelMain CONNECTION_FILE [STARTUP.jsh ...]}. Cells compile against and load
 * from this JVM's class path (the project's jar and Spark). The only place that exits.
 */
public final class KernelMain {
  private KernelMain() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 1) {
      System.err.println("usage: xlspark.notebook.KernelMain CONNECTION_FILE [STARTUP.jsh ...]");
      System.exit(2);
    }
    PrintStream log = System.err;
    JupyterIO io = new JupyterIO(StandardCharsets.UTF_8);
    // Before anything captures System.out (Scala's Console does, once): output goes to the running cell, if any.
    System.setOut(new PrintStream(new CellOutput(io, System.out), true, StandardCharsets.UTF_8));
    KernelConnectionProperties props = KernelConnectionProperties.parse(Files.readString(Path.of(args[0])));
    List<Path> startupFiles = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      startupFiles.add(Path.of(args[i]));
    }
    CellEvaluator cells = new CellEvaluator(System.getProperty("java.class.path"), SparkHooks::cancelJobs);
    XlsparkKernel kernel = new XlsparkKernel(io, cells, log);
    JupyterConnection connection = new JupyterConnection(props);
    kernel.onStartup();
    kernel.becomeHandlerForConnection(connection);
    connection.connect();
    kernel.startUp(startupFiles);
    connection.waitUntilClose();
    System.exit(0);
  }

  /** Standard output that follows the running cell and falls back to the process's own outside cells. */
  private static final class CellOutput extends OutputStream {
    private final JupyterIO io;
    private final PrintStream process;

    CellOutput(JupyterIO io, PrintStream process) {
      this.io = io;
      this.process = process;
    }

    private PrintStream target() {
      return io.isAttached() ? io.out : process;
    }

    @Override
    public void write(int b) {
      target().write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) {
      target().write(b, off, len);
    }

    @Override
    public void flush() {
      target().flush();
    }
  }
}

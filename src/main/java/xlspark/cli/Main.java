package xlspark.cli;

import java.io.PrintWriter;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import xlspark.spark.JobConfig;
import xlspark.spark.JobResult;
import xlspark.spark.core.UsageException;

/**
 * The {@code xlspark} command line. The only place that maps outcomes to exit codes and that stops a
 * session it started: 0 success, 1 unexpected failure, 2 usage or input error, 3 written but too many ERROR rows.
 */
@Command(name = "xlspark", mixinStandardHelpOptions = true, version = "xlspark 0.1.0",
    description = "Evaluates tables of Excel expressions on Apache Spark.",
    subcommands = {CommandLine.HelpCommand.class})
public final class Main implements Runnable {
  public static final int OK = 0;
  public static final int FAILED = 1;
  public static final int USAGE = 2;
  public static final int TOO_MANY_ERRORS = 3;

  private static final Logger LOG = LogManager.getLogger(Main.class);

  private SparkSession started;

  private Main() {}

  public static void main(String[] args) {
    System.exit(run(null, new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
  }

  /**
   * Runs a command line and returns its exit code without exiting. With {@code session} null, a session is
   * built from the Spark configuration (spark-submit) and stopped at the end; an existing one is left running.
   */
  public static int run(SparkSession session, PrintWriter out, PrintWriter err, String... args) {
    Main main = new Main();
    SessionSource source = session != null ? SessionSource.of(session) : main::startSession;
    EvaluateCommand evaluate = new EvaluateCommand(source);
    // a session passed in (tests, notebooks) writes to the caller's writers, not to this process's stderr
    evaluate.stderrTerminal = session == null && Terminal.stderr();
    CommandLine cl = new CommandLine(main)
        .addSubcommand(evaluate)
        .addSubcommand(new GenerateCommand())
        .addSubcommand(new FunctionsCommand())
        .addSubcommand(new WorkbookCommand(source))
        .setOut(out)
        .setErr(err)
        .setExecutionExceptionHandler((e, line, parsed) -> exitCode(e, line.getErr()));
    try {
      return cl.execute(args);
    } catch (LinkageError | RuntimeException e) {
      // picocli hands only Exceptions to the handler; a broken classpath surfaces as an Error
      return exitCode(new RuntimeException(e), err);
    } finally {
      if (main.started != null) {
        main.started.stop();
      }
      out.flush();
      err.flush();
    }
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(new CommandLine(this), "missing command (evaluate, workbook, generate, functions)");
  }

  /** Exit code of a finished run: 3 when the ERROR rows exceed {@code --max-error-rate}. */
  static int exitCode(JobResult result, JobConfig config) {
    return config.maxErrorRate() != null && result.errorRate() > config.maxErrorRate() ? TOO_MANY_ERRORS : OK;
  }

  /** Exit code of a failure, with its one-line reason on stderr. */
  static int exitCode(Exception e, PrintWriter err) {
    Throwable usage = e;
    while (usage != null && !(usage instanceof UsageException)) {
      usage = usage.getCause();
    }
    if (usage != null) {
      err.println("xlspark: " + usage.getMessage());
      return USAGE;
    }
    LOG.error("xlspark failed", e);
    err.println("xlspark: failed: " + e + " (stack trace in the driver log: "
        + System.getProperty("xlspark.log.file", "stderr") + ")");
    return FAILED;
  }

  private SparkSession startSession(String appName, int taskSlots, PrintWriter err) {
    SparkConf conf = new SparkConf();
    SparkSession.Builder builder = SparkSession.builder().appName(appName);
    String master = conf.get("spark.master", null);
    if (master == null) {
      master = "local[*]";
      builder.master(master);
    }
    if (taskSlots > 0) {
      if (master.startsWith("local")) {
        builder.master("local[" + taskSlots + "]");
      } else {
        err.println("xlspark: --task-slots ignored on master " + master + " (size executor cores instead)");
      }
    }
    started = builder.getOrCreate();
    return started;
  }
}

package xlspark.spark;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import xlspark.eval.EngineStats;
import xlspark.spark.core.RunRecord;
import xlspark.spark.io.DataFormat;
import xlspark.spark.strategy.StrategyKind;

/**
 * What one run did.
 *
 * @param rows         output rows (always equal to the input rows)
 * @param errors       rows of type ERROR
 * @param requested    the mode asked for
 * @param used         the mode that did the work (auto's choice)
 * @param reason       why that mode (auto), or how it split the work
 * @param parallelism  partitions (pool), tasks (tasks) or 1 (serial)
 * @param output       where the results went; null for a dry run without output
 * @param outputFormat the format written; null without output
 * @param wallNanos    from the start of {@code run} to the output in place
 * @param engine       the engine's phase totals over all partitions
 * @param warnings     things the user should know (e.g. zero input rows)
 * @param problems     dry run: up to 20 failing rows as {@code id: message}
 * @param read         how the input was read (CSV: line by line in ranges, or whole files, and why)
 * @param tableVersion the Delta table version this run committed; null for files or no output
 */
public record JobResult(long rows, long errors, StrategyKind requested, StrategyKind used, String reason,
                        int parallelism, String output, DataFormat outputFormat, long wallNanos,
                        EngineStats engine, List<String> warnings, List<String> problems, String read,
                        Long tableVersion) {

  public JobResult {
    warnings = List.copyOf(warnings);
    problems = List.copyOf(problems);
  }

  public double errorRate() {
    return rows == 0 ? 0 : (double) errors / rows;
  }

  public double seconds() {
    return wallNanos / 1e9;
  }

  /** The one-line result summary every run prints. */
  public String summaryLine() {
    String where = output == null ? "nothing written (dry run)" : "written to " + output + " ("
        + outputFormat.cliName() + (tableVersion == null ? "" : " version " + tableVersion) + ")";
    return String.format(Locale.ROOT, "xlspark: %d rows, %d errors (%.1f%%), mode %s, %.2f s, %.0f rows/s; %s",
        rows, errors, 100 * errorRate(), modeText(), seconds(), rows / Math.max(seconds(), 1e-9), where);
  }

  /** {@code pool}, or {@code auto -> pool} when auto chose. */
  public String modeText() {
    return requested == used ? used.cliName() : requested.cliName() + " -> " + used.cliName();
  }

  /** The run as one JSON object: the summary an orchestrator reads ({@code --timings}). */
  public String toJson() {
    ObjectNode o = RunRecord.object();
    o.put("rows", rows);
    o.put("errors", errors);
    o.put("errorRate", RunRecord.figure(errorRate()));
    o.put("mode", requested.cliName());
    o.put("usedMode", used.cliName());
    o.put("reason", reason);
    o.put("parallelism", parallelism);
    o.put("read", read);
    o.put("output", output);
    o.put("outputFormat", outputFormat == null ? null : outputFormat.cliName());
    o.put("tableVersion", tableVersion);
    o.put("wallSeconds", RunRecord.figure(seconds()));
    o.put("rowsPerSecond", RunRecord.figure(rows / Math.max(seconds(), 1e-9)));
    ObjectNode e = o.putObject("engine");
    e.put("formulas", engine.formulas());
    e.put("errors", engine.errors());
    e.put("parseNanos", engine.parseNanos());
    e.put("compileNanos", engine.compileNanos());
    e.put("evalNanos", engine.evalNanos());
    e.put("cacheHits", engine.cacheHits());
    e.put("cacheMisses", engine.cacheMisses());
    e.put("interpreted", engine.interpreted());
    warnings.forEach(o.putArray("warnings")::add);
    return RunRecord.text(o);
  }
}

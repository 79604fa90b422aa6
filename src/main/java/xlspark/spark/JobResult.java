package xlspark.spark;

import java.util.List;
import java.util.Locale;
import xlspark.eval.EngineStats;
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
 */
public record JobResult(long rows, long errors, StrategyKind requested, StrategyKind used, String reason,
                        int parallelism, String output, DataFormat outputFormat, long wallNanos,
                        EngineStats engine, List<String> warnings, List<String> problems, String read) {

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
    String where = output == null ? "nothing written (dry run)" : "written to " + output + " (" + outputFormat.cliName() + ")";
    return String.format(Locale.ROOT, "xlspark: %d rows, %d errors (%.1f%%), mode %s, %.2f s, %.0f rows/s; %s",
        rows, errors, 100 * errorRate(), modeText(), seconds(), rows / Math.max(seconds(), 1e-9), where);
  }

  /** {@code pool}, or {@code auto -> pool} when auto chose. */
  public String modeText() {
    return requested == used ? used.cliName() : requested.cliName() + " -> " + used.cliName();
  }

  /** The run as one JSON object: the summary an orchestrator reads ({@code --timings}). */
  public String toJson() {
    StringBuilder b = new StringBuilder("{");
    field(b, "rows", rows).append(',');
    field(b, "errors", errors).append(',');
    field(b, "errorRate", errorRate()).append(',');
    field(b, "mode", requested.cliName()).append(',');
    field(b, "usedMode", used.cliName()).append(',');
    field(b, "reason", reason).append(',');
    field(b, "parallelism", parallelism).append(',');
    field(b, "read", read).append(',');
    field(b, "output", output).append(',');
    field(b, "outputFormat", outputFormat == null ? null : outputFormat.cliName()).append(',');
    field(b, "wallSeconds", seconds()).append(',');
    field(b, "rowsPerSecond", rows / Math.max(seconds(), 1e-9)).append(',');
    b.append("\"engine\":{");
    field(b, "formulas", engine.formulas()).append(',');
    field(b, "errors", engine.errors()).append(',');
    field(b, "parseNanos", engine.parseNanos()).append(',');
    field(b, "compileNanos", engine.compileNanos()).append(',');
    field(b, "evalNanos", engine.evalNanos()).append(',');
    field(b, "cacheHits", engine.cacheHits()).append(',');
    field(b, "cacheMisses", engine.cacheMisses()).append(',');
    field(b, "interpreted", engine.interpreted()).append("},");
    b.append("\"warnings\":[");
    for (int i = 0; i < warnings.size(); i++) {
      b.append(i > 0 ? "," : "").append(quote(warnings.get(i)));
    }
    return b.append("]}").toString();
  }

  private static StringBuilder field(StringBuilder b, String name, Object value) {
    b.append(quote(name)).append(':');
    if (value == null) {
      b.append("null");
    } else if (value instanceof Number n) {
      b.append(n instanceof Double d ? String.format(Locale.ROOT, "%.6g", d) : n.toString());
    } else {
      b.append(quote(value.toString()));
    }
    return b;
  }

  static String quote(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }
}

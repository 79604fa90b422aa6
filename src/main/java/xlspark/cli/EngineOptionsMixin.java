package xlspark.cli;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import picocli.CommandLine.Option;
import xlspark.eval.EngineOptions;
import xlspark.formula.Names;
import xlspark.spark.core.CellTyping;
import xlspark.spark.core.UsageException;

/** The formula engine's options, shared by the commands that evaluate. */
public final class EngineOptionsMixin {
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.]*");

  @Option(names = "--var", paramLabel = "NAME=VALUE",
      description = "Named constant for the expressions (repeatable); the value is typed like a CSV cell.")
  Map<String, String> vars = new LinkedHashMap<>();

  @Option(names = "--now", paramLabel = "TIME",
      description = "Fixed clock for NOW()/TODAY(): 2024-01-31T12:00:00Z, or a local date(-time) in --time-zone. "
          + "Default: the job's start.")
  String now;

  @Option(names = "--time-zone", paramLabel = "ZONE",
      description = "Zone for NOW()/TODAY() and timestamp columns, e.g. Europe/Paris. Default: the driver's zone.")
  String timeZone;

  @Option(names = "--seed", paramLabel = "N", description = "Seed of RAND()/RANDBETWEEN() (with the row id). Default: 0.")
  long seed;

  @Option(names = "--template-cache", paramLabel = "N",
      description = "Compiled templates kept per JVM (LRU). Default: " + EngineOptions.DEFAULT_TEMPLATE_CACHE + ".")
  int templateCache = EngineOptions.DEFAULT_TEMPLATE_CACHE;

  @Option(names = "--expression-timeout", paramLabel = "DURATION",
      description = "Time budget per expression: 5s, 250ms, or milliseconds; 0 disables. Default: 5s.")
  String expressionTimeout;

  @Option(names = "--allow-url", paramLabel = "PREFIX",
      description = "URL prefix WEBSERVICE may fetch (repeatable). Default: none, WEBSERVICE is off.")
  List<String> allowUrls = new ArrayList<>();

  @Option(names = "--max-array-cells", paramLabel = "N",
      description = "Cap on the cells of one array value (constants, operator and function results); larger is "
          + "#NUM!. Default: " + EngineOptions.DEFAULT_MAX_ARRAY_CELLS + ".")
  int maxArrayCells = EngineOptions.DEFAULT_MAX_ARRAY_CELLS;

  @Option(names = "--max-iterations", paramLabel = "N",
      description = "Cap on the iterations of one function call (IRR, RATE...); more is #NUM!. Default: "
          + EngineOptions.DEFAULT_MAX_ITERATIONS + ".")
  int maxIterations = EngineOptions.DEFAULT_MAX_ITERATIONS;

  EngineOptions toEngineOptions() {
    ZoneId zone;
    try {
      zone = timeZone == null ? ZoneId.systemDefault() : ZoneId.of(timeZone);
    } catch (RuntimeException e) {
      throw new UsageException("--time-zone: unknown zone '" + timeZone + "'");
    }
    Map<String, Object> constants = new LinkedHashMap<>();
    Map<String, String> given = new LinkedHashMap<>();
    vars.forEach((k, v) -> {
      if (!NAME.matcher(k).matches()) {
        throw new UsageException("--var: '" + k + "' is not a valid name");
      }
      String before = given.putIfAbsent(Names.fold(k), k);
      if (before != null) {
        // as two columns of one name: a formula could reach only one of them
        throw new UsageException("--var '" + before + "' and '" + k + "' are one name (names are matched without "
            + "regard to case)");
      }
      constants.put(Names.fold(k), CellTyping.fromText(v));
    });
    constants.values().removeIf(v -> v == null);
    if (maxArrayCells < 1 || maxIterations < 1) {
      throw new UsageException("--max-array-cells and --max-iterations must be at least 1");
    }
    if (templateCache < 1) {
      throw new UsageException("--template-cache must be at least 1");
    }
    return new EngineOptions(parseNow(now, zone), zone, seed, templateCache,
        expressionTimeout == null ? EngineOptions.DEFAULT_TIMEOUT_MILLIS : parseMillis(expressionTimeout),
        allowUrls, constants, maxArrayCells, maxIterations);
  }

  static Instant parseNow(String text, ZoneId zone) {
    if (text == null) {
      return Instant.now();
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException ignored) {
      // not an instant: try a local date-time, then a date
    }
    try {
      return LocalDateTime.parse(text).atZone(zone).toInstant();
    } catch (DateTimeParseException ignored) {
      // try a date
    }
    try {
      return LocalDate.parse(text).atStartOfDay(zone).toInstant();
    } catch (DateTimeParseException e) {
      throw new UsageException("--now: cannot read '" + text + "' (use 2024-01-31T12:00:00Z or 2024-01-31)");
    }
  }

  static long parseMillis(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    try {
      if (t.endsWith("ms")) {
        return check(Long.parseLong(t.substring(0, t.length() - 2).trim()));
      }
      if (t.endsWith("s")) {
        return check(Math.round(Double.parseDouble(t.substring(0, t.length() - 1).trim()) * 1000));
      }
      return check(Long.parseLong(t));
    } catch (NumberFormatException e) {
      throw new UsageException("--expression-timeout: cannot read '" + text + "' (use 5s, 250ms or 0)");
    }
  }

  private static long check(long ms) {
    if (ms < 0) {
      throw new UsageException("--expression-timeout must not be negative");
    }
    return ms;
  }
}

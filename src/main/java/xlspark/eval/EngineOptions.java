package xlspark.eval;

import java.io.Serializable;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import xlspark.compile.FormulaCompiler;
import xlspark.value.Limits;

/**
 * Per-run engine settings, shipped from the driver to every executor.
 *
 * @param now                   the fixed clock NOW() and TODAY() read (the job's start unless {@code --now})
 * @param timeZone              the zone in which {@code now} is turned into a date serial
 * @param seed                  seeds RAND/RANDBETWEEN together with the row id
 * @param templateCacheSize     bound of the per-JVM compiled template cache (LRU)
 * @param expressionTimeoutMillis time budget per expression; 0 disables it
 * @param allowedUrlPrefixes    URL prefixes WEBSERVICE may fetch; empty means WEBSERVICE is off
 * @param constants             named constants ({@code --var NAME=VALUE}), upper-case names
 * @param maxArrayCells         cap on the cells of one array value (constants, operator and function results)
 * @param maxIterations         cap on the iterations of one function call (IRR, RATE, goal seeking)
 */
public record EngineOptions(
    Instant now,
    ZoneId timeZone,
    long seed,
    int templateCacheSize,
    long expressionTimeoutMillis,
    List<String> allowedUrlPrefixes,
    Map<String, Object> constants,
    int maxArrayCells,
    int maxIterations) implements Serializable {

  public static final int DEFAULT_TEMPLATE_CACHE = FormulaCompiler.DEFAULT_TEMPLATE_CACHE;
  public static final long DEFAULT_TIMEOUT_MILLIS = Limits.DEFAULT_TIMEOUT_MILLIS;
  public static final int DEFAULT_MAX_ARRAY_CELLS = Limits.DEFAULT_MAX_ARRAY_CELLS;
  public static final int DEFAULT_MAX_ITERATIONS = Limits.DEFAULT_MAX_ITERATIONS;

  public EngineOptions {
    allowedUrlPrefixes = List.copyOf(allowedUrlPrefixes);
    constants = Map.copyOf(constants);
    if (templateCacheSize < 1) {
      throw new IllegalArgumentException("template cache size must be at least 1, got " + templateCacheSize);
    }
    limits(expressionTimeoutMillis, maxArrayCells, maxIterations);
  }

  /** The run's limits, the one record the evaluation context carries them in. */
  public Limits limits() {
    return limits(expressionTimeoutMillis, maxArrayCells, maxIterations);
  }

  private static Limits limits(long timeoutMillis, int maxArrayCells, int maxIterations) {
    return new Limits(timeoutMillis, maxArrayCells, maxIterations, Limits.DEFAULT_MAX_ARRAY_TEXT_CHARS);
  }

  /** Options with the default limits on array cells and function iterations. */
  public EngineOptions(Instant now, ZoneId timeZone, long seed, int templateCacheSize, long expressionTimeoutMillis,
                       List<String> allowedUrlPrefixes, Map<String, Object> constants) {
    this(now, timeZone, seed, templateCacheSize, expressionTimeoutMillis, allowedUrlPrefixes, constants,
        DEFAULT_MAX_ARRAY_CELLS, DEFAULT_MAX_ITERATIONS);
  }

  /** Defaults: clock at the current instant, UTC, seed 0, no URLs, no constants. */
  public static EngineOptions defaults() {
    return new EngineOptions(Instant.now(), ZoneId.of("UTC"), 0L, DEFAULT_TEMPLATE_CACHE,
        DEFAULT_TIMEOUT_MILLIS, List.of(), Map.of());
  }

  public EngineOptions withNow(Instant t) {
    return new EngineOptions(t, timeZone, seed, templateCacheSize, expressionTimeoutMillis, allowedUrlPrefixes,
        constants, maxArrayCells, maxIterations);
  }

  public EngineOptions withSeed(long s) {
    return new EngineOptions(now, timeZone, s, templateCacheSize, expressionTimeoutMillis, allowedUrlPrefixes,
        constants, maxArrayCells, maxIterations);
  }

  public EngineOptions withTimeoutMillis(long ms) {
    return new EngineOptions(now, timeZone, seed, templateCacheSize, ms, allowedUrlPrefixes, constants,
        maxArrayCells, maxIterations);
  }

  public EngineOptions withAllowedUrlPrefixes(List<String> prefixes) {
    return new EngineOptions(now, timeZone, seed, templateCacheSize, expressionTimeoutMillis, prefixes, constants,
        maxArrayCells, maxIterations);
  }

  public EngineOptions withLimits(int arrayCells, int iterations) {
    return new EngineOptions(now, timeZone, seed, templateCacheSize, expressionTimeoutMillis, allowedUrlPrefixes,
        constants, arrayCells, iterations);
  }
}

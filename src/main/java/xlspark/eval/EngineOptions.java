package xlspark.eval;

import java.io.Serializable;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

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
 */
public record EngineOptions(
    Instant now,
    ZoneId timeZone,
    long seed,
    int templateCacheSize,
    long expressionTimeoutMillis,
    List<String> allowedUrlPrefixes,
    Map<String, Object> constants) implements Serializable {

  public static final int DEFAULT_TEMPLATE_CACHE = 10_000;
  public static final long DEFAULT_TIMEOUT_MILLIS = 5_000;

  public EngineOptions {
    allowedUrlPrefixes = List.copyOf(allowedUrlPrefixes);
    constants = Map.copyOf(constants);
    if (templateCacheSize < 1) {
      throw new IllegalArgumentException("template cache size must be at least 1, got " + templateCacheSize);
    }
    if (expressionTimeoutMillis < 0) {
      throw new IllegalArgumentException("expression timeout must not be negative");
    }
  }

  /** Defaults: clock at the current instant, UTC, seed 0, no URLs, no constants. */
  public static EngineOptions defaults() {
    return new EngineOptions(Instant.now(), ZoneId.of("UTC"), 0L, DEFAULT_TEMPLATE_CACHE,
        DEFAULT_TIMEOUT_MILLIS, List.of(), Map.of());
  }

  public EngineOptions withNow(Instant t) {
    return new EngineOptions(t, timeZone, seed, templateCacheSize, expressionTimeoutMillis, allowedUrlPrefixes, constants);
  }

  public EngineOptions withSeed(long s) {
    return new EngineOptions(now, timeZone, s, templateCacheSize, expressionTimeoutMillis, allowedUrlPrefixes, constants);
  }
}

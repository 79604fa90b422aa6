package xlspark.spark.sql;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import xlspark.eval.EngineOptions;

/**
 * Engine options of the SQL function from Spark conf keys ({@code --conf}, {@code spark.conf.set}):
 * {@code spark.xlspark.now} (ISO instant; default: first use in each task), {@code spark.xlspark.timeZone}
 * (default UTC), {@code spark.xlspark.seed}, {@code spark.xlspark.templateCache},
 * {@code spark.xlspark.expressionTimeoutMillis}, {@code spark.xlspark.allowUrls} (comma-separated prefixes).
 */
public final class EngineConf {
  public static final String PREFIX = "spark.xlspark.";

  private EngineConf() {}

  /** @param conf returns the value of a key, or null */
  public static EngineOptions read(Function<String, String> conf) {
    String now = conf.apply(PREFIX + "now");
    String zone = conf.apply(PREFIX + "timeZone");
    String seed = conf.apply(PREFIX + "seed");
    String cache = conf.apply(PREFIX + "templateCache");
    String timeout = conf.apply(PREFIX + "expressionTimeoutMillis");
    String urls = conf.apply(PREFIX + "allowUrls");
    List<String> prefixes = urls == null || urls.isBlank() ? List.of()
        : Arrays.stream(urls.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    return new EngineOptions(
        now == null ? Instant.now() : Instant.parse(now.trim()),
        zone == null ? ZoneId.of("UTC") : ZoneId.of(zone.trim()),
        seed == null ? 0L : Long.parseLong(seed.trim()),
        cache == null ? EngineOptions.DEFAULT_TEMPLATE_CACHE : Integer.parseInt(cache.trim()),
        timeout == null ? EngineOptions.DEFAULT_TIMEOUT_MILLIS : Long.parseLong(timeout.trim()),
        prefixes, Map.of());
  }
}

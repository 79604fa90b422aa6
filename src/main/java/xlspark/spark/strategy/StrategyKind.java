package xlspark.spark.strategy;

import java.util.Locale;

/** The evaluation modes of {@code --mode}. */
public enum StrategyKind {
  /** One thread in one Spark task: the baseline a plain loop gives. */
  SERIAL,
  /** Rows spread over the executor cores, one evaluator per partition. */
  POOL,
  /** Exactly one Spark task per group. */
  TASKS,
  /** Picks one of the others from a timed sample and the group count. */
  AUTO;

  public static StrategyKind parse(String text) {
    try {
      return valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown mode '" + text + "' (expected serial, pool, tasks or auto)");
    }
  }

  public String cliName() {
    return name().toLowerCase(Locale.ROOT);
  }
}

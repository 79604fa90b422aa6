package xlspark.eval;

import java.io.Serializable;

/** Cumulative engine phase totals of one evaluator (one partition or thread). */
public record EngineStats(long formulas, long errors, long parseNanos, long compileNanos, long evalNanos,
                          long cacheHits, long cacheMisses) implements Serializable {

  public static final EngineStats ZERO = new EngineStats(0, 0, 0, 0, 0, 0, 0);

  public EngineStats plus(EngineStats o) {
    return new EngineStats(formulas + o.formulas, errors + o.errors, parseNanos + o.parseNanos,
        compileNanos + o.compileNanos, evalNanos + o.evalNanos, cacheHits + o.cacheHits, cacheMisses + o.cacheMisses);
  }
}

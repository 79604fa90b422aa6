package xlspark.eval;

import java.io.Serializable;

/**
 * Cumulative engine phase totals of one evaluator (one partition or thread). {@code cacheMisses} are rows whose
 * shape had no template; {@code interpreted} those of them the cold tier ran from the AST (the others paid a
 * compile). Parse time includes the cold tier's full parse, eval time its interpretation.
 */
public record EngineStats(long formulas, long errors, long parseNanos, long compileNanos, long evalNanos,
                          long cacheHits, long cacheMisses, long interpreted) implements Serializable {

  public static final EngineStats ZERO = new EngineStats(0, 0, 0, 0, 0, 0, 0, 0);

  public EngineStats plus(EngineStats o) {
    return new EngineStats(formulas + o.formulas, errors + o.errors, parseNanos + o.parseNanos,
        compileNanos + o.compileNanos, evalNanos + o.evalNanos, cacheHits + o.cacheHits, cacheMisses + o.cacheMisses,
        interpreted + o.interpreted);
  }
}

package xlspark.eval;

/**
 * Evaluates formula text to an {@link EvalOutcome}. Not thread-safe: use one per partition or thread;
 * the compiled template cache behind it is shared per JVM. Never throws for a bad formula.
 */
public final class FormulaEvaluator {
  private final EngineOptions options;

  public FormulaEvaluator(EngineOptions options) {
    this.options = options;
  }

  /** Evaluates one formula; {@code rowId} seeds the volatile functions of this row. */
  public EvalOutcome evaluate(String formula, VariableSource vars, long rowId) {
    return new EvalOutcome(ResultType.ERROR, "#ERROR!", null, "engine not ready");
  }

  /**
   * Dry run: parses and checks a formula without evaluating it. Returns null when it is fine, otherwise an
   * ERROR outcome whose message names the syntax error, unknown functions or unknown variables.
   */
  public EvalOutcome check(String formula, java.util.function.Predicate<String> isKnownVariable) {
    return null;
  }

  public EngineStats stats() {
    return EngineStats.ZERO;
  }

  public EngineOptions options() {
    return options;
  }
}

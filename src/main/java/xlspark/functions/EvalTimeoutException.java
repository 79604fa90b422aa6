package xlspark.functions;

/** Thrown cooperatively when an expression exceeds its time budget; the evaluator turns it into an error row. */
public final class EvalTimeoutException extends RuntimeException {
  public EvalTimeoutException(String message) {
    super(message, null, false, false);
  }
}

package xlspark.functions;

import xlspark.value.DeadlineExceeded;

/** Thrown cooperatively when an expression exceeds its time budget; the evaluator turns it into an error row. */
public final class EvalTimeoutException extends DeadlineExceeded {
  public EvalTimeoutException(String message) {
    super(message);
  }
}

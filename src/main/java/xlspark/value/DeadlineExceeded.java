package xlspark.value;

/**
 * Thrown cooperatively when an expression exceeds its time budget; the evaluator, the only catch boundary,
 * turns it into an error row and the partition goes on.
 */
public class DeadlineExceeded extends RuntimeException {
  public DeadlineExceeded(String message) {
    super(message, null, false, false);
  }
}

package xlspark.spark.core;

/**
 * A problem with the options or the input that the user can fix: a missing path, a file that is not the
 * format named, a missing {@code expression} column, an existing output without {@code --overwrite}, the
 * {@code --max-tasks} refusal. Thrown before any evaluation and before the output is touched.
 */
public class UsageException extends RuntimeException {
  public UsageException(String message) {
    super(message);
  }

  public UsageException(String message, Throwable cause) {
    super(message, cause);
  }

  /** Throws a UsageException with {@code message} unless {@code ok}: the check of every option builder. */
  public static void require(boolean ok, String message) {
    if (!ok) {
      throw new UsageException(message);
    }
  }
}

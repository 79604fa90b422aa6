package xlspark.compile;

/**
 * Thrown inside the JEXL tier when a lazy call's decision is not a single branch (an array or error condition,
 * an invalid CHOOSE index): the evaluator then runs the row again in the interpreter, which defines what such a
 * call does. Never escapes the evaluator.
 */
public final class LazyFallback extends RuntimeException {
  LazyFallback() {
    super("lazy call needs the interpreter", null, false, false);
  }
}

package xlspark.eval;

import java.util.function.LongSupplier;

/**
 * A nanosecond clock for deadline tests that moves by a fixed step each time it is read, and counts the reads.
 * Handed to a {@link FormulaEvaluator} in place of {@link System#nanoTime()}, it turns an expression's time budget
 * into a number of deadline checks (budget / step): a time-out then says how much work the evaluation did between
 * checks, whatever the machine's speed or load.
 */
public final class StepClock implements LongSupplier {
  private final long stepNanos;
  private long now;
  private long reads;

  public StepClock(long stepNanos) {
    this.stepNanos = stepNanos;
  }

  /** A clock that moves one millisecond per read. */
  public static StepClock millisPerRead() {
    return new StepClock(1_000_000L);
  }

  @Override
  public long getAsLong() {
    reads++;
    now += stepNanos;
    return now;
  }

  /** Reads so far. */
  public long reads() {
    return reads;
  }
}

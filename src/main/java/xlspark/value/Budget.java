package xlspark.value;

import java.util.function.LongSupplier;

/**
 * The limits of the expression evaluating on this thread, for the loops that run outside function bodies
 * (operators broadcast over arrays) and so have no evaluation context at hand. The evaluator starts it
 * around each formula and ends it after; outside an evaluation there is no deadline, and arrays are bounded
 * by the default cell cap. One mutable instance per thread, so starting a row allocates nothing.
 */
public final class Budget {
  /** Default cap on the cells of one array value (constants, operator and function results). */
  public static final int DEFAULT_MAX_ARRAY_CELLS = 1_000_000;
  /**
   * Cap on the characters of text one expression may put into arrays in all (64 MB of chars): each text is
   * at most 32,767 characters and each array at most a million cells, but both at once would be 64 GB.
   */
  public static final long MAX_ARRAY_TEXT_CHARS = 32L << 20;
  /** Loops check the clock once per this many cells: cheap, and still every few milliseconds. */
  public static final int CHECK_EVERY = 4_096;
  /**
   * Units of work (about a character compared or a cell visited each, a few nanoseconds) between two reads of
   * the clock in {@link #spend}: tens of microseconds of work, so the deadline is missed by no more than that
   * plus the longest step that does not account for itself.
   */
  public static final long CLOCK_UNITS = 1L << 16;
  /** What one step of bounded, unknown work counts for (a function call): the clock is read every 64 steps. */
  public static final long STEP_UNITS = CLOCK_UNITS / 64;

  private static final LongSupplier SYSTEM_CLOCK = System::nanoTime;
  private static final ThreadLocal<Budget> CURRENT = ThreadLocal.withInitial(Budget::new);

  private long deadlineNanos = Long.MAX_VALUE;
  private LongSupplier clock = SYSTEM_CLOCK;
  private long timeoutMillis;
  private int maxArrayCells = DEFAULT_MAX_ARRAY_CELLS;
  private long arrayTextChars;
  private long work;

  private Budget() {
  }

  /** This thread's budget. */
  public static Budget current() {
    return CURRENT.get();
  }

  /** Starts an expression: its deadline ({@code System.nanoTime()} based, MAX_VALUE for none) and array cap. */
  public void start(long deadlineNanos, long timeoutMillis, int maxArrayCells) {
    start(deadlineNanos, timeoutMillis, maxArrayCells, SYSTEM_CLOCK);
  }

  /** Starts an expression whose deadline is on {@code clock} (the evaluation context's: a test's own clock). */
  public void start(long deadlineNanos, long timeoutMillis, int maxArrayCells, LongSupplier clock) {
    this.clock = clock;
    this.deadlineNanos = deadlineNanos;
    this.timeoutMillis = timeoutMillis;
    this.maxArrayCells = maxArrayCells;
    this.arrayTextChars = 0;
    this.work = 0;
  }

  /** Ends the expression: no deadline, default array cap. */
  public void end() {
    start(Long.MAX_VALUE, 0, DEFAULT_MAX_ARRAY_CELLS);
  }

  public int maxArrayCells() {
    return maxArrayCells;
  }

  /** Throws {@link DeadlineExceeded} when the expression's time is spent. */
  public void check() {
    if (clock.getAsLong() > deadlineNanos) {
      throw new DeadlineExceeded("expression exceeded its time budget of " + timeoutMillis + " ms");
    }
  }

  /**
   * Accounts for {@code units} of work done by a loop that has no evaluation context at hand (wildcard
   * matching, text scans): the clock is read once {@link #CLOCK_UNITS} have been spent, and
   * {@link DeadlineExceeded} thrown when the expression's time is spent.
   */
  public void spend(long units) {
    work += units;
    if (work >= CLOCK_UNITS) {
      work = 0;
      check();
    }
  }

  /**
   * Accounts for a text put into an array cell: false once the expression's arrays have taken more than
   * {@link #MAX_ARRAY_TEXT_CHARS} characters in all (the caller returns #VALUE! instead).
   */
  public boolean spendArrayText(int chars) {
    arrayTextChars += chars;
    return arrayTextChars <= MAX_ARRAY_TEXT_CHARS;
  }

  /** The error for arrays holding too much text. */
  public static Value.Err tooMuchText() {
    return Value.err(ExcelError.VALUE, "arrays of this expression hold more than " + MAX_ARRAY_TEXT_CHARS
        + " characters of text");
  }

  /** An array of {@code rows x cols} cells would break the cap: the #NUM! error to return instead, else null. */
  public Value.Err tooLarge(long rows, long cols) {
    if (rows * cols > maxArrayCells) {
      return Value.err(ExcelError.NUM, "array of " + rows + "x" + cols + " cells is larger than the limit of "
          + maxArrayCells + " cells");
    }
    return null;
  }
}

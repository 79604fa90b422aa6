package xlspark.value;

import java.util.function.LongSupplier;

/**
 * The account of the expression being evaluated: its deadline, the work done since the clock was last read, and
 * the text its arrays hold, against the run's {@link Limits}. One per evaluation context (so one per evaluator,
 * thread or partition), started again for each row; it is passed to whatever loops over input-sized work
 * (operators broadcast over arrays, range reads, text scans, wildcard matching), never looked up. Starting a
 * row allocates nothing. {@link DeadlineExceeded} is the one way a spent budget ends a row.
 */
public final class Budget {
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

  private final Limits limits;
  private final LongSupplier clock;
  private long deadlineNanos = Long.MAX_VALUE;
  private long arrayTextChars;
  private long work;

  public Budget(Limits limits) {
    this(limits, System::nanoTime);
  }

  /**
   * A budget whose deadlines run on {@code clock} (nanoseconds; {@link System#nanoTime()} in every run): tests pass
   * a clock they move themselves, so a time-out shows in how much work was done, not in how busy the machine was.
   */
  public Budget(Limits limits, LongSupplier clock) {
    this.limits = limits;
    this.clock = clock;
  }

  /** A budget with the default limits and no deadline, for values computed outside any run (tests, tools). */
  public static Budget untimed() {
    return new Budget(Limits.untimed());
  }

  /** Starts a row: its deadline from now, no work done, no array text. */
  public void startRow() {
    long timeout = limits.timeoutMillis();
    deadlineNanos = timeout > 0 ? clock.getAsLong() + timeout * 1_000_000L : Long.MAX_VALUE;
    arrayTextChars = 0;
    work = 0;
  }

  /** Ends the row: no deadline until the next one starts (work outside a row, such as writing results, is not timed). */
  public void endRow() {
    deadlineNanos = Long.MAX_VALUE;
  }

  public Limits limits() {
    return limits;
  }

  public int maxArrayCells() {
    return limits.maxArrayCells();
  }

  /** The date system the run's serials count in (date text read as a number lands there). */
  public DateSystem dates() {
    return limits.dates();
  }

  /** The clock deadlines are read on ({@link System#nanoTime()} but in tests). */
  public LongSupplier clock() {
    return clock;
  }

  /** The row's deadline on the {@link #clock()} ({@code Long.MAX_VALUE} when unlimited). */
  public long deadlineNanos() {
    return deadlineNanos;
  }

  /** Milliseconds left before the row's deadline (at least 1; {@code Long.MAX_VALUE} when unlimited). */
  public long remainingMillis() {
    if (deadlineNanos == Long.MAX_VALUE) {
      return Long.MAX_VALUE;
    }
    return Math.max(1, (deadlineNanos - clock.getAsLong()) / 1_000_000);
  }

  /** Throws {@link DeadlineExceeded} when the row's time is spent (reads the clock now). */
  public void check() {
    if (clock.getAsLong() > deadlineNanos) {
      throw new DeadlineExceeded("expression exceeded its time budget of " + limits.timeoutMillis() + " ms");
    }
  }

  /**
   * Accounts for {@code units} of work (about one character compared or one cell visited each) and reads the
   * clock once {@link #CLOCK_UNITS} have been spent since the last read, so the deadline is checked in
   * proportion to the work done, whatever the size of each step. Over-counting only reads the clock sooner.
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
   * {@link Limits#maxArrayTextChars} characters in all (the caller returns {@link #tooMuchText} instead).
   */
  public boolean spendArrayText(int chars) {
    arrayTextChars += chars;
    return arrayTextChars <= limits.maxArrayTextChars();
  }

  /** The error for arrays holding too much text. */
  public Value.Err tooMuchText() {
    return Value.err(ExcelError.VALUE, "arrays of this expression hold more than " + limits.maxArrayTextChars()
        + " characters of text");
  }

  /** An array of {@code rows x cols} cells would break the cap: the #NUM! error to return instead, else null. */
  public Value.Err tooLarge(long rows, long cols) {
    if (rows * cols > limits.maxArrayCells()) {
      return Value.err(ExcelError.NUM, "array of " + rows + "x" + cols + " cells is larger than the limit of "
          + limits.maxArrayCells() + " cells");
    }
    return null;
  }
}

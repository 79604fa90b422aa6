package xlspark.value;

import java.io.Serializable;
import java.util.Objects;

/**
 * The limits of one run, the same for every row: set once from the options ({@code --timeout},
 * {@code --max-array-cells}, {@code --max-iterations}) and read through the run's {@link Budget}; with them the
 * {@link DateSystem} the run's serials count in (a workbook's own, else 1900), which conversions of date text read
 * from the same place.
 *
 * @param timeoutMillis      time budget of one expression (a row, a workbook cell); 0 means none
 * @param maxArrayCells      cap on the cells of one array value (constants, range reads, operator and function results)
 * @param maxIterations      cap on the iterations of one function call (IRR, RATE, goal seeking, inverse distributions)
 * @param maxArrayTextChars  cap on the characters of text one expression may put into arrays in all (a text is at
 *                           most 32,767 characters, Excel's cell rule, and an array a million cells: both at once
 *                           would be 64 GB)
 * @param dates              the date system of the run's serials
 */
public record Limits(long timeoutMillis, int maxArrayCells, int maxIterations, long maxArrayTextChars,
                     DateSystem dates) implements Serializable {
  public static final long DEFAULT_TIMEOUT_MILLIS = 5_000;
  public static final int DEFAULT_MAX_ARRAY_CELLS = 1_000_000;
  public static final int DEFAULT_MAX_ITERATIONS = 1_000;
  /** 64 MB of chars. */
  public static final long DEFAULT_MAX_ARRAY_TEXT_CHARS = 32L << 20;

  public Limits {
    if (timeoutMillis < 0) {
      throw new IllegalArgumentException("expression timeout must not be negative");
    }
    if (maxArrayCells < 1 || maxIterations < 1) {
      throw new IllegalArgumentException("array cell and iteration limits must be at least 1");
    }
    if (maxArrayTextChars < 1) {
      throw new IllegalArgumentException("array text limit must be at least 1");
    }
    Objects.requireNonNull(dates, "date system");
  }

  /** Limits of a run in the 1900 date system. */
  public Limits(long timeoutMillis, int maxArrayCells, int maxIterations, long maxArrayTextChars) {
    this(timeoutMillis, maxArrayCells, maxIterations, maxArrayTextChars, DateSystem.EXCEL_1900);
  }

  /** The defaults: 5 s, a million cells, 1,000 iterations, 32 Mi characters. */
  public static Limits defaults() {
    return new Limits(DEFAULT_TIMEOUT_MILLIS, DEFAULT_MAX_ARRAY_CELLS, DEFAULT_MAX_ITERATIONS,
        DEFAULT_MAX_ARRAY_TEXT_CHARS);
  }

  /** The default limits without a time budget: for code that computes values outside any run (tests, tools). */
  public static Limits untimed() {
    return defaults().withTimeoutMillis(0);
  }

  public Limits withTimeoutMillis(long ms) {
    return new Limits(ms, maxArrayCells, maxIterations, maxArrayTextChars, dates);
  }

  /** The same limits for a run whose serials count in {@code system} (a workbook's date system). */
  public Limits withDates(DateSystem system) {
    return new Limits(timeoutMillis, maxArrayCells, maxIterations, maxArrayTextChars, system);
  }
}

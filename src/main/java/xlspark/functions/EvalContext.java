package xlspark.functions;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.LongSupplier;
import xlspark.value.Budget;
import xlspark.value.DateSystem;
import xlspark.value.DeadlineExceeded;
import xlspark.value.Limits;
import xlspark.value.Value;

/**
 * The run's context, the one place a row's state lives: what a function may read besides its arguments (the
 * run's fixed clock, the per-row random seed, the URL prefixes the user allowed, the workbook being evaluated)
 * and the row's {@link Budget} under the run's {@link Limits} (deadline, array cells, iterations, array text).
 * One per evaluator (thread or partition), passed explicitly to every function call; {@link #beginRow} resets
 * the per-row parts.
 */
public final class EvalContext {
  private final double nowSerial;
  private final long seed;
  private final List<String> allowedUrlPrefixes;
  private final Budget budget;
  private long rowId;
  private SplittableRandom random;
  private WorkbookAccess workbook;

  public EvalContext(double nowSerial, long seed, List<String> allowedUrlPrefixes, Limits limits) {
    this(nowSerial, seed, allowedUrlPrefixes, limits, System::nanoTime);
  }

  /** A context whose deadlines run on {@code clock} (nanoseconds; {@link System#nanoTime()} but in tests). */
  public EvalContext(double nowSerial, long seed, List<String> allowedUrlPrefixes, Limits limits,
                     LongSupplier clock) {
    this.nowSerial = nowSerial;
    this.seed = seed;
    this.allowedUrlPrefixes = List.copyOf(allowedUrlPrefixes);
    this.budget = new Budget(limits, clock);
  }

  /** A context for tests and tools: clock at serial 45000 (2023-03-15), seed 0, no URLs, default limits (5 s). */
  public static EvalContext forTesting() {
    return new EvalContext(45000.5, 0, List.of(), Limits.defaults());
  }

  /** The date system the run's serials count in (a workbook's own; 1900 otherwise), from the run's limits. */
  public DateSystem dates() {
    return budget.dates();
  }

  /** Starts a row: sets its deadline and forgets the previous row's random generator. */
  public void beginRow(long rowId) {
    this.rowId = rowId;
    this.random = null;
    this.branchTop = 0;
    budget.startRow();
  }

  /**
   * Enters an evaluation: the outermost one starts a row ({@link #beginRow}) and returns true; one that runs
   * inside another (a defined name or a cell reached by INDIRECT, evaluated in the middle of a cell) keeps the
   * enclosing row's deadline and returns false. A nested evaluation for the same row continues its random
   * stream (each use of a RAND() name draws anew); one for another row (a cell) draws from that row's own
   * stream, as it would have evaluated on its own. {@link #exitRow} restores the enclosing row's stream.
   */
  public boolean enterRow(long rowId) {
    if (depth == 0) {
      depth = 1;
      beginRow(rowId);
      return true;
    }
    if (depth == savedRowIds.length) {
      savedRowIds = java.util.Arrays.copyOf(savedRowIds, depth * 2);
      savedRandoms = java.util.Arrays.copyOf(savedRandoms, depth * 2);
      savedBranchTops = java.util.Arrays.copyOf(savedBranchTops, depth * 2);
    }
    savedRowIds[depth] = this.rowId;
    savedRandoms[depth] = random;
    savedBranchTops[depth] = branchTop;
    depth++;
    if (rowId != this.rowId) {
      this.rowId = rowId;
      this.random = null;
    }
    return false;
  }

  /** Leaves the evaluation {@link #enterRow} entered; after a nested one, the enclosing row's stream is back. */
  public void exitRow() {
    if (depth == 0) {
      throw new IllegalStateException("exitRow without enterRow");
    }
    depth--;
    if (depth == 0) {
      budget.endRow();
    } else {
      if (rowId != savedRowIds[depth]) {
        rowId = savedRowIds[depth];
        random = savedRandoms[depth];
      }
      branchTop = savedBranchTops[depth];
      savedRandoms[depth] = null;
    }
  }

  // The rows a nested evaluation interrupted: their ids, random streams and branch stack heights.
  private int depth;
  private long[] savedRowIds = new long[4];
  private SplittableRandom[] savedRandoms = new SplittableRandom[4];
  private int[] savedBranchTops = new int[4];

  /**
   * Starts the current row over with the same deadline: a fresh random stream (the same draws again) and an
   * empty branch stack. Used when the JEXL tier hands a row to the interpreter midway.
   */
  public void restartRow() {
    this.random = null;
    this.branchTop = 0;
  }

  // The branch stack of lazily evaluated functions in the JEXL tier (IFERROR's value, CHOOSE's index): a value is
  // pushed where it is computed and popped before the branch that is taken runs, so nesting is strictly LIFO.
  private Value[] branchStack = new Value[8];
  private int branchTop;

  /** Pushes a value a lazy function's branch will read back. */
  public Value pushBranch(Value v) {
    if (branchTop == branchStack.length) {
      branchStack = java.util.Arrays.copyOf(branchStack, branchTop * 2);
    }
    branchStack[branchTop++] = v;
    return v;
  }

  public Value popBranch() {
    if (branchTop == 0) {
      throw new IllegalStateException("branch stack empty");
    }
    Value v = branchStack[--branchTop];
    branchStack[branchTop] = null;
    return v;
  }

  public Value peekBranch() {
    if (branchTop == 0) {
      throw new IllegalStateException("branch stack empty");
    }
    return branchStack[branchTop - 1];
  }

  /** The fixed clock of the run as an Excel date-time serial (NOW). */
  public double now() {
    return nowSerial;
  }

  /** The generator for RAND/RANDBETWEEN of this row: seeded by (seed, row id), so reruns repeat. */
  public SplittableRandom random() {
    if (random == null) {
      random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + rowId);
    }
    return random;
  }

  /** The row's account of time, work and array text, which loops over input-sized work are given. */
  public Budget budget() {
    return budget;
  }

  public Limits limits() {
    return budget.limits();
  }

  /**
   * Throws {@link DeadlineExceeded} when the row's time budget is spent. Counts as one step of bounded work
   * (a function call, a loop step over one value): the clock is read every 64 such steps. A step whose work
   * grows with the input (characters compared, cells visited) must say so with {@link #spend} instead.
   */
  public void checkDeadline() {
    budget.spend(Budget.STEP_UNITS);
  }

  /** Accounts for {@code units} of work (about one character compared or one cell visited each): {@link Budget#spend}. */
  public void spend(long units) {
    budget.spend(units);
  }

  /** Checks the deadline now, without sampling. */
  public void checkDeadlineNow() {
    budget.check();
  }

  /** The clock deadlines are read on ({@link System#nanoTime()} but in tests). */
  public LongSupplier clock() {
    return budget.clock();
  }

  /** The row's deadline on the {@link #clock()} ({@code Long.MAX_VALUE} when unlimited). */
  public long deadlineNanos() {
    return budget.deadlineNanos();
  }

  /** The time budget of one expression in milliseconds; 0 means none. */
  public long timeoutMillis() {
    return budget.limits().timeoutMillis();
  }

  /** Milliseconds left before the row's deadline (at least 1; {@code Long.MAX_VALUE} when unlimited). */
  public long remainingMillis() {
    return budget.remainingMillis();
  }

  public int maxIterations() {
    return budget.limits().maxIterations();
  }

  public int maxArrayCells() {
    return budget.limits().maxArrayCells();
  }

  public List<String> allowedUrlPrefixes() {
    return allowedUrlPrefixes;
  }

  public long rowId() {
    return rowId;
  }

  /** The workbook of the formula being evaluated (workbook mode), or null (expression mode). */
  public WorkbookAccess workbook() {
    return workbook;
  }

  /** Set by the workbook evaluator before each cell; null in expression mode. */
  public void setWorkbook(WorkbookAccess workbook) {
    this.workbook = workbook;
  }

  /**
   * The cells of a reference: one value (an area implicitly intersected with the formula's row or column
   * unless it is an array formula) when {@code single}, else the cell or an array. #REF! without a workbook.
   */
  public Value read(Value.Ref r, boolean single) {
    if (workbook == null) {
      return Value.err(xlspark.value.ExcelError.REF, "references need workbook mode");
    }
    return workbook.read(r.area(), single);
  }
}

package xlspark.spark.core;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Function;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.rdd.RDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.CatalystTypeConverters;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.types.UTF8String;
import org.apache.spark.util.LongAccumulator;
import xlspark.eval.EngineOptions;
import xlspark.eval.EvalOutcome;
import xlspark.eval.FormulaEvaluator;
import xlspark.eval.ResultType;
import xlspark.formula.Names;

/**
 * Turns input rows into output rows: the input columns (an {@code id} first when the input has none), then
 * the result columns, then (for indexed input) the internal row index. Shared by every strategy, so all
 * modes give identical rows; the strategies differ only in where {@link Run}s happen. Serializable and
 * immutable: it is shipped to executors, each of which opens its own {@link Run} (one {@link
 * FormulaEvaluator}) per partition.
 *
 * <p>Two row forms: Spark's internal rows ({@link #evaluate(SparkSession, RDD, long[])}: the read's rows
 * in, the writer's rows out, input cells passed through as they are and a cell converted only when a formula
 * names it) and external {@link Row}s (the library API, tasks mode's shuffle, auto's sample). Both read cells
 * through the same conversion and build results with the same code.
 */
public final class RowEvaluator implements Serializable {
  static final String OK_DRY_RUN = "dry run: ok";

  private static final UTF8String[] TYPE_NAMES = new UTF8String[ResultType.values().length];
  private static final UTF8String EMPTY = UTF8String.fromString("");

  static {
    for (ResultType t : ResultType.values()) {
      TYPE_NAMES[t.ordinal()] = UTF8String.fromString(t.name());
    }
  }

  private final StructType input;
  private final String expression;
  private final ResultColumns results;
  private final int expressionIndex;
  private final String corrupt;
  private final int corruptIndex;
  private final int rowIndexPos;
  private final String rowIndex;
  private final int[] keep;
  private final DataType[] types;
  private final boolean addId;
  private final boolean textCells;
  private final boolean dryRun;
  private final Map<String, Integer> variables;
  private final EngineOptions engine;
  private final StructType outputSchema;
  private final TallyAccumulator tally;
  private final LongAccumulator progress;

  /**
   * @param input      the input's schema. Rows given later may end with the row index column ({@link #withInput}),
   *                   named apart from every input column ({@link ResultColumns#rowIndexName})
   * @param expression the expression column (exact name in {@code input})
   * @param corrupt    the reader's column holding a malformed line's raw text (a row with it set is an
   *                   {@code ERROR} row), never passed through; null: none (every column is the user's)
   * @param addId      add {@code id} = 1-based row number
   * @param textCells  type string cells the way Excel types entered text (CSV input)
   * @param tally      receives one tally per partition; may be null
   */
  public RowEvaluator(StructType input, String expression, String corrupt, boolean addId, boolean textCells,
                      ResultColumns results, EngineOptions engine, boolean dryRun, TallyAccumulator tally) {
    this(input, expression, corrupt, addId, textCells, results, engine, dryRun, tally, null,
        ResultColumns.rowIndexName(input));
  }

  private RowEvaluator(StructType input, String expression, String corrupt, boolean addId, boolean textCells,
                       ResultColumns results, EngineOptions engine, boolean dryRun, TallyAccumulator tally,
                       LongAccumulator progress, String rowIndex) {
    this.input = input;
    this.expression = expression;
    this.results = results;
    this.expressionIndex = input.fieldIndex(expression);
    this.corrupt = corrupt;
    this.corruptIndex = corrupt == null ? -1 : indexOf(input, corrupt);
    this.rowIndex = rowIndex;
    this.rowIndexPos = indexOf(input, rowIndex);
    this.addId = addId;
    this.textCells = textCells;
    this.dryRun = dryRun;
    this.engine = engine;
    this.tally = tally;
    this.progress = progress;
    List<StructField> out = new ArrayList<>();
    if (addId) {
      out.add(DataTypes.createStructField("id", DataTypes.LongType, false));
    }
    checkNames(input, corrupt, rowIndex);
    List<Integer> kept = new ArrayList<>();
    Map<String, Integer> vars = new HashMap<>();
    StructField[] fields = input.fields();
    for (int i = 0; i < fields.length; i++) {
      if (i == corruptIndex || i == rowIndexPos) {
        continue;
      }
      kept.add(i);
      out.add(fields[i]);
      if (i != expressionIndex) {
        vars.putIfAbsent(CellTyping.upper(fields[i].name()), i);
      }
    }
    out.addAll(results.fields());
    if (rowIndexPos >= 0) {
      out.add(DataTypes.createStructField(rowIndex, DataTypes.LongType, false));
    }
    this.keep = kept.stream().mapToInt(Integer::intValue).toArray();
    this.types = java.util.Arrays.stream(fields).map(StructField::dataType).toArray(DataType[]::new);
    this.variables = Map.copyOf(vars);
    this.outputSchema = DataTypes.createStructType(out);
  }

  /**
   * Refuses two columns whose names fold alike ({@link Names#fold}, the rule formulas name columns by): a formula
   * could reach only one of them. The internal columns (exact names; null: none) do not count.
   *
   * @throws UsageException naming both columns
   */
  public static void checkNames(StructType schema, String... internal) {
    List<String> skip = java.util.Arrays.asList(internal);
    Map<String, String> seen = new HashMap<>();
    for (String name : schema.fieldNames()) {
      if (skip.contains(name)) {
        continue;
      }
      String before = seen.putIfAbsent(Names.fold(name), name);
      if (before != null) {
        throw new UsageException("column '" + name + "' appears twice in the input (as '" + before + "' and '" + name
            + "': names are matched without regard to case)");
      }
    }
  }

  private static int indexOf(StructType schema, String name) {
    return schema.getFieldIndex(name).isDefined() ? schema.fieldIndex(name) : -1;
  }

  public StructType outputSchema() {
    return outputSchema;
  }

  /** The same evaluation for rows of another schema (e.g. with the row index column added). */
  public RowEvaluator withInput(StructType other) {
    return new RowEvaluator(other, expression, corrupt, addId, textCells, results, engine, dryRun, tally, progress,
        rowIndex);
  }

  /**
   * The same evaluation, adding one to {@code rows} for every row it evaluates (null: counts nothing). Unlike the
   * tally, which a partition reports when it ends, the count grows row by row, so Spark's executor heartbeats carry
   * a running task's progress to the driver's listeners.
   */
  public RowEvaluator withProgress(LongAccumulator rows) {
    return new RowEvaluator(input, expression, corrupt, addId, textCells, results, engine, dryRun, tally, rows,
        rowIndex);
  }

  /**
   * Evaluates contiguous row ranges in place: partition {@code k} of {@code ranges} holds the rows numbered from
   * {@code starts[k]}, so each row's number (its {@code id}, its RAND() seed) is its range's start plus its
   * position, and the output keeps the ranges' partitions and order. Lazy; one Spark stage with whatever follows.
   */
  public Dataset<Row> evaluate(SparkSession spark, RDD<InternalRow> ranges, long[] starts) {
    JavaRDD<InternalRow> out = ranges.toJavaRDD()
        .mapPartitionsWithIndex((Integer k, Iterator<InternalRow> rows) -> evaluateInternal(rows, starts[k]), true);
    return InternalRows.PLATFORM.dataFrame(spark, out.rdd(), outputSchema);
  }

  /** Evaluates internal rows numbered from {@code first}, reporting the tally when the last row is read. */
  Iterator<InternalRow> evaluateInternal(Iterator<InternalRow> rows, long first) {
    Run run = newRun();
    long[] index = {first};
    return tallied(rows, run, tallyKey(), row -> run.evaluate(row, index[0]++));
  }

  public EngineOptions engine() {
    return engine;
  }

  /**
   * Evaluates one partition lazily, reporting its tally to the accumulator when the last row is read. The
   * tally key is the task's partition and the number of partitions this task evaluated before (a coalescing
   * task evaluates several): a retried task reproduces the same keys.
   */
  public Iterator<Row> evaluatePartition(Iterator<Row> rows) {
    return evaluate(rows, tallyKey());
  }

  private static long tallyKey() {
    TaskContext task = TaskContext.get();
    if (task == null) {
      return 0;
    }
    long[] seen = TASK_PARTITIONS.get();
    if (seen[0] != task.taskAttemptId()) {
      seen[0] = task.taskAttemptId();
      seen[1] = 0;
    }
    return task.partitionId() * 4096L + seen[1]++;
  }

  private static final ThreadLocal<long[]> TASK_PARTITIONS = ThreadLocal.withInitial(() -> new long[] {-1, 0});

  /** Like {@link #evaluatePartition}, with an explicit tally key (the driver's serial run uses 0). */
  public Iterator<Row> evaluate(Iterator<Row> rows, long tallyKey) {
    Run run = newRun();
    return tallied(rows, run, tallyKey, run::evaluate);
  }

  /** Maps {@code rows} lazily through {@code each}, adding the run's tally to the accumulator after the last row. */
  private <I, O> Iterator<O> tallied(Iterator<I> rows, Run run, long key, Function<I, O> each) {
    return new Iterator<>() {
      private boolean reported;

      @Override
      public boolean hasNext() {
        boolean more = rows.hasNext();
        if (!more && !reported) {
          reported = true;
          if (tally != null) {
            tally.add(new TallyAccumulator.Entry(key, run.finish()));
          }
        }
        return more;
      }

      @Override
      public O next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return each.apply(rows.next());
      }
    };
  }


  /** A fresh evaluator for one partition or thread. */
  public Run newRun() {
    return new Run();
  }

  /** One partition's (or thread's) evaluation: one engine evaluator and running counts. */
  public final class Run {
    private final FormulaEvaluator evaluator = new FormulaEvaluator(engine);
    private final RowVariables vars = new RowVariables(variables, engine.constants(), textCells, engine.timeZone());
    private final ExternalCells external = new ExternalCells();
    private final InternalCells internal = new InternalCells();
    private final Object[] reused = new Object[outputSchema.size()];
    private final GenericInternalRow reusedRow = new GenericInternalRow(reused);
    private final long partitionBase;
    private long position;
    private long rows;
    private long errors;

    private Run() {
      TaskContext task = TaskContext.get();
      partitionBase = task == null ? 0 : ((long) task.partitionId()) << 33;
    }

    /** Evaluates an external row; its number comes from the row index column, else from its position. */
    public Row evaluate(Row in) {
      long index = rowIndexPos >= 0 ? in.getLong(rowIndexPos) : partitionBase + position;
      position++;
      EvalOutcome o = count(outcome(external.at(in), index));
      Object[] out = new Object[outputSchema.size()];
      int k = 0;
      if (addId) {
        out[k++] = index + 1;
      }
      for (int i : keep) {
        out[k++] = in.get(i);
      }
      out[k++] = o.type().name();
      out[k++] = o.value() == null ? "" : o.value();
      out[k++] = o.type() == ResultType.NUMBER ? o.number() : null;
      out[k++] = o.message();
      if (rowIndexPos >= 0) {
        out[k] = index;
      }
      return RowFactory.create(out);
    }

    /**
     * Evaluates an internal row numbered {@code index}. The result is one row object reused for every row, whose
     * input cells are passed through unconverted: both stay valid until the next input row, which is all Spark
     * needs (the scan of {@link #evaluate(SparkSession, RDD, long[])}'s DataFrame copies each row into its
     * own binary form as it gets it), and no row costs more objects than its new values.
     */
    public InternalRow evaluate(InternalRow in, long index) {
      EvalOutcome o = count(outcome(internal.at(in), index));
      Object[] out = reused;
      int k = 0;
      if (addId) {
        out[k++] = index + 1;
      }
      for (int i : keep) {
        out[k++] = in.isNullAt(i) ? null : in.get(i, types[i]);
      }
      out[k++] = TYPE_NAMES[o.type().ordinal()];
      out[k++] = o.value() == null || o.value().isEmpty() ? EMPTY : UTF8String.fromString(o.value());
      out[k++] = o.type() == ResultType.NUMBER ? o.number() : null;
      out[k++] = o.message() == null ? null : UTF8String.fromString(o.message());
      if (rowIndexPos >= 0) {
        out[k] = index;
      }
      return reusedRow;
    }

    private EvalOutcome count(EvalOutcome o) {
      rows++;
      if (progress != null) {
        progress.add(1);
      }
      if (o.type() == ResultType.ERROR) {
        errors++;
      }
      return o;
    }

    private EvalOutcome outcome(RowVariables.Cells in, long index) {
      if (corruptIndex >= 0) {
        Object corrupt = in.get(corruptIndex);
        if (corrupt != null) {
          return new EvalOutcome(ResultType.ERROR, "#ERROR!", null, "malformed input line: " + corrupt);
        }
      }
      Object cell = in.get(expressionIndex);
      String text = cell == null ? "" : cell.toString();
      String formula = text.startsWith("=") ? text.substring(1) : text;
      if (formula.isBlank()) {
        return new EvalOutcome(ResultType.BLANK, "", null, null);
      }
      vars.at(in);
      try {
        if (dryRun) {
          EvalOutcome problem = evaluator.check(formula, vars::isKnown);
          return problem != null ? problem : new EvalOutcome(ResultType.BLANK, "", null, OK_DRY_RUN);
        }
        return evaluator.evaluate(formula, vars, index + 1);
      } catch (RuntimeException | StackOverflowError e) {
        // The engine is the catch boundary; this only keeps an engine bug from failing a whole task.
        return new EvalOutcome(ResultType.ERROR, "#ERROR!", null, "internal error: " + e);
      }
    }

    /** This run's rows, errors and engine phase totals so far. */
    public RunTally finish() {
      return new RunTally(rows, errors, evaluator.stats());
    }
  }

  /** The cells of an external row. */
  private static final class ExternalCells implements RowVariables.Cells {
    private Row row;

    ExternalCells at(Row r) {
      row = r;
      return this;
    }

    @Override
    public Object get(int column) {
      return row.get(column);
    }
  }

  /**
   * The cells of an internal row, converted to the external types on demand (text without a copy beyond the
   * String; other types through Spark's own converters, as a {@link Row} would hold them).
   */
  private final class InternalCells implements RowVariables.Cells {
    private final scala.Function1<Object, Object>[] converters = newConverters(types.length);
    private InternalRow row;

    InternalCells at(InternalRow r) {
      row = r;
      return this;
    }

    @Override
    public Object get(int column) {
      if (row.isNullAt(column)) {
        return null;
      }
      DataType type = types[column];
      if (type instanceof org.apache.spark.sql.types.StringType) {
        return row.getUTF8String(column).toString();
      }
      scala.Function1<Object, Object> c = converters[column];
      if (c == null) {
        c = CatalystTypeConverters.createToScalaConverter(type);
        converters[column] = c;
      }
      return c.apply(row.get(column, type));
    }
  }

  @SuppressWarnings("unchecked")
  private static scala.Function1<Object, Object>[] newConverters(int n) {
    return new scala.Function1[n];
  }
}

package xlspark.spark.io;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.rdd.RDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.catalyst.expressions.JoinedRow;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import xlspark.spark.core.InternalRows;
import xlspark.spark.core.ResultColumns;

/**
 * The input's rows in input order (for a folder, files in name order) with the number of rows in each partition,
 * so that every row's 0-based number is its partition's offset plus its position: rows are numbered where they
 * are read, without a shuffle, a sort or a sampling job.
 *
 * <p>Two ways to get there. A CSV read line by line comes in ranges the driver's scan cut and counted before any
 * job ran; the read is Spark's own line reader over those ranges. Anything else (Parquet, JSON, xlsx, a CSV with
 * line breaks in quotes) is counted by one job that also keeps the rows (memory, spilling to disk) for the run,
 * after putting a folder's files back in name order where Spark's planner packed them by size.
 */
public final class IndexedInput {
  private static final Logger LOG = LogManager.getLogger(IndexedInput.class);

  private final SparkSession spark;
  private final StructType schema;
  private final String corrupt;
  private final RDD<InternalRow> source;
  private final long[] counts;
  private final boolean evenSplits;
  private final JavaRDD<InternalRow> cached;
  private List<String[]> firstRows;
  private Dataset<Row> rows;

  private IndexedInput(SparkSession spark, StructType schema, String corrupt, RDD<InternalRow> source, long[] counts,
                       boolean evenSplits, JavaRDD<InternalRow> cached) {
    this.spark = spark;
    this.schema = schema;
    this.corrupt = corrupt;
    this.source = source;
    this.counts = counts;
    this.evenSplits = evenSplits;
    this.cached = cached;
  }

  /**
   * Contiguous row ranges, one per partition of {@link #rdd()}.
   *
   * @param starts the number of each range's first row
   * @param how    how the ranges came about, for the report
   */
  public record Ranges(RDD<InternalRow> rdd, long[] starts, String how) {}

  /** Indexes a loaded input. */
  public static IndexedInput of(SparkSession spark, SourceTable table) {
    StructType schema = table.data().schema();
    if (table.lines() != null) {
      Optional<RDD<InternalRow>> read = table.lines().read(spark, table.data());
      if (read.isPresent()) {
        IndexedInput in = new IndexedInput(spark, schema, table.corruptColumn(), read.get(), table.lines().rows(), true,
            null);
        in.firstRows = table.lines().firstRows().isEmpty() ? null : table.lines().firstRows();
        return in;
      }
      LOG.info("Spark did not plan the CSV as a plain file scan; counting its rows with a job");
    }
    return counted(spark, table, schema);
  }

  private static IndexedInput counted(SparkSession spark, SourceTable table, StructType schema) {
    RDD<InternalRow> read = InternalRows.PLATFORM.rdd(table.data());
    if (table.files().size() > 1) {
      read = inNameOrder(spark, table, read);
    }
    JavaRDD<InternalRow> rows = read.toJavaRDD().map(InternalRow::copy).persist(StorageLevel.MEMORY_AND_DISK());
    List<long[]> found = new ArrayList<>(rows.mapPartitionsWithIndex((Integer p, Iterator<InternalRow> it) -> {
      long n = 0;
      for (; it.hasNext(); it.next()) {
        n++;
      }
      return Collections.singletonList(new long[] {p, n}).iterator();
    }, true).collect());
    long[] counts = new long[rows.getNumPartitions()];
    for (long[] c : found) {
      counts[(int) c[0]] = c[1];
    }
    return new IndexedInput(spark, schema, table.corruptColumn(), rows.rdd(), counts, false, rows);
  }

  /**
   * The read with a folder's files in name order. Spark packs file splits into partitions by size; when that
   * packing is out of name order, the same reader is run over the same splits packed in name order.
   */
  private static RDD<InternalRow> inNameOrder(SparkSession spark, SourceTable table, RDD<InternalRow> read) {
    Map<String, Integer> order = new HashMap<>();
    for (String f : table.files()) {
      order.put(FileScans.key(f), order.size());
    }
    Optional<FileScans.Planned> planned = FileScans.planned(table.data());
    if (planned.isEmpty()) {
      return read;  // not a file scan (xlsx: one read per file, already in order)
    }
    List<List<FileScans.Range>> parts = planned.get().ranges();
    Comparator<FileScans.Range> byName = Comparator
        .comparingInt((FileScans.Range r) -> order.getOrDefault(r.file(), Integer.MAX_VALUE))
        .thenComparingLong(FileScans.Range::start);
    List<FileScans.Range> all = new ArrayList<>();
    parts.forEach(all::addAll);
    List<FileScans.Range> sorted = new ArrayList<>(all);
    sorted.sort(byName);
    if (all.equals(sorted)) {
      return read;
    }
    long total = sorted.stream().mapToLong(FileScans.Range::length).sum();
    int n = Math.max(1, parts.size());
    List<List<FileScans.Range>> packed = new ArrayList<>();
    List<FileScans.Range> current = new ArrayList<>();
    long bytes = 0;
    for (FileScans.Range r : sorted) {
      if (!current.isEmpty() && bytes + r.length() > total * (packed.size() + 1) / n && packed.size() < n - 1) {
        packed.add(current);
        current = new ArrayList<>();
      }
      current.add(r);
      bytes += r.length();
    }
    packed.add(current);
    return planned.get().reread(spark, packed, Map.of()).orElse(read);
  }

  public long count() {
    long n = 0;
    for (long c : counts) {
      n += c;
    }
    return n;
  }

  /**
   * {@code wanted} contiguous ranges of about equal rows (fewer when there are fewer rows). The read's own
   * partitions are used as they are when they are that many and even (the scan's byte ranges, or counts within a
   * quarter of the mean); else each range reads its rows from the partitions that hold them.
   */
  public Ranges ranges(int wanted) {
    int n = (int) Math.max(1, Math.min(wanted, count()));
    if (counts.length == n && (evenSplits || balanced(counts))) {
      long[] starts = new long[n];
      for (int i = 1; i < n; i++) {
        starts[i] = starts[i - 1] + counts[i - 1];
      }
      return new Ranges(source, starts, n + " input partitions");
    }
    RowRangeRDD r = RowRangeRDD.equalRanges(source, counts, n);
    long[] starts = new long[r.getNumPartitions()];
    long total = count();
    for (int k = 0; k < starts.length; k++) {
      starts[k] = total * k / starts.length;
    }
    return new Ranges(r, starts, starts.length + " row ranges of " + counts.length + " input partitions");
  }

  /** No partition more than a quarter above the mean: the slowest task decides the stage's time. */
  static boolean balanced(long[] sizes) {
    long max = 0;
    long total = 0;
    for (long s : sizes) {
      max = Math.max(max, s);
      total += s;
    }
    return max * sizes.length <= total * 5 / 4;
  }

  /** The name of the row index column of {@link #rows()}: apart from every input column's. */
  public String rowIndexName() {
    return ResultColumns.rowIndexName(schema);
  }

  /** The rows as external {@link Row}s with the row index ({@link #rowIndexName()}) last (tasks mode, auto's sample). */
  public Dataset<Row> rows() {
    if (rows == null) {
      Ranges r = ranges(counts.length);
      long[] starts = r.starts();
      JavaRDD<InternalRow> indexed = r.rdd().toJavaRDD().mapPartitionsWithIndex(
          (Integer k, Iterator<InternalRow> it) -> new Numbered(it, starts[k]), true);
      rows = InternalRows.PLATFORM.dataFrame(spark, indexed.rdd(),
          schema.add(rowIndexName(), DataTypes.LongType, false));
    }
    return rows;
  }

  /** Rows with their number appended (a view: valid until the next row, as Spark's projections take them). */
  private static final class Numbered implements Iterator<InternalRow> {
    private final Iterator<InternalRow> rows;
    private final JoinedRow joined = new JoinedRow();
    private final GenericInternalRow index = new GenericInternalRow(1);
    private long next;

    Numbered(Iterator<InternalRow> rows, long first) {
      this.rows = rows;
      this.next = first;
    }

    @Override
    public boolean hasNext() {
      return rows.hasNext();
    }

    @Override
    public InternalRow next() {
      index.update(0, next++);
      return joined.apply(rows.next(), index);
    }
  }

  /**
   * The first {@code n} rows with their index (as in {@link #rows()}): for a CSV read line by line, as the driver
   * parsed them while reading the file (no job; a malformed line has its text in the reader's malformed-line column
   * but may differ from Spark's row in detail, which is why only auto's timing sample takes them), else read by one
   * task of one job.
   */
  public List<Row> head(int n) {
    long m = Math.min(n, count());
    if (firstRows != null && firstRows.size() >= m) {
      List<Row> out = new ArrayList<>();
      for (int i = 0; i < m; i++) {
        String[] cells = firstRows.get(i);
        Object[] values = new Object[schema.size() + 1];
        for (int c = 0; c < schema.size(); c++) {
          boolean malformed = schema.fields()[c].name().equals(corrupt);
          values[c] = malformed ? (cells == null ? "(malformed)" : null)
              : cells == null || c >= cells.length ? null : cells[c];
        }
        values[schema.size()] = (long) i;
        out.add(org.apache.spark.sql.RowFactory.create(values));
      }
      return out;
    }
    JavaRDD<InternalRow> first = RowRangeRDD.byBounds(source, counts, new long[] {0, m}).toJavaRDD()
        .mapPartitions((Iterator<InternalRow> it) -> new Numbered(it, 0), true);
    return InternalRows.PLATFORM.dataFrame(spark, first.rdd(),
        schema.add(rowIndexName(), DataTypes.LongType, false)).collectAsList();
  }

  /** {@link #rows()} as an RDD. */
  public JavaRDD<Row> rdd() {
    return rows().javaRDD();
  }

  /** The input's columns, without the row index. */
  public StructType schema() {
    return schema;
  }

  /** The position of the row index in each row of {@link #rows()}. */
  public int indexPosition() {
    return schema.size();
  }

  /** Drops the kept input, if any. */
  public void release() {
    if (cached != null) {
      cached.unpersist(false);
    }
  }
}

package xlspark.spark;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * The input rows with a dense 0-based {@link ResultColumns#ROW_INDEX} in input order (for a folder, files in
 * name order), kept in memory (spilling to disk) for the run: the strategies, the auto sample and the group
 * count read it again without re-parsing the files.
 *
 */
public final class IndexedInput {
  private final Dataset<Row> rows;
  private final JavaRDD<Row> rdd;
  private final JavaRDD<Row> cached;
  private final long[] partitionSizes;

  private IndexedInput(Dataset<Row> rows, JavaRDD<Row> rdd, JavaRDD<Row> cached, long[] partitionSizes) {
    this.rows = rows;
    this.rdd = rdd;
    this.cached = cached;
    this.partitionSizes = partitionSizes;
  }

  /** The indexed rows as a Dataset. */
  public Dataset<Row> rows() {
    return rows;
  }

  /** The same rows as an RDD, row index last. */
  public JavaRDD<Row> rdd() {
    return rdd;
  }

  public long count() {
    return java.util.Arrays.stream(partitionSizes).sum();
  }

  /** Rows per partition of {@link #rows()} and {@link #rdd()}. */
  public long[] partitionSizes() {
    return partitionSizes.clone();
  }

  /** Indexes {@code data}; {@code files} tells whether rows must be ordered by file name first. */
  public static IndexedInput of(SparkSession spark, Dataset<Row> data, int files) {
    Dataset<Row> ordered = data;
    if (files > 1) {
      // Spark packs file splits by size, not by name: restore name order, then the order inside each file.
      ordered = data.withColumn("__xlspark_file", functions.input_file_name())
          .withColumn("__xlspark_pos", functions.monotonically_increasing_id())
          .sort("__xlspark_file", "__xlspark_pos")
          .drop("__xlspark_file", "__xlspark_pos");
    }
    StructType schema = ordered.schema().add(ResultColumns.ROW_INDEX, DataTypes.LongType, false);
    JavaRDD<Row> base = ordered.javaRDD().persist(StorageLevel.MEMORY_AND_DISK());
    List<long[]> counts = new ArrayList<>(base.mapPartitionsWithIndex(
        (Integer p, Iterator<Row> it) -> {
          long n = 0;
          for (; it.hasNext(); it.next()) {
            n++;
          }
          return Collections.singletonList(new long[] {p, n}).iterator();
        }, true).collect());
    counts.sort((a, b) -> Long.compare(a[0], b[0]));
    long[] offsets = new long[base.getNumPartitions()];
    long[] sizes = new long[base.getNumPartitions()];
    long total = 0;
    for (long[] c : counts) {
      offsets[(int) c[0]] = total;
      sizes[(int) c[0]] = c[1];
      total += c[1];
    }
    JavaRDD<Row> indexed = base.mapPartitionsWithIndex((Integer p, Iterator<Row> it) -> {
      long start = offsets[p];
      return new Iterator<Row>() {
        private long next = start;

        @Override
        public boolean hasNext() {
          return it.hasNext();
        }

        @Override
        public Row next() {
          Row r = it.next();
          Object[] values = new Object[r.length() + 1];
          for (int i = 0; i < r.length(); i++) {
            values[i] = r.get(i);
          }
          values[r.length()] = next++;
          return RowFactory.create(values);
        }
      };
    }, true);
    return new IndexedInput(spark.createDataFrame(indexed, schema), indexed, base, sizes);
  }

  /** The position of the row index in each row. */
  public int indexPosition() {
    return rows.schema().size() - 1;
  }

  /** Drops the cached input. */
  public void release() {
    cached.unpersist(false);
  }
}

package xlspark.spark.io;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.rdd.RDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.FileSourceOptions;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.execution.datasources.FilePartition;
import org.apache.spark.sql.execution.datasources.FileScanRDD;
import org.apache.spark.sql.execution.datasources.PartitionedFile;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.vectorized.ColumnarBatch;
import xlspark.spark.core.InternalRows;
import xlspark.spark.core.ScalaCollections;

/**
 * Spark's own file reader over byte ranges xlspark chooses. Spark plans a file read by packing splits by size,
 * which neither keeps a folder's name order nor cuts a CSV where its rows are known; this takes the reader of a
 * planned read ({@link FileScanRDD}: the format's parser, options and schema, as Spark would run them) and runs
 * it over other ranges of the same files. When the read is not a plain file scan it answers empty and the caller
 * keeps Spark's plan.
 */
public final class FileScans {
  private FileScans() {}

  /** A byte range of one file. */
  public record Range(String file, long start, long length) {}

  /** The planned file scan under {@code data}'s read, when the read is just that. */
  public static Optional<Planned> planned(Dataset<Row> data) {
    RDD<?> rdd = InternalRows.PLATFORM.rdd(data);
    while (true) {
      if (rdd instanceof FileScanRDD scan) {
        return sameColumns(scan.readSchema(), data.schema()) ? Optional.of(new Planned(scan)) : Optional.empty();
      }
      var deps = rdd.dependencies();
      if (deps.size() != 1 || !(deps.head() instanceof org.apache.spark.OneToOneDependency<?>)) {
        return Optional.empty();
      }
      rdd = deps.head().rdd();
    }
  }

  private static boolean sameColumns(StructType a, StructType b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      StructField x = a.fields()[i];
      StructField y = b.fields()[i];
      if (!x.name().equals(y.name()) || !x.dataType().equals(y.dataType())) {
        return false;
      }
    }
    return true;
  }

  /** A file read as Spark planned it. */
  public static final class Planned {
    private final FileScanRDD scan;

    private Planned(FileScanRDD scan) {
      this.scan = scan;
    }

    /** The ranges of each partition, in the order the scan reads them. */
    public List<List<Range>> ranges() {
      List<List<Range>> out = new ArrayList<>();
      for (FilePartition p : ScalaCollections.java(scan.filePartitions())) {
        List<Range> r = new ArrayList<>();
        for (PartitionedFile f : p.files()) {
          r.add(new Range(key(f), f.start(), f.length()));
        }
        out.add(r);
      }
      return out;
    }

    /**
     * The same reader over {@code partitions} (ranges of the scan's own files, named as {@link #key}), as rows;
     * empty when a range names a file the scan does not read.
     */
    public Optional<RDD<InternalRow>> reread(SparkSession spark, List<List<Range>> partitions,
                                             Map<String, String> options) {
      Map<String, PartitionedFile> files = new HashMap<>();
      for (FilePartition p : ScalaCollections.java(scan.filePartitions())) {
        for (PartitionedFile f : p.files()) {
          files.putIfAbsent(key(f), f);
        }
      }
      List<FilePartition> out = new ArrayList<>();
      for (List<Range> ranges : partitions) {
        PartitionedFile[] pieces = new PartitionedFile[ranges.size()];
        for (int i = 0; i < pieces.length; i++) {
          Range r = ranges.get(i);
          PartitionedFile f = files.get(r.file());
          if (f == null) {
            return Optional.empty();
          }
          pieces[i] = f.copy(f.partitionValues(), f.filePath(), r.start(), r.length(), f.locations(),
              f.modificationTime(), f.fileSize(), f.otherConstantMetadataColumnValues());
        }
        out.add(new FilePartition(out.size(), pieces));
      }
      FileScanRDD again = new FileScanRDD(spark,
          scan.org$apache$spark$sql$execution$datasources$FileScanRDD$$readFunction,
          ScalaCollections.list(out), scan.readSchema(), scan.metadataColumns(),
          scan.org$apache$spark$sql$execution$datasources$FileScanRDD$$metadataExtractors,
          new FileSourceOptions(ScalaCollections.map(options)));
      return Optional.of(asRows(again));
    }
  }

  /** A scan's output as rows: columnar readers (Parquet) hand out batches of rows. */
  @SuppressWarnings("unchecked")
  private static RDD<InternalRow> asRows(RDD<InternalRow> scan) {
    JavaRDD<Object> raw = ((RDD<Object>) (RDD<?>) scan).toJavaRDD();
    return raw.mapPartitions((Iterator<Object> it) -> new Iterator<InternalRow>() {
      private Iterator<InternalRow> batch = Collections.emptyIterator();
      private InternalRow single;

      @Override
      public boolean hasNext() {
        while (single == null && !batch.hasNext()) {
          if (!it.hasNext()) {
            return false;
          }
          Object o = it.next();
          if (o instanceof ColumnarBatch b) {
            batch = b.rowIterator();
          } else {
            single = (InternalRow) o;
          }
        }
        return true;
      }

      @Override
      public InternalRow next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        if (single != null) {
          InternalRow r = single;
          single = null;
          return r;
        }
        return batch.next();
      }
    }, true).rdd();
  }

  /** A file's name for matching: its path without scheme or authority. */
  public static String key(PartitionedFile f) {
    return key(f.filePath().toPath());
  }

  public static String key(Path p) {
    return p.toUri().getPath();
  }

  public static String key(String file) {
    return key(new Path(file));
  }
}

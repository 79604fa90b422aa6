package xlspark.spark.io;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.rdd.RDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.InternalRow;

/**
 * A CSV input that Spark reads line by line, cut by the driver's scan into byte ranges that start at line starts,
 * with the rows of each range counted: the partitions of the read are known before any Spark job runs.
 *
 * @param partitions the ranges of each partition, in row order
 * @param rows       rows per partition
 * @param options    the CSV read options
 * @param firstRows  the first rows as the driver parsed them (cells, or null for a malformed line), for auto's
 *                   timing sample only; may be fewer than asked or empty
 */
public record LineRanges(List<List<FileScans.Range>> partitions, long[] rows, Map<String, String> options,
                         List<String[]> firstRows) {

  /** The same ranges with the first rows the driver parsed. */
  LineRanges withFirstRows(List<String[]> first) {
    return new LineRanges(partitions, rows, options, first);
  }

  /** The rows of {@code data} (the same read, line by line) over these ranges; empty if Spark plans it otherwise. */
  public Optional<RDD<InternalRow>> read(SparkSession spark, Dataset<Row> data) {
    return FileScans.planned(data).flatMap(p -> p.reread(spark, partitions, options));
  }
}

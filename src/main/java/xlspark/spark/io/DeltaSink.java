package xlspark.spark.io;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.UUID;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.DataFrameWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import xlspark.spark.core.UsageException;

/**
 * Writes the results into a Delta Lake table by path, in one Delta commit: the data files are written first and
 * become part of the table only when the commit (one JSON file in {@code _delta_log}) is put, so a run that fails or
 * is killed at any point leaves the table at its previous version (its files stay unreferenced until a VACUUM).
 * The commit carries a tag of this run as its {@code userMetadata}, by which the version written is found even when
 * other writers commit at the same time.
 */
public final class DeltaSink {
  /** What to do with an existing table. */
  public enum Mode {
    /** the table must not exist (exit 2 otherwise) */
    CREATE,
    /** replace the whole table, schema and partitioning included */
    OVERWRITE,
    /** replace only the partitions present in this run's output (dynamic partition overwrite) */
    REPLACE_PARTITIONS,
    /** add the rows */
    APPEND;

    public String cliName() {
      return this == CREATE ? "create" : "--" + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  private final SparkSession spark;
  private final FileSystem fs;
  private final Path target;
  private final Mode mode;
  private final List<String> partitionBy;
  private final boolean exists;

  private DeltaSink(SparkSession spark, FileSystem fs, Path target, Mode mode, List<String> partitionBy,
                    boolean exists) {
    this.spark = spark;
    this.fs = fs;
    this.target = target;
    this.mode = mode;
    this.partitionBy = List.copyOf(partitionBy);
    this.exists = exists;
  }

  /**
   * Checks the output before any work: Delta is available, the path is a Delta table or nothing (or an empty
   * folder), an existing table is replaced or added to only when asked.
   */
  public static DeltaSink prepare(SparkSession spark, String output, Mode mode, List<String> partitionBy) {
    DeltaTables.require(spark, "delta output");
    if (mode == Mode.REPLACE_PARTITIONS && partitionBy.isEmpty()) {
      throw new UsageException("--replace-partitions needs --partition-by (the table's partition columns)");
    }
    try {
      Path target = new Path(output);
      FileSystem fs = target.getFileSystem(spark.sparkContext().hadoopConfiguration());
      target = fs.makeQualified(target);
      boolean table = DeltaTables.isTable(fs, target);
      if (!table && fs.exists(target) && !(fs.isDirectory(target) && fs.listStatus(target).length == 0)) {
        throw new UsageException("output exists and is not a Delta table (no " + DeltaTables.LOG + "): " + output);
      }
      if (table && mode == Mode.CREATE) {
        throw new UsageException("output exists: " + output + " is a Delta table (use --overwrite to replace it, "
            + "--replace-partitions to replace the partitions this run writes, or --append)");
      }
      return new DeltaSink(spark, fs, target, mode, partitionBy, table);
    } catch (IOException e) {
      throw new UsageException("cannot check output " + output + ": " + e.getMessage(), e);
    }
  }

  /**
   * Fails before the write (which is also the evaluation) when the rows cannot go into the existing table: a
   * partition column missing from the rows, or, when adding to a table, other columns or partitions than the table's.
   */
  public void check(StructType rows) {
    for (String c : partitionBy) {
      if (FormulaSource.column(rows, c).isEmpty()) {
        throw new UsageException("--partition-by " + c + ": no such column (columns: "
            + String.join(", ", rows.fieldNames()) + ")");
      }
    }
    if (!exists || mode == Mode.OVERWRITE) {
      return;
    }
    StructType table = spark.read().format("delta").load(target.toString()).schema();
    if (!sameColumns(table, rows)) {
      throw new UsageException(mode.cliName() + ": the rows' columns (" + describe(rows) + ") differ from the "
          + "table's (" + describe(table) + "); use --overwrite to replace the table");
    }
    List<String> tablePartitions = partitionColumns();
    List<String> asked = partitionBy.stream().map(c -> FormulaSource.column(rows, c).orElse(c)).toList();
    if (!asked.isEmpty() && !asked.equals(tablePartitions)) {
      throw new UsageException(mode.cliName() + ": --partition-by " + String.join(", ", asked)
          + " differs from the table's partition columns (" + String.join(", ", tablePartitions) + ")");
    }
  }

  /** Writes the rows in one commit and returns the table version it created. */
  public long write(Dataset<Row> rows) throws IOException {
    check(rows.schema());
    String tag = "xlspark run " + UUID.randomUUID();
    DataFrameWriter<Row> writer = rows.write().format("delta").option("userMetadata", tag);
    if (!partitionBy.isEmpty()) {
      writer = writer.partitionBy(partitionBy.stream()
          .map(c -> FormulaSource.column(rows.schema(), c).orElse(c)).toArray(String[]::new));
    }
    switch (mode) {
      case CREATE -> writer = writer.mode("errorifexists");
      case OVERWRITE -> writer = writer.mode("overwrite").option("overwriteSchema", "true");
      case REPLACE_PARTITIONS -> writer = writer.mode("overwrite").option("partitionOverwriteMode", "dynamic");
      case APPEND -> writer = writer.mode("append");
    }
    writer.save(target.toString());
    OptionalLong version = DeltaTables.versionTagged(fs, target, tag, 10_000);
    if (version.isEmpty()) {
      throw new IOException("the commit of this run (" + tag + ") is not in " + target + "/" + DeltaTables.LOG);
    }
    return version.getAsLong();
  }

  /** The existing table's partition columns, in order. */
  private List<String> partitionColumns() {
    Row detail = spark.sql("DESCRIBE DETAIL delta.`" + target.toString().replace("`", "``") + "`").first();
    List<Object> columns = detail.getList(detail.fieldIndex("partitionColumns"));
    return columns.stream().map(Object::toString).toList();
  }

  /** The same column names (as Spark resolves them, case-insensitively) and types, in any order. */
  static boolean sameColumns(StructType a, StructType b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (StructField f : a.fields()) {
      boolean found = Arrays.stream(b.fields())
          .anyMatch(g -> g.name().equalsIgnoreCase(f.name()) && g.dataType().equals(f.dataType()));
      if (!found) {
        return false;
      }
    }
    return true;
  }

  private static String describe(StructType s) {
    return String.join(", ", Arrays.stream(s.fields()).map(f -> f.name() + " " + f.dataType().simpleString())
        .toList());
  }
}

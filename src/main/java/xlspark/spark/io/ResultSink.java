package xlspark.spark.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.BinaryType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import xlspark.spark.core.InternalRows;
import xlspark.spark.core.ResultColumns;
import xlspark.spark.core.UsageException;

/**
 * Writes the results so that a failed run never leaves half-replaced or complete-looking partial output: the
 * data goes to a hidden temporary sibling of the output path, which is renamed into place only after the write
 * succeeded (the old output, with {@code --overwrite}, is moved aside first and deleted last). On HDFS and local
 * disks the renames are atomic; on object stores a rename is a copy, so readers should wait for
 * {@code _SUCCESS}.
 */
public final class ResultSink {
  private final SparkSession spark;
  private final OutputSpec output;
  private final Path target;
  private final FileSystem fs;
  private final DataFormat format;
  private final DeltaSink delta;
  private Long tableVersion;
  private final List<String> warnings = new ArrayList<>();

  private ResultSink(SparkSession spark, OutputSpec output, Path target, FileSystem fs, DataFormat format,
                     DeltaSink delta) {
    this.spark = spark;
    this.output = output;
    this.target = target;
    this.fs = fs;
    this.format = format;
    this.delta = delta;
  }

  /**
   * Checks the output before any work: it exists without {@code --overwrite}, or overlaps {@code input}.
   *
   * @param defaultFormat the format when neither the spec nor the path's extension names one
   */
  public static ResultSink prepare(SparkSession spark, OutputSpec output, String input, DataFormat defaultFormat) {
    try {
      Path target = new Path(output.path());
      FileSystem fs = target.getFileSystem(spark.sparkContext().hadoopConfiguration());
      target = fs.makeQualified(target);
      // an existing Delta table named without a format stays one (--overwrite must not turn it into files)
      DataFormat format = output.format() == null && DeltaTables.isTable(fs, target) ? DataFormat.DELTA
          : output.resolveFormat(defaultFormat);
      if (format != DataFormat.DELTA && (output.append() || output.replacePartitions())) {
        throw new UsageException("--append and --replace-partitions apply to delta output only, not "
            + format.cliName());
      }
      if (format != DataFormat.DELTA && fs.exists(target) && !output.overwrite()) {
        throw new UsageException("output exists: " + output.path() + " (use --overwrite to replace it)");
      }
      OutputPaths.requireApart("output", output.path(), "the input", input, spark.sparkContext().hadoopConfiguration());
      if (format == DataFormat.DELTA) {
        if (output.singleFile()) {
          throw new UsageException("a Delta table is a folder: drop --single-file");
        }
        DeltaSink.Mode mode = output.overwrite() ? DeltaSink.Mode.OVERWRITE
            : output.append() ? DeltaSink.Mode.APPEND
            : output.replacePartitions() ? DeltaSink.Mode.REPLACE_PARTITIONS : DeltaSink.Mode.CREATE;
        return new ResultSink(spark, output, target, fs, format,
            DeltaSink.prepare(spark, output.path(), mode, output.partitionBy()));
      }
      if (output.csvEscapeFormulas() && format != DataFormat.CSV) {
        throw new UsageException("--csv-escape-formulas applies to csv output only, not " + format.cliName());
      }
      if (!output.partitionBy().isEmpty() && format == DataFormat.XLSX) {
        throw new UsageException("xlsx output cannot be partitioned");
      }
      return new ResultSink(spark, output, target, fs, format, null);
    } catch (IOException e) {
      throw new UsageException("cannot check output " + output.path() + ": " + e.getMessage(), e);
    }
  }

  public DataFormat format() {
    return format;
  }

  /** The Delta table version the write committed; null before it or for files. */
  public Long tableVersion() {
    return tableVersion;
  }

  /** What the user should know about the rows written (xlsx text cut to what a cell holds). */
  public List<String> warnings() {
    return List.copyOf(warnings);
  }

  /** Fails before evaluation when the output cannot hold {@code rows} rows (single-file xlsx). */
  public void checkCapacity(long rows) {
    if (format == DataFormat.XLSX && output.singleFile() && rows > XlsxWriter.MAX_ROWS) {
      throw new UsageException(rows + " rows do not fit one .xlsx sheet (" + XlsxWriter.MAX_ROWS
          + "); drop --single-file to get several part files, or use another --output-format");
    }
  }

  /**
   * Writes {@code results} (in order) and moves them into place. Evaluation stays parallel whatever the output:
   * each partition is evaluated and written by its own task; {@code --single-file} then concatenates the CSV or
   * JSON part files in order on the driver (CSV headers after the first dropped), or, for Parquet, writes the
   * rows kept from that parallel pass in one task. xlsx rows are evaluated in parallel and kept, then written in
   * order by the driver.
   */
  public void write(Dataset<Row> results) throws IOException {
    if (delta != null) {
      tableVersion = delta.write(results);
      return;
    }
    Path temp = new Path(target.getParent(), "." + target.getName() + ".xlspark-tmp-" + UUID.randomUUID());
    JavaRDD<InternalRow> kept = null;
    try {
      Dataset<Row> data = format == DataFormat.CSV || format == DataFormat.XLSX ? nestedAsJson(results) : results;
      data = output.csvEscapeFormulas() ? escapeFormulas(data) : data;
      boolean several = InternalRows.PLATFORM.rdd(data).getNumPartitions() > 1;
      if (several && (format == DataFormat.XLSX || output.singleFile() && !mergeable(data.schema()))) {
        kept = InternalRows.PLATFORM.rdd(data).toJavaRDD().map(InternalRow::copy)
            .persist(StorageLevel.MEMORY_AND_DISK());
        kept.count();
        data = InternalRows.PLATFORM.dataFrame(spark, RowRangeRDD.all(kept.rdd()), data.schema());
      }
      Path produced;
      if (format == DataFormat.XLSX) {
        writeXlsx(data, temp);
        produced = output.singleFile() ? singlePart(temp) : temp;
      } else {
        writeSpark(data, temp);
        produced = !output.singleFile() ? temp : several && kept == null ? merge(temp) : singlePart(temp);
      }
      replace(produced);
    } finally {
      if (kept != null) {
        kept.unpersist(false);
      }
      if (fs.exists(temp)) {
        fs.delete(temp, true);
      }
    }
  }

  /**
   * Whether part files concatenate into one file of this format: JSON lines always; CSV when each part's header
   * is its first line (no line break in a column name) in an encoding where lines end with byte 10, uncompressed.
   */
  private boolean mergeable(StructType schema) {
    Map<String, String> o = csvWriteOptions(output.csvOptions());
    return switch (format) {
      case JSON -> true;
      case PARQUET, XLSX, DELTA -> false;
      case CSV -> {
        String compression = option(o, "compression").or(() -> option(o, "codec")).orElse("none");
        String encoding = option(o, "encoding").or(() -> option(o, "charset")).orElse("UTF-8");
        boolean plainNames = java.util.Arrays.stream(schema.fieldNames())
            .noneMatch(n -> n.indexOf('\n') >= 0 || n.indexOf('\r') >= 0);
        yield (compression.equalsIgnoreCase("none") || compression.equalsIgnoreCase("uncompressed"))
            && option(o, "lineSep").map("\n"::equals).orElse(true) && plainNames && asciiLines(encoding);
      }
    };
  }

  private static boolean asciiLines(String encoding) {
    try {
      String name = java.nio.charset.Charset.forName(encoding.trim()).name();
      return name.equals("UTF-8") || name.equals("US-ASCII") || name.startsWith("ISO-8859-")
          || name.startsWith("windows-125");
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static java.util.Optional<String> option(Map<String, String> options, String key) {
    String found = null;
    for (Map.Entry<String, String> e : options.entrySet()) {
      if (e.getKey().equalsIgnoreCase(key)) {
        found = e.getValue();
      }
    }
    return java.util.Optional.ofNullable(found);
  }

  /** Concatenates the part files of {@code folder} in partition order into one file; CSV headers after the first go. */
  private Path merge(Path folder) throws IOException {
    boolean header = format == DataFormat.CSV
        && !"false".equalsIgnoreCase(option(csvWriteOptions(output.csvOptions()), "header").orElse("true").trim());
    List<FileStatus> parts = new ArrayList<>();
    for (FileStatus s : fs.listStatus(folder)) {
      if (s.isFile() && s.getPath().getName().startsWith("part-")) {
        parts.add(s);
      }
    }
    parts.sort(Comparator.comparing((FileStatus s) -> partOrder(s.getPath().getName())));
    if (parts.isEmpty()) {
      throw new IOException("no part file written in " + folder);
    }
    Path merged = new Path(folder, "merged-" + parts.get(0).getPath().getName());
    try (OutputStream out = fs.create(merged, true)) {
      boolean first = true;
      for (FileStatus part : parts) {
        try (InputStream in = fs.open(part.getPath())) {
          if (header && !first) {
            for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
              // the header line of every part after the first
            }
          }
          in.transferTo(out);
        }
        first = false;
      }
    }
    return merged;
  }

  /** Sort key of Spark's part file names ({@code part-00012-<uuid>-c001.csv}): partition, then file number. */
  static String partOrder(String name) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("part-(\\d+)(?:-.*?-c(\\d+))?(?:\\..*)?").matcher(name);
    if (!m.matches()) {
      return name;
    }
    return String.format("%012d-%012d", Long.parseLong(m.group(1)), m.group(2) == null ? 0 : Long.parseLong(m.group(2)));
  }

  private void writeSpark(Dataset<Row> data, Path folder) {
    var writer = data.write();
    if (!output.partitionBy().isEmpty()) {
      writer = writer.partitionBy(output.partitionBy().toArray(String[]::new));
    }
    switch (format) {
      case CSV -> writer.options(csvWriteOptions(output.csvOptions())).csv(folder.toString());
      case JSON -> writer.option("ignoreNullFields", "false").json(folder.toString());
      case PARQUET -> writer.parquet(folder.toString());
      case XLSX -> throw new IllegalStateException("xlsx is written with POI");
      case DELTA -> throw new IllegalStateException("a Delta table is not written as files");
    }
  }

  static Map<String, String> csvWriteOptions(Map<String, String> user) {
    Map<String, String> o = new LinkedHashMap<>();
    o.put("header", "true");
    o.put("escape", "\"");
    // Spark's CSV writer trims leading and trailing white space (and control characters) by default
    o.put("ignoreLeadingWhiteSpace", "false");
    o.put("ignoreTrailingWhiteSpace", "false");
    o.putAll(user);
    return o;
  }

  /** Streams the rows to the driver and writes parts of at most one sheet each (one file with --single-file). */
  private void writeXlsx(Dataset<Row> data, Path folder) throws IOException {
    fs.mkdirs(folder);
    // in order, one partition at a time; the rows were evaluated in parallel and kept before (see write)
    Iterator<Row> rows = data.toLocalIterator();
    int part = 0;
    long cut = 0;
    String firstCut = null;
    do {
      Path file = new Path(folder, String.format("part-%05d.xlsx", part++));
      try (OutputStream out = fs.create(file, true)) {
        XlsxWriter.Written w = XlsxWriter.write(data.schema(), rows, output.sheetName(), out);
        cut += w.cutCells();
        firstCut = firstCut == null && w.firstCut() != null ? "part " + (part - 1) + " " + w.firstCut() : firstCut;
      }
    } while (rows.hasNext());
    if (cut > 0) {
      warnings.add(String.format(java.util.Locale.ROOT, "xlsx output: %d text cells longer than the %,d characters "
          + "a cell holds were cut to fit (first: %s); use csv, json or parquet output to keep them whole",
          cut, XlsxWriter.MAX_TEXT, firstCut));
    }
    fs.create(new Path(folder, "_SUCCESS"), true).close();
  }

  private Path singlePart(Path folder) throws IOException {
    Path found = null;
    for (FileStatus s : fs.listStatus(folder)) {
      if (s.isFile() && s.getPath().getName().startsWith("part-")) {
        if (found != null) {
          throw new IOException("expected one part file in " + folder);
        }
        found = s.getPath();
      }
    }
    if (found == null) {
      throw new IOException("no part file written in " + folder);
    }
    return found;
  }

  /** Moves {@code produced} to the target, replacing old output only once the new one is complete. */
  private void replace(Path produced) throws IOException {
    Path old = null;
    if (fs.exists(target)) {
      old = new Path(target.getParent(), "." + target.getName() + ".xlspark-old-" + UUID.randomUUID());
      if (!fs.rename(target, old)) {
        throw new IOException("cannot move the old output " + target + " aside");
      }
    }
    if (!fs.rename(produced, target)) {
      if (old != null) {
        fs.rename(old, target);
      }
      throw new IOException("cannot move the results to " + target);
    }
    if (old != null) {
      fs.delete(old, true);
    }
  }

  /**
   * Formats of flat cells (CSV, xlsx) get nested values (a JSON object or array passed through from JSON or Parquet
   * input: structs, arrays, maps) as their JSON text, and binary values as Base64, instead of a failed job.
   */
  static Dataset<Row> nestedAsJson(Dataset<Row> data) {
    StructField[] fields = data.schema().fields();
    boolean any = false;
    Column[] cols = new Column[fields.length];
    for (int i = 0; i < fields.length; i++) {
      Column c = ResultColumns.column(fields[i].name());
      DataType t = fields[i].dataType();
      if (t instanceof StructType || t instanceof ArrayType || t instanceof MapType) {
        c = functions.to_json(c).as(fields[i].name());
        any = true;
      } else if (t instanceof BinaryType) {
        c = functions.base64(c).as(fields[i].name());
        any = true;
      }
      cols[i] = c;
    }
    return any ? data.select(cols) : data;
  }

  /**
   * {@code --csv-escape-formulas}: every text cell and every column name through {@link FormulaEscape}, the last
   * step before the writer, so that the rule sees exactly what the file holds (the writer keeps white space).
   */
  static Dataset<Row> escapeFormulas(Dataset<Row> data) {
    UserDefinedFunction escape = functions.udf((UDF1<String, String>) FormulaEscape::escape, DataTypes.StringType);
    StructField[] fields = data.schema().fields();
    Column[] cols = new Column[fields.length];
    for (int i = 0; i < fields.length; i++) {
      Column c = ResultColumns.column(fields[i].name());
      if (fields[i].dataType().equals(DataTypes.StringType)) {
        c = escape.apply(c);
      }
      cols[i] = c.as(FormulaEscape.escape(fields[i].name()));
    }
    return data.select(cols);
  }
}

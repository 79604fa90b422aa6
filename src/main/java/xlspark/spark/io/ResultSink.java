package xlspark.spark.io;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import xlspark.spark.JobConfig;
import xlspark.spark.UsageException;

/**
 * Writes the results so that a failed run never leaves half-replaced or complete-looking partial output: the
 * data goes to a hidden temporary sibling of the output path, which is renamed into place only after the write
 * succeeded (the old output, with {@code --overwrite}, is moved aside first and deleted last). On HDFS and local
 * disks the renames are atomic; on object stores a rename is a copy, so readers should wait for
 * {@code _SUCCESS}.
 */
public final class ResultSink {
  private final SparkSession spark;
  private final JobConfig config;
  private final Path target;
  private final FileSystem fs;
  private final DataFormat format;

  private ResultSink(SparkSession spark, JobConfig config, Path target, FileSystem fs, DataFormat format) {
    this.spark = spark;
    this.config = config;
    this.target = target;
    this.fs = fs;
    this.format = format;
  }

  /** Checks the output path before any work: exists without {@code --overwrite}, or would replace the input. */
  public static ResultSink prepare(SparkSession spark, JobConfig config, DataFormat inputFormat) {
    try {
      Path target = new Path(config.output());
      FileSystem fs = target.getFileSystem(spark.sparkContext().hadoopConfiguration());
      target = fs.makeQualified(target);
      if (fs.exists(target) && !config.overwrite()) {
        throw new UsageException("output exists: " + config.output() + " (use --overwrite to replace it)");
      }
      Path input = fs.makeQualified(new Path(config.input()));
      if (isSameOrInside(input, target) || isSameOrInside(target, input)) {
        throw new UsageException("output " + config.output() + " overlaps the input " + config.input());
      }
      DataFormat format = config.outputFormat() != null ? config.outputFormat()
          : DataFormat.fromFileName(target.getName()).orElse(inputFormat);
      if (config.csvEscapeFormulas() && format != DataFormat.CSV) {
        throw new UsageException("--csv-escape-formulas applies to csv output only, not " + format.cliName());
      }
      return new ResultSink(spark, config, target, fs, format);
    } catch (IOException e) {
      throw new UsageException("cannot check output " + config.output() + ": " + e.getMessage(), e);
    }
  }

  private static boolean isSameOrInside(Path inner, Path outer) {
    String i = inner.toUri().getPath() + "/";
    String o = outer.toUri().getPath() + "/";
    return i.startsWith(o);
  }

  public DataFormat format() {
    return format;
  }

  /** Fails before evaluation when the output cannot hold {@code rows} rows (single-file xlsx). */
  public void checkCapacity(long rows) {
    if (format == DataFormat.XLSX && config.singleFile() && rows > XlsxWriter.MAX_ROWS) {
      throw new UsageException(rows + " rows do not fit one .xlsx sheet (" + XlsxWriter.MAX_ROWS
          + "); drop --single-file to get several part files, or use another --output-format");
    }
  }

  /** Writes {@code results} (in order) and moves them into place. */
  public void write(Dataset<Row> results) throws IOException {
    Path temp = new Path(target.getParent(), "." + target.getName() + ".xlspark-tmp-" + UUID.randomUUID());
    try {
      Dataset<Row> data = config.csvEscapeFormulas() ? escapeFormulas(results) : results;
      if (format == DataFormat.XLSX) {
        writeXlsx(data, temp);
      } else {
        writeSpark(config.singleFile() ? data.coalesce(1) : data, temp);
      }
      Path produced = temp;
      if (config.singleFile()) {
        produced = singlePart(temp);
      }
      replace(produced);
    } finally {
      if (fs.exists(temp)) {
        fs.delete(temp, true);
      }
    }
  }

  private void writeSpark(Dataset<Row> data, Path folder) {
    var writer = data.write();
    switch (format) {
      case CSV -> writer.options(csvWriteOptions(config.csvOptions())).csv(folder.toString());
      case JSON -> writer.option("ignoreNullFields", "false").json(folder.toString());
      case PARQUET -> writer.parquet(folder.toString());
      case XLSX -> throw new IllegalStateException("xlsx is written with POI");
    }
  }

  static Map<String, String> csvWriteOptions(Map<String, String> user) {
    Map<String, String> o = new LinkedHashMap<>();
    o.put("header", "true");
    o.put("escape", "\"");
    o.putAll(user);
    return o;
  }

  /** Streams the rows to the driver and writes parts of at most one sheet each (one file with --single-file). */
  private void writeXlsx(Dataset<Row> data, Path folder) throws IOException {
    fs.mkdirs(folder);
    Iterator<Row> rows = data.toLocalIterator();
    int part = 0;
    do {
      Path file = new Path(folder, String.format("part-%05d.xlsx", part++));
      try (OutputStream out = fs.create(file, true)) {
        XlsxWriter.write(data.schema(), rows, config.sheet() == null ? "results" : config.sheet(), out);
      }
    } while (rows.hasNext());
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
   * The OWASP rule against CSV injection: text cells starting with {@code = + - @}, tab or carriage return get
   * a leading {@code '}. Cells that are numbers ({@code -5}, {@code +1e3}) are data a spreadsheet reads as
   * numbers, not formulas, and stay as they are.
   */
  static Dataset<Row> escapeFormulas(Dataset<Row> data) {
    Column[] cols = new Column[data.schema().size()];
    StructField[] fields = data.schema().fields();
    for (int i = 0; i < fields.length; i++) {
      Column c = functions.col("`" + fields[i].name().replace("`", "``") + "`");
      if (fields[i].dataType().equals(DataTypes.StringType)) {
        Column risky = c.rlike("^[=+\\-@\\t\\r]")
            .and(functions.not(c.rlike("^[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?%?$")));
        c = functions.when(risky, functions.concat(functions.lit("'"), c)).otherwise(c).as(fields[i].name());
      }
      cols[i] = c;
    }
    return data.select(cols);
  }
}

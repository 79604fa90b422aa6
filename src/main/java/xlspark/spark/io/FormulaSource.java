package xlspark.spark.io;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import xlspark.formula.Names;
import xlspark.spark.core.ResultColumns;
import xlspark.spark.core.RowEvaluator;
import xlspark.spark.core.UsageException;

/**
 * Reads the expressions table in any supported format, with explicit schemas where the format has none, and
 * finds file-level problems (missing path, wrong format, no {@code expression} column) before any evaluation.
 */
public final class FormulaSource {
  public static final String EXPRESSION = "expression";
  public static final String ID = "id";
  /** Spark's reader option naming the column that holds a malformed line's raw text. */
  static final String CORRUPT_OPTION = "columnNameOfCorruptRecord";
  /** Rows auto mode times to choose a mode. */
  public static final int SAMPLE_ROWS = 64;

  private FormulaSource() {}

  /**
   * The CSV reader's {@code nullValue}: Spark reads an unquoted empty field as its null value and a quoted one
   * ({@code ""}) as its empty value, then turns whatever equals the null value into null; with both "" (Spark's
   * defaults) an empty text became a blank. A text no file holds keeps them apart: nothing is a blank, {@code ""}
   * the empty text, as the CSV writer writes them.
   */
  static final String NO_VALUE = "\u0000xlspark:no value\u0000";

  /**
   * xlspark's CSV defaults: Excel-style quoting, quoted line breaks, malformed lines kept, "" kept apart from nothing.
   *
   * @throws UsageException when the user's options name the malformed-line column: it is xlspark's own, named apart
   *                        from the input's columns (a malformed line becomes an ERROR row with its text)
   */
  public static Map<String, String> csvReadOptions(Map<String, String> user) {
    for (String k : user.keySet()) {
      if (k.equalsIgnoreCase(CORRUPT_OPTION)) {
        throw new UsageException("--csv-option " + k + " cannot be set: xlspark keeps a malformed line's text in a "
            + "column of its own, named apart from the input's, and makes the line an ERROR row with that text");
      }
    }
    Map<String, String> o = new LinkedHashMap<>();
    o.put("header", "true");
    o.put("escape", "\"");
    o.put("multiLine", "true");
    o.put("mode", "PERMISSIVE");
    o.put(CORRUPT_OPTION, ResultColumns.CORRUPT_RECORD);
    o.put("nullValue", NO_VALUE);
    o.putAll(user);
    return o;
  }

  /**
   * Reads the input lazily and checks it.
   *
   * @param partitions  how many partitions the job wants to read (a CSV read line by line is cut into that many)
   * @param sampleFirst read a line-by-line CSV's first rows now, for auto mode's timed sample
   */
  public static SourceTable read(SparkSession spark, InputSpec input, boolean sampleFirst, int partitions) {
    boolean delta = input.format() == DataFormat.DELTA
        || input.format() == null && DeltaTables.isTable(spark, input.path());
    if (!delta && input.timeTravel()) {
      throw new UsageException("--version-as-of and --timestamp-as-of apply to delta input only");
    }
    if (delta) {
      return readDelta(spark, input);
    }
    List<String> files = dataFiles(spark, input.path());
    DataFormat format = input.formatOption().orElseGet(() -> inferFormat(input.path(), files));
    Read data;
    CsvReadPlan.Plan csv = null;
    try {
      if (format == DataFormat.CSV) {
        Map<String, String> options = csvReadOptions(input.csvOptions());
        CsvPreflight.check(spark, files, options);
        csv = CsvReadPlan.decide(spark, files, options, input.csvOptions(), partitions);
        options.keySet().removeIf(k -> k.equalsIgnoreCase("multiLine"));
        options.put("multiLine", String.valueOf(csv.multiLine()));
        data = readCsv(spark, files, options);
      } else {
        data = switch (format) {
          case JSON -> JsonLines.read(spark, files);
          case PARQUET -> new Read(spark.read().parquet(files.toArray(String[]::new)), null);
          case XLSX -> new Read(readXlsx(spark, files, input.sheet()), null);
          case CSV, DELTA -> throw new IllegalStateException();
        };
      }
    } catch (UsageException e) {
      throw e;
    } catch (Exception e) {
      throw new UsageException("cannot read " + input.path() + " as " + format.cliName() + ": "
          + firstLine(rootCause(e)), e);
    }
    return checked(spark, input, format, data.data(), data.corruptColumn(), files, csv == null ? null : csv.lines(),
        csv == null ? null : "csv " + csv.note(), sampleFirst);
  }

  /**
   * A Delta table (a folder with {@code _delta_log}, also found without {@code --input-format}): the files of
   * the version read, never the folder's other Parquet files (removed rows of older versions). Its rows come in
   * the order Spark reads that version's files; rows without an {@code id} column are numbered in that order.
   */
  private static SourceTable readDelta(SparkSession spark, InputSpec input) {
    Path path = new Path(input.path());
    Dataset<Row> data;
    String version;
    try {
      FileSystem fs = path.getFileSystem(spark.sparkContext().hadoopConfiguration());
      if (!fs.exists(path)) {
        throw new UsageException("input not found: " + input.path());
      }
      if (!DeltaTables.isTable(fs, path)) {
        throw new UsageException("not a Delta table (no " + DeltaTables.LOG + " folder): " + input.path());
      }
      data = DeltaTables.read(spark, input.path(), input.versionAsOf(), input.timestampAsOf());
      version = input.versionAsOf() != null ? "version " + input.versionAsOf()
          : input.timestampAsOf() != null ? "as of " + input.timestampAsOf()
          : "version " + DeltaTables.latestVersion(fs, path).orElse(-1) + " (the newest)";
    } catch (UsageException e) {
      throw e;
    } catch (Exception e) {
      throw new UsageException("cannot read " + input.path() + " as delta: " + firstLine(rootCause(e)), e);
    }
    return checked(spark, input, DataFormat.DELTA, data, null, List.of(input.path()), null,
        "delta table " + version, false);
  }

  /**
   * Checks the columns of a loaded input and names its expression and id columns.
   *
   * @param corrupt the reader's malformed-line column, or null
   * @param lines a CSV read line by line: its ranges; else null
   * @param note  how it is read, for the report; null: the format and the number of files
   */
  private static SourceTable checked(SparkSession spark, InputSpec input, DataFormat format, Dataset<Row> data,
                                     String corrupt, List<String> files, LineRanges lines, String note,
                                     boolean sampleFirst) {
    StructType schema = data.schema();
    List<String> visible = Arrays.stream(schema.fieldNames()).filter(n -> !n.equals(corrupt)).toList();
    if (format == DataFormat.JSON && visible.isEmpty() && !data.isEmpty()) {
      throw new UsageException("cannot read " + input.path() + " as json: no line is a JSON object");
    }
    if (visible.isEmpty()) {
      throw new UsageException("no columns in " + input.path() + ": the file or sheet is empty (an xlsx sheet "
          + "with a header and no rows reads as empty)");
    }
    RowEvaluator.checkNames(schema, corrupt);
    String expression = column(schema, EXPRESSION).orElseThrow(() -> new UsageException(
        "no '" + EXPRESSION + "' column in " + input.path() + " (columns: " + String.join(", ", visible) + ")"));
    String id = column(schema, ID).orElse(null);
    if (note == null) {
      note = format.cliName() + ", " + files.size() + " file" + (files.size() == 1 ? "" : "s");
    }
    if (lines != null && sampleFirst) {
      lines = lines.withFirstRows(CsvHeader.firstRows(spark, files.get(0), lines.options(),
          schema.size() - 1, SAMPLE_ROWS));
    }
    return new SourceTable(data, expression, corrupt, id, format, format == DataFormat.CSV, files, lines, note);
  }

  /** The exact name of a column, matched without regard to case ({@link Names#fold}, as formulas name columns). */
  public static Optional<String> column(StructType schema, String name) {
    return Arrays.stream(schema.fieldNames()).filter(n -> Names.same(n, name)).findFirst();
  }

  /**
   * A reader's rows and the name of its malformed-line column (null: none).
   */
  record Read(Dataset<Row> data, String corruptColumn) {}

  /** @param options the read options; its malformed-line column is set here, named apart from the header's */
  private static Read readCsv(SparkSession spark, List<String> files, Map<String, String> options) {
    String[] paths = files.toArray(String[]::new);
    // Header only (every column text): cells are typed per cell later, the way Excel types entered text.
    boolean multiLine = "true".equalsIgnoreCase(options.getOrDefault("multiLine", "false"));
    StructType header = CsvHeader.read(spark, files, options, multiLine).orElseGet(() ->
        spark.read().options(options).option("inferSchema", "false").csv(paths).schema());
    String corrupt = ResultColumns.internalName(ResultColumns.CORRUPT_RECORD, header.fieldNames());
    options.put(CORRUPT_OPTION, corrupt);
    List<StructField> fields = new ArrayList<>(Arrays.asList(header.fields()));
    fields.add(DataTypes.createStructField(corrupt, DataTypes.StringType, true));
    return new Read(spark.read().options(options).schema(DataTypes.createStructType(fields)).csv(paths), corrupt);
  }

  /** The spark-excel build named when it is missing (the version the default and Spark 4 job jars bundle). */
  public static final String SPARK_EXCEL_VERSION = "3.5.0_0.20.3";
  private static final String SPARK_EXCEL_SOURCE = "com.crealytics.spark.excel.DefaultSource";

  /**
   * Fails with one line naming the {@code --packages} option when spark-excel is not on the classpath: the
   * Scala 2.12 job jar does not bundle it, the cluster supplies it.
   */
  static void requireSparkExcel() {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    try {
      Class.forName(SPARK_EXCEL_SOURCE, false, loader == null ? FormulaSource.class.getClassLoader() : loader);
    } catch (ClassNotFoundException | LinkageError e) {
      String scalaBinary = scala.util.Properties.versionNumberString().replaceAll("^(\\d+\\.\\d+).*", "$1");
      throw new UsageException("xlsx input needs spark-excel, which this job jar does not bundle: submit with "
          + "--packages com.crealytics:spark-excel_" + scalaBinary + ":" + SPARK_EXCEL_VERSION
          + " (or its jar with --jars)");
    }
  }

  private static Dataset<Row> readXlsx(SparkSession spark, List<String> files, String sheet) {
    requireSparkExcel();
    Dataset<Row> all = null;
    for (String file : files) {
      var reader = spark.read().format("com.crealytics.spark.excel")
          .option("header", "true")
          .option("inferSchema", "true")
          .option("treatEmptyValuesAsNulls", "true")
          // the streaming reader: a workbook of 100k rows does not have to fit in memory as a POI object tree
          .option("maxRowsInMemory", "1000");
      if (sheet != null) {
        reader = reader.option("dataAddress", "'" + sheet.replace("'", "''") + "'!A1");
      }
      Dataset<Row> one = reader.load(file);
      all = all == null ? one : all.unionByName(one, true);
    }
    return all;
  }

  /**
   * The bytes of the input's data files, or -1 when not known up front (a Delta table, a path that cannot be
   * listed: the read reports that itself).
   */
  public static long dataBytes(SparkSession spark, InputSpec input) {
    if (input.format() == DataFormat.DELTA) {
      return -1;
    }
    try {
      long total = 0;
      for (String f : dataFiles(spark, input.path())) {
        Path p = new Path(f);
        total += p.getFileSystem(spark.sparkContext().hadoopConfiguration()).getFileStatus(p).getLen();
      }
      return total;
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /** The input's data files in name order; a folder's hidden ({@code .}) and marker ({@code _}) files skipped. */
  public static List<String> dataFiles(SparkSession spark, String input) {
    try {
      Path path = new Path(input);
      FileSystem fs = path.getFileSystem(spark.sparkContext().hadoopConfiguration());
      if (!fs.exists(path)) {
        throw new UsageException("input not found: " + input);
      }
      FileStatus status = fs.getFileStatus(path);
      if (status.isFile()) {
        return List.of(status.getPath().toString());
      }
      List<String> files = Arrays.stream(fs.listStatus(path))
          .filter(FileStatus::isFile)
          .map(s -> s.getPath())
          .filter(p -> !p.getName().startsWith(".") && !p.getName().startsWith("_"))
          .sorted((a, b) -> a.getName().compareTo(b.getName()))
          .map(Path::toString)
          .toList();
      if (files.isEmpty()) {
        throw new UsageException("input folder has no data files: " + input);
      }
      return files;
    } catch (IOException e) {
      throw new UsageException("cannot list input " + input + ": " + firstLine(e), e);
    }
  }

  static DataFormat inferFormat(String input, List<String> files) {
    Optional<DataFormat> own = DataFormat.fromFileName(new Path(input).getName());
    if (own.isPresent()) {
      return own.get();
    }
    List<DataFormat> found = files.stream().map(f -> DataFormat.fromFileName(new Path(f).getName()))
        .flatMap(Optional::stream).distinct().toList();
    if (found.size() == 1) {
      return found.get(0);
    }
    throw new UsageException("cannot infer the input format of " + input + "; use --input-format csv|json|parquet|xlsx");
  }

  /** The deepest cause: Spark wraps a reader's own message ("not a Parquet file") in several job failures. */
  static Throwable rootCause(Throwable e) {
    Throwable c = e;
    while (c.getCause() != null && c.getCause() != c) {
      c = c.getCause();
    }
    return c;
  }

  static String firstLine(Throwable e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    int nl = m.indexOf('\n');
    return (nl >= 0 ? m.substring(0, nl) : m).strip();
  }

  static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}

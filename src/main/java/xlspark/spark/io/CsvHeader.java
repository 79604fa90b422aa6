package xlspark.spark.io;

import com.univocity.parsers.csv.CsvParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.util.LineReader;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.csv.CSVOptions;
import org.apache.spark.sql.catalyst.csv.UnivocityParser;
import org.apache.spark.sql.execution.datasources.CodecStreams;
import org.apache.spark.sql.execution.datasources.csv.CSVUtils;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import xlspark.spark.core.ResultColumns;
import xlspark.spark.core.ScalaCollections;

/**
 * The column names of a CSV input, read on the driver with Spark's own parser and naming rules (its
 * {@code CSVOptions}, univocity settings and {@code makeSafeHeader}: empty names become {@code _c<i>}), instead of
 * Spark's schema inference, which runs a Spark job (and Scala reflection, a second or more in a fresh JVM) to read
 * one line. The first record of the first file, in name order, that has one: for a line-by-line read the first
 * non-blank line (as Spark's line reader sees it, byte order mark dropped), for a {@code multiLine} read the first
 * record of the stream. Empty when anything goes wrong: the caller then asks Spark.
 */
final class CsvHeader {
  private static final Logger LOG = LogManager.getLogger(CsvHeader.class);

  private CsvHeader() {}

  static Optional<StructType> read(SparkSession spark, List<String> files, Map<String, String> options,
                                   boolean multiLine) {
    try {
      CSVOptions csv = new CSVOptions(ScalaCollections.map(options), true, spark.conf().get("spark.sql.session.timeZone"));
      Configuration conf = spark.sparkContext().hadoopConfiguration();
      boolean caseSensitive = Boolean.parseBoolean(spark.conf().get("spark.sql.caseSensitive", "false"));
      for (String file : files) {
        Optional<String[]> first = multiLine ? firstRecord(conf, file, csv) : firstLine(conf, file, csv);
        if (first.isPresent()) {
          String[] names = unnamedApart(first.get(), CSVUtils.makeSafeHeader(first.get(), caseSensitive, csv),
              csv.nullValue());
          List<StructField> fields = new ArrayList<>();
          for (String n : names) {
            fields.add(DataTypes.createStructField(n, DataTypes.StringType, true));
          }
          return Optional.of(DataTypes.createStructType(fields));
        }
      }
      return Optional.of(new StructType());
    } catch (IOException | RuntimeException | LinkageError e) {
      LOG.info("reading the CSV header on the driver failed ({}); Spark infers it", e.toString());
      return Optional.empty();
    }
  }

  /**
   * Spark names an unnamed column {@code _c<i>} (its position), which a user's column may already be called: the
   * unnamed one steps aside ({@link ResultColumns#internalName}), so {@code expression,,_c1} keeps the user's
   * {@code _c1} (Spark's two {@code _c1} failed the read).
   *
   * @param raw   the header's cells as parsed
   * @param names Spark's names for them
   */
  static String[] unnamedApart(String[] raw, String[] names, String nullValue) {
    String[] out = names.clone();
    for (int i = 0; i < out.length && i < raw.length; i++) {
      if (raw[i] == null || raw[i].isEmpty() || raw[i].equals(nullValue)) {
        List<String> others = new ArrayList<>(Arrays.asList(out));
        others.remove(i);
        out[i] = ResultColumns.internalName(out[i], others.toArray(String[]::new));
      }
    }
    return out;
  }

  /** The first non-blank, non-comment line, parsed: what Spark's line-based schema inference takes. */
  private static Optional<String[]> firstLine(Configuration conf, String file, CSVOptions csv) throws IOException {
    Charset charset = Charset.forName(csv.charset());
    try (InputStream in = CodecStreams.createInputStreamWithCloseResource(conf, new Path(file))) {
      LineReader lines = new LineReader(in);
      Text line = new Text();
      boolean first = true;
      while (lines.readLine(line) > 0) {
        byte[] bytes = Arrays.copyOf(line.getBytes(), line.getLength());
        if (first && bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
            && (bytes[2] & 0xFF) == 0xBF) {
          bytes = Arrays.copyOfRange(bytes, 3, bytes.length);
        }
        first = false;
        String text = new String(bytes, charset);
        if (!text.trim().isEmpty() && !(csv.isCommentSet() && text.startsWith(String.valueOf(csv.comment())))) {
          return Optional.ofNullable(new CsvParser(csv.asParserSettings()).parseLine(text));
        }
      }
      return Optional.empty();
    }
  }

  /**
   * The first {@code n} data lines of the first file (the header and blank lines skipped), parsed with Spark's
   * settings: cells in order, or null for a line that does not have {@code columns} of them (Spark makes it a
   * malformed row). Only for a line-by-line read, where a line is a record. Auto mode times these rows to choose
   * a mode; they never reach the output. Empty when anything goes wrong.
   */
  static List<String[]> firstRows(SparkSession spark, String file, Map<String, String> options, int columns,
                                  int n) {
    List<String[]> rows = new ArrayList<>();
    try {
      CSVOptions csv = new CSVOptions(ScalaCollections.map(options), true,
          spark.conf().get("spark.sql.session.timeZone"));
      Charset charset = Charset.forName(csv.charset());
      CsvParser parser = new CsvParser(csv.asParserSettings());
      boolean header = csv.headerFlag();
      try (InputStream in = CodecStreams.createInputStreamWithCloseResource(
          spark.sparkContext().hadoopConfiguration(), new Path(file))) {
        LineReader lines = new LineReader(in);
        Text line = new Text();
        boolean first = true;
        while (rows.size() < n && lines.readLine(line) > 0) {
          byte[] bytes = Arrays.copyOf(line.getBytes(), line.getLength());
          if (first && bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
              && (bytes[2] & 0xFF) == 0xBF) {
            bytes = Arrays.copyOfRange(bytes, 3, bytes.length);
          }
          first = false;
          String text = new String(bytes, charset);
          if (text.trim().isEmpty()) {
            continue;
          }
          if (header) {
            header = false;
            continue;
          }
          String[] cells = parser.parseLine(text);
          if (cells != null) {
            for (int c = 0; c < cells.length; c++) {
              // Spark's rule: what reads as the null value is null; "" stays the empty text
              cells[c] = cells[c] == null || cells[c].equals(csv.nullValue()) ? null : cells[c];
            }
          }
          rows.add(cells != null && cells.length == columns ? cells : null);
        }
      }
      return rows;
    } catch (IOException | RuntimeException | LinkageError e) {
      LOG.info("reading the first rows on the driver failed ({})", e.toString());
      return List.of();
    }
  }

  /** The first record of the stream: what Spark's multi-line schema inference takes. */
  private static Optional<String[]> firstRecord(Configuration conf, String file, CSVOptions csv) throws IOException {
    try (InputStream in = CodecStreams.createInputStreamWithCloseResource(conf, new Path(file))) {
      scala.collection.Iterator<String[]> records = UnivocityParser.tokenizeStream(in, false,
          new CsvParser(csv.asParserSettings()), csv.charset());
      return records.hasNext() ? Optional.ofNullable(records.next()) : Optional.empty();
    }
  }
}

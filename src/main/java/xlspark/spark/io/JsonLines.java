package xlspark.spark.io;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.function.Function;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.execution.datasources.CodecStreams;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import xlspark.spark.core.ResultColumns;

/**
 * JSON Lines input where every line gives a row. Spark's JSON reader parses the first value of a line and drops
 * whatever follows it, so {@code {"a":1}{"a":2}} gave one row and the second object vanished. A line holding more
 * than one value is made a malformed line here (an {@code ERROR} row with the line's raw text, as for a cut line).
 *
 * <p>The driver scans the files first (bytes, one pass, as the CSV reader's scan does): when no line holds more
 * than one value, which is the usual case, the read is Spark's own file scan as before. Otherwise the files are read
 * as text in name order, those lines are marked so that the JSON parser refuses them, and the mark is taken off the
 * raw text the parser keeps.
 */
final class JsonLines {
  /** Put before a line the parser must refuse: a control character cannot start a JSON value. */
  static final char MARK = '\u0000';

  private JsonLines() {}

  static FormulaSource.Read read(SparkSession spark, List<String> files) {
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    boolean any = false;
    for (String f : files) {
      any = any || hasLineWithMoreThanOneValue(conf, f);
    }
    if (!any) {
      String[] paths = files.toArray(String[]::new);
      return permissive(spark, reader -> reader.json(paths));
    }
    Dataset<String> text = null;
    for (String f : files) {
      // one read per file, unioned in name order: the partitions stay in the order of the files
      Dataset<String> one = spark.read().textFile(f);
      text = text == null ? one : text.union(one);
    }
    Dataset<String> marked = text.map((MapFunction<String, String>) JsonLines::mark, Encoders.STRING());
    FormulaSource.Read read = permissive(spark, reader -> reader.json(marked));
    String corrupt = read.corruptColumn();
    Column raw = functions.col(corrupt);
    return new FormulaSource.Read(read.data().withColumn(corrupt, functions.when(
        raw.startsWith(String.valueOf(MARK)), functions.substring(raw, 2, Integer.MAX_VALUE)).otherwise(raw)), corrupt);
  }

  /**
   * Reads every line, a malformed one as a row with its raw text in a column named apart from every field of the
   * well-formed lines ({@link ResultColumns#internalName}): the fields are inferred from the well-formed lines alone
   * ({@code DROPMALFORMED} adds no column for the others, whatever {@code spark.sql.columnNameOfCorruptRecord} says),
   * then the lines are read with those fields and that column. One inference pass, as Spark's own read makes.
   */
  private static FormulaSource.Read permissive(SparkSession spark, Function<DataFrameReader, Dataset<Row>> load) {
    StructType fields = load.apply(spark.read().option("mode", "DROPMALFORMED")).schema();
    String corrupt = ResultColumns.internalName(ResultColumns.CORRUPT_RECORD, fields.fieldNames());
    Dataset<Row> data = load.apply(spark.read().schema(fields.add(corrupt, DataTypes.StringType, true))
        .option("mode", "PERMISSIVE").option(FormulaSource.CORRUPT_OPTION, corrupt));
    return new FormulaSource.Read(data, corrupt);
  }

  /** The line as the JSON parser must see it: marked when it holds more than one value (or starts with the mark). */
  static String mark(String line) {
    if (!line.isEmpty() && line.charAt(0) == MARK || moreThanOneValue(line)) {
      return MARK + line;
    }
    return line;
  }

  /**
   * True when an object or array that starts the line is followed by anything but white space and one comma (the
   * comma ends the lines of a pretty-printed array, whose objects Spark reads one per line).
   */
  static boolean moreThanOneValue(String line) {
    Scan s = new Scan();
    for (int i = 0; i < line.length(); i++) {
      if (s.next(line.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasLineWithMoreThanOneValue(Configuration conf, String file) {
    try (InputStream in = new BufferedInputStream(CodecStreams.createInputStreamWithCloseResource(conf,
        new Path(file)), 1 << 16)) {
      Scan s = new Scan();
      byte[] buf = new byte[1 << 16];
      for (int n = in.read(buf); n > 0; n = in.read(buf)) {
        for (int i = 0; i < n; i++) {
          // UTF-8: the bytes of a multi-byte character are never ASCII, so structure can be read byte by byte
          if (s.next((char) (buf[i] & 0xFF))) {
            return true;
          }
        }
      }
      return false;
    } catch (IOException | RuntimeException e) {
      return false; // Spark's reader reports what is wrong with the file
    }
  }

  /** The structure of a line, char by char: where its first value ends and whether more follows. */
  private static final class Scan {
    private static final int START = 0;
    private static final int VALUE = 1;
    private static final int AFTER = 2;
    private static final int COMMA = 3;
    private static final int SKIP = 4;
    private int state = START;
    private int depth;
    private boolean inString;
    private boolean escape;

    /** Takes one char; true when it is the start of a second value on the line. */
    boolean next(char c) {
      if (c == '\n' || c == '\r') {
        state = START;
        depth = 0;
        inString = false;
        escape = false;
        return false;
      }
      switch (state) {
        case START -> {
          if (c == '{' || c == '[') {
            state = VALUE;
            depth = 1;
          } else if (!isSpace(c) && c != '\uFEFF' && c != 0xEF && c != 0xBB && c != 0xBF) {
            // not an object or array (a byte order mark, as a char or as bytes, is passed over): the parser judges
            state = SKIP;
          }
        }
        case VALUE -> {
          if (inString) {
            if (escape) {
              escape = false;
            } else if (c == '\\') {
              escape = true;
            } else if (c == '"') {
              inString = false;
            }
          } else if (c == '"') {
            inString = true;
          } else if (c == '{' || c == '[') {
            depth++;
          } else if ((c == '}' || c == ']') && --depth == 0) {
            state = AFTER;
          }
        }
        case AFTER -> {
          if (c == ',') {
            state = COMMA; // one separator after the value, as the lines of a pretty-printed array end
          } else if (!isSpace(c)) {
            state = SKIP;
            return true;
          }
        }
        case COMMA -> {
          if (!isSpace(c)) {
            state = SKIP;
            return true;
          }
        }
        default -> {
        }
      }
      return false;
    }

    private static boolean isSpace(char c) {
      return c == ' ' || c == '\t';
    }
  }
}

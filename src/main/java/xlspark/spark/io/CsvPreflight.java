package xlspark.spark.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import xlspark.formula.Names;
import xlspark.spark.core.UsageException;

/**
 * Checks on CSV input that Spark's reader would let pass silently, made on the driver from the first
 * {@link #SNIFF_BYTES} of each file before any evaluation: bytes that are not UTF-8 when no encoding was given
 * (Spark would turn them into U+FFFD in the data), and a header that names a column twice (Spark would rename
 * both, so the expressions would no longer find it). Either is a usage error: exit 2 with a one-line reason.
 */
public final class CsvPreflight {
  /** Bytes read from the start of each file. */
  static final int SNIFF_BYTES = 1 << 20;

  private CsvPreflight() {}

  static void check(SparkSession spark, List<String> files, Map<String, String> options) {
    boolean utf8 = encoding(options).map(e -> e.equalsIgnoreCase("UTF-8") || e.equalsIgnoreCase("UTF8"))
        .orElse(true);
    boolean header = !"false".equalsIgnoreCase(options.getOrDefault("header", "true"));
    for (int i = 0; i < files.size(); i++) {
      String file = files.get(i);
      byte[] head = read(spark, file);
      if (utf8) {
        checkUtf8(file, head);
      }
      if (header && utf8) {
        checkHeader(file, new String(head, StandardCharsets.UTF_8), options);
      }
    }
  }

  private static java.util.Optional<String> encoding(Map<String, String> options) {
    for (Map.Entry<String, String> e : options.entrySet()) {
      String k = e.getKey().toLowerCase(Locale.ROOT);
      if (k.equals("encoding") || k.equals("charset")) {
        return java.util.Optional.of(e.getValue());
      }
    }
    return java.util.Optional.empty();
  }

  private static byte[] read(SparkSession spark, String file) {
    Path path = new Path(file);
    try (InputStream in = path.getFileSystem(spark.sparkContext().hadoopConfiguration()).open(path)) {
      return in.readNBytes(SNIFF_BYTES);
    } catch (IOException e) {
      throw new UsageException("cannot read " + file + ": " + FormulaSource.firstLine(e), e);
    }
  }

  /** Malformed UTF-8 in the sniffed bytes (a sequence cut at the end of the sample does not count). */
  static void checkUtf8(String file, byte[] head) {
    if (head.length >= 2 && (head[0] == (byte) 0xFF && head[1] == (byte) 0xFE
        || head[0] == (byte) 0xFE && head[1] == (byte) 0xFF)) {
      throw new UsageException(file + " is UTF-16 text; give its encoding with --csv-option encoding=UTF-16");
    }
    CharsetDecoder d = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(head);
    CharBuffer out = CharBuffer.allocate(4096);
    while (true) {
      CoderResult r = d.decode(in, out, head.length < SNIFF_BYTES);
      if (r.isError()) {
        throw new UsageException(file + " is not UTF-8 (invalid byte at offset " + in.position()
            + "); give its encoding with --csv-option encoding=NAME, e.g. ISO-8859-1 or windows-1252");
      }
      if (r.isUnderflow()) {
        return;
      }
      out.clear();
    }
  }

  /** A header naming a column twice. */
  static void checkHeader(String file, String head, Map<String, String> options) {
    String sep = options.getOrDefault("sep", options.getOrDefault("delimiter", ","));
    if (sep.length() != 1) {
      return;
    }
    CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(sep.charAt(0)).get();
    String firstRecord = head.startsWith("\uFEFF") ? head.substring(1) : head;
    CSVRecord names;
    try (CSVParser p = format.parse(new StringReader(firstRecord))) {
      var it = p.iterator();
      if (!it.hasNext()) {
        return;
      }
      names = it.next();
    } catch (IOException | RuntimeException e) {
      return;
    }
    checkNames(names, file);
  }

  /**
   * Refuses a header naming a column twice, names compared by {@link Names#fold} (as formulas name columns): also
   * {@code a} and {@code A}, the Kelvin sign and {@code k}. For {@code evaluate} and {@code generate --from}.
   */
  public static void checkNames(Iterable<String> header, String file) {
    Set<String> seen = new HashSet<>();
    for (String n : header) {
      String key = Names.fold(n.strip());
      if (!key.isEmpty() && !seen.add(key)) {
        throw new UsageException("column '" + n.strip() + "' appears twice in the header of " + file);
      }
    }
  }
}

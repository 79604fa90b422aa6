package xlspark.spark.io;

import java.io.IOException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.compress.CompressionCodecFactory;
import org.apache.spark.sql.SparkSession;
import xlspark.spark.core.UsageException;

/**
 * How a CSV input is read. Spark's multi-line reader ({@code multiLine=true}) is always right but reads a file in
 * one task; its line reader splits files but cuts a quoted field with a line break in two. Unless the user sets
 * {@code multiLine}, the driver scans the files once ({@link CsvLineScan}) and uses the line reader when every
 * record is one line. A line-by-line read (chosen or set) is also cut by that scan into the partitions the job
 * wants, with their rows counted, so no Spark job has to count or index them.
 */
final class CsvReadPlan {
  /** Options that do not change where records start and end. */
  private static final Set<String> NEUTRAL = Set.of("header", "sep", "delimiter", "quote", "escape", "encoding",
      "charset", "mode", "columnnameofcorruptrecord", "multiline", "nullvalue", "emptyvalue", "nanvalue",
      "positiveinf", "negativeinf", "dateformat", "timestampformat", "timestampntzformat",
      "enabledatetimeparsingfallback", "locale", "inferschema", "enforceschema", "samplingratio", "maxcolumns",
      "maxcharspercolumn", "quoteall", "escapequotes", "compression", "codec", "preferdate", "prefersdecimal");

  private CsvReadPlan() {}

  /**
   * The plan.
   *
   * @param multiLine the value of Spark's {@code multiLine} option to read with
   * @param lines     the line ranges and counts, when read line by line and scanned; else null
   * @param note      how and why, for the timing report
   */
  record Plan(boolean multiLine, LineRanges lines, String note) {}

  /** @param options the read options, xlspark's defaults already overridden by the user's */
  static Plan decide(SparkSession spark, List<String> files, Map<String, String> options, Map<String, String> user,
                     int partitions) {
    Optional<String> set = get(user, "multiLine");
    boolean userMultiLine = set.isPresent() && set.get().trim().equalsIgnoreCase("true");
    if (userMultiLine) {
      return new Plan(true, null, "multiLine (--csv-option), one task per file");
    }
    Optional<CsvLineScan> scanner = scanner(spark, files, options);
    if (scanner.isEmpty()) {
      return set.isPresent()
          ? new Plan(false, null, "line by line (--csv-option multiLine=false)")
          : new Plan(true, null, "multiLine, one task per file (options the line scan does not cover)");
    }
    long t0 = System.nanoTime();
    try {
      List<CsvLineScan.File> scanned = new ArrayList<>();
      List<Path> paths = new ArrayList<>();
      List<FileSystem> systems = new ArrayList<>();
      for (String f : files) {
        Path p = new Path(f);
        FileSystem fs = p.getFileSystem(spark.sparkContext().hadoopConfiguration());
        FileStatus st = fs.getFileStatus(p);
        scanned.add(new CsvLineScan.File(p.getName(), st.getLen()));
        paths.add(p);
        systems.add(fs);
      }
      boolean detect = set.isEmpty();
      CsvLineScan.Result r = scanner.get().scan(scanned, i -> systems.get(i).open(paths.get(i)), partitions, detect);
      String took = String.format(Locale.ROOT, "%.2f s", (System.nanoTime() - t0) / 1e9);
      if (!r.oneLinePerRecord()) {
        return new Plan(true, null, "multiLine, one task per file (" + r.why() + "; scan " + took + ")");
      }
      List<List<FileScans.Range>> ranges = new ArrayList<>();
      for (List<CsvLineScan.Piece> part : r.partitions()) {
        List<FileScans.Range> out = new ArrayList<>();
        for (CsvLineScan.Piece piece : part) {
          out.add(new FileScans.Range(FileScans.key(paths.get(piece.file())), piece.start(), piece.length()));
        }
        ranges.add(out);
      }
      String why = detect ? "no record spans lines" : "--csv-option multiLine=false";
      return new Plan(false, new LineRanges(ranges, r.rows(), options, List.of()), String.format(Locale.ROOT,
          "line by line (%s), %d ranges cut at line starts, %,d rows counted by the driver's scan (%s)", why,
          ranges.size(), r.totalRows(), took));
    } catch (IOException e) {
      throw new UsageException("cannot read " + files.get(0) + ": " + FormulaSource.firstLine(e), e);
    }
  }

  /** A scanner for these options and files, or empty when the scan cannot tell where records end. */
  private static Optional<CsvLineScan> scanner(SparkSession spark, List<String> files, Map<String, String> options) {
    for (String k : options.keySet()) {
      if (!NEUTRAL.contains(k.toLowerCase(Locale.ROOT))) {
        return Optional.empty();
      }
    }
    if (!get(options, "mode").orElse("PERMISSIVE").trim().equalsIgnoreCase("PERMISSIVE")) {
      return Optional.empty();  // other modes drop or fail rows: the counts would not hold
    }
    String encoding = get(options, "encoding").or(() -> get(options, "charset")).orElse("UTF-8");
    if (!asciiCompatible(encoding)) {
      return Optional.empty();
    }
    Optional<Character> sep = oneChar(get(options, "sep").or(() -> get(options, "delimiter")).orElse(","));
    String quoteText = get(options, "quote").orElse("\"");
    String escapeText = get(options, "escape").orElse("\\");
    if (sep.isEmpty() || quoteText.length() > 1 || !escapeText.equals(quoteText) && !quoteText.isEmpty()) {
      return Optional.empty();
    }
    CompressionCodecFactory codecs = new CompressionCodecFactory(spark.sparkContext().hadoopConfiguration());
    for (String f : files) {
      if (codecs.getCodec(new Path(f)) != null) {
        return Optional.empty();
      }
    }
    int quote = quoteText.isEmpty() ? -1 : quoteText.charAt(0);
    if (quote > 0x7F || sep.get() > 0x7F || quote == sep.get()) {
      return Optional.empty();
    }
    boolean header = get(options, "header").map(h -> h.trim().equalsIgnoreCase("true")).orElse(false);
    return Optional.of(new CsvLineScan(sep.get(), quote, header));
  }

  /** A one-character separator as Spark reads it ({@code \t} written as two characters is a tab). */
  private static Optional<Character> oneChar(String s) {
    if (s.length() == 1) {
      return Optional.of(s.charAt(0));
    }
    if (s.equals("\\t")) {
      return Optional.of('\t');
    }
    return Optional.empty();
  }

  private static boolean asciiCompatible(String encoding) {
    try {
      String name = Charset.forName(encoding.trim()).name();
      return name.equals("UTF-8") || name.equals("US-ASCII") || name.startsWith("ISO-8859-")
          || name.startsWith("windows-125");
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** An option by case-insensitive key, as Spark matches them; the last one set wins. */
  static Optional<String> get(Map<String, String> options, String key) {
    String found = null;
    for (Map.Entry<String, String> e : options.entrySet()) {
      if (e.getKey().equalsIgnoreCase(key)) {
        found = e.getValue();
      }
    }
    return Optional.ofNullable(found);
  }
}

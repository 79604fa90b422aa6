package xlspark.spark.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import xlspark.spark.core.UsageException;

/**
 * Delta Lake tables by path (no metastore), through Spark's {@code delta} data source: xlspark's code names no
 * Delta class, so it compiles for every platform, and a build or cluster without Delta fails with one line saying
 * what to add. A table is a folder with a {@code _delta_log} of numbered JSON commits; what a run wrote is found
 * there by the tag it puts in its commit's {@code userMetadata}.
 */
public final class DeltaTables {
  /** The Delta Lake release for this build's Spark, named when Delta is missing. */
  static final String DELTA_PACKAGE_3_5 = "io.delta:delta-spark_%s:3.3.2";
  static final String DELTA_PACKAGE_4 = "io.delta:delta-spark_%s_%s:4.4.0";
  static final String LOG = "_delta_log";
  private static final String SOURCE = "org.apache.spark.sql.delta.sources.DeltaDataSource";
  private static final Pattern COMMIT = Pattern.compile("(\\d{20})\\.json");
  private static final ObjectMapper JSON = new ObjectMapper();

  private DeltaTables() {}

  /** The {@code --packages} coordinate of the Delta release for the running Spark and Scala. */
  static String packageFor(String sparkVersion, String scalaBinary) {
    String[] v = sparkVersion.split("\\.");
    if (v[0].equals("3")) {
      return String.format(DELTA_PACKAGE_3_5, scalaBinary);
    }
    if (v[0].equals("4") && v[1].equals("0")) {
      return "io.delta:delta-spark_" + scalaBinary + ":4.0.0";
    }
    return String.format(DELTA_PACKAGE_4, v[0] + "." + v[1], scalaBinary);
  }

  /**
   * Fails with one line when Delta Lake is not on the classpath or the session is not set up for it.
   *
   * @param what {@code "delta input"} or {@code "delta output"}, for the message
   */
  public static void require(SparkSession spark, String what) {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    String scalaBinary = scala.util.Properties.versionNumberString().replaceAll("^(\\d+\\.\\d+).*", "$1");
    try {
      Class.forName(SOURCE, false, loader == null ? DeltaTables.class.getClassLoader() : loader);
    } catch (ClassNotFoundException | LinkageError e) {
      throw new UsageException(what + " needs Delta Lake, which this build does not bundle: submit with --packages "
          + packageFor(spark.version(), scalaBinary) + " and the two --conf settings in the README (Delta tables)");
    }
    if (spark.conf().getOption("spark.sql.catalog.spark_catalog").isEmpty()) {
      throw new UsageException(what + " needs the session set up for Delta Lake: --conf "
          + "spark.sql.extensions=io.delta.sql.DeltaSparkSessionExtension --conf "
          + "spark.sql.catalog.spark_catalog=org.apache.spark.sql.delta.catalog.DeltaCatalog "
          + "(conf/spark-defaults.conf has them)");
    }
  }

  /** Whether {@code path} is a Delta table: a folder with a {@code _delta_log} folder. */
  public static boolean isTable(FileSystem fs, Path path) throws IOException {
    return fs.isDirectory(new Path(path, LOG));
  }

  /** Whether {@code path} is a Delta table, false when it cannot be listed (the reader then reports that). */
  public static boolean isTable(SparkSession spark, String path) {
    try {
      Path p = new Path(path);
      return isTable(p.getFileSystem(spark.sparkContext().hadoopConfiguration()), p);
    } catch (IOException | IllegalArgumentException e) {
      return false;
    }
  }

  /**
   * Reads the table at {@code path}: its current version, or the one given by version or timestamp (at most one).
   */
  public static Dataset<Row> read(SparkSession spark, String path, Long versionAsOf, String timestampAsOf) {
    require(spark, "delta input");
    DataFrameReader reader = spark.read().format("delta");
    if (versionAsOf != null) {
      reader = reader.option("versionAsOf", versionAsOf);
    }
    if (timestampAsOf != null) {
      reader = reader.option("timestampAsOf", timestampAsOf);
    }
    return reader.load(path);
  }

  /** The table's newest committed version; empty when it has none (not a table). */
  public static OptionalLong latestVersion(FileSystem fs, Path table) throws IOException {
    long newest = -1;
    Path log = new Path(table, LOG);
    if (!fs.isDirectory(log)) {
      return OptionalLong.empty();
    }
    for (FileStatus s : fs.listStatus(log)) {
      Matcher m = COMMIT.matcher(s.getPath().getName());
      if (m.matches()) {
        newest = Math.max(newest, Long.parseLong(m.group(1)));
      }
    }
    return newest < 0 ? OptionalLong.empty() : OptionalLong.of(newest);
  }

  /**
   * The version whose commit carries {@code tag} as its {@code userMetadata}, searched from the newest commit back
   * (other writers may have committed after this run); empty when none of the newest {@code depth} does.
   */
  public static OptionalLong versionTagged(FileSystem fs, Path table, String tag, int depth) throws IOException {
    OptionalLong newest = latestVersion(fs, table);
    if (newest.isEmpty()) {
      return OptionalLong.empty();
    }
    for (long v = newest.getAsLong(); v >= 0 && v > newest.getAsLong() - depth; v--) {
      Path commit = new Path(new Path(table, LOG), String.format("%020d.json", v));
      if (tag.equals(userMetadata(fs, commit))) {
        return OptionalLong.of(v);
      }
    }
    return OptionalLong.empty();
  }

  /** The {@code commitInfo.userMetadata} of one commit file; null when absent. */
  static String userMetadata(FileSystem fs, Path commit) throws IOException {
    if (!fs.exists(commit)) {
      return null;
    }
    try (BufferedReader in = new BufferedReader(new InputStreamReader(fs.open(commit), StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        JsonNode info = JSON.readTree(line).get("commitInfo");
        if (info != null) {
          JsonNode meta = info.get("userMetadata");
          return meta == null || meta.isNull() ? null : meta.asText();
        }
      }
    }
    return null;
  }
}

package xlspark.spark.io;

import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import xlspark.spark.core.UsageException;

/** The one rule that keeps what a run writes apart from what it reads (and its outputs apart from each other). */
public final class OutputPaths {
  private OutputPaths() {}

  /**
   * Refuses with a {@link UsageException} when {@code written} is {@code read}, lies inside it or contains it,
   * compared as fully qualified paths of their file systems.
   *
   * @param writtenLabel how the message names the written path, e.g. {@code output} or {@code --write-values}
   * @param readLabel    how the message names the other path, e.g. {@code the input}
   */
  public static void requireApart(String writtenLabel, String written, String readLabel, String read,
      Configuration conf) {
    try {
      if (overlap(qualified(written, conf), qualified(read, conf))) {
        throw new UsageException(writtenLabel + " " + written + " overlaps " + readLabel + " " + read);
      }
    } catch (IOException e) {
      throw new UsageException("cannot check " + writtenLabel + " " + written + ": " + e.getMessage(), e);
    }
  }

  /** Whether one qualified path is the other or lies inside it (compared segment by segment, on one scheme). */
  static boolean overlap(Path a, Path b) {
    if (!sameFileSystem(a, b)) {
      return false;
    }
    String x = a.toUri().getPath() + "/";
    String y = b.toUri().getPath() + "/";
    return x.startsWith(y) || y.startsWith(x);
  }

  private static boolean sameFileSystem(Path a, Path b) {
    return java.util.Objects.equals(a.toUri().getScheme(), b.toUri().getScheme())
        && java.util.Objects.equals(a.toUri().getAuthority(), b.toUri().getAuthority());
  }

  private static Path qualified(String path, Configuration conf) throws IOException {
    Path p = new Path(path);
    FileSystem fs = p.getFileSystem(conf);
    return fs.makeQualified(p);
  }
}

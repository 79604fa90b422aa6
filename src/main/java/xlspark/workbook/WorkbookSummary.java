package xlspark.workbook;

import java.io.Serializable;
import java.util.List;
import java.util.Locale;

/**
 * One workbook's totals: formula cells, how many match the cached results, how many differ, how many have
 * none, how many evaluate to an error, its size and the seconds it took (reading and evaluating).
 * {@code failure} says why a file could not be read at all (then no cell rows exist for it).
 */
public record WorkbookSummary(String workbook, long bytes, int sheets, long formulaCells, long matched,
                              long mismatched, long uncached, long errors, double readSeconds,
                              double evalSeconds, String failure, List<String> warnings) implements Serializable {
  public WorkbookSummary {
    warnings = List.copyOf(warnings);
  }

  public double seconds() {
    return readSeconds + evalSeconds;
  }

  /** The printed line: {@code book.xlsx: 120 formula cells, 118 matched, 2 mismatched, 0 errors, 0.12 s}. */
  public String line() {
    if (failure != null) {
      return String.format(Locale.ROOT, "%s: not evaluated: %s", workbook, failure);
    }
    return String.format(Locale.ROOT, "%s: %d formula cells, %d matched, %d mismatched, %d without cached value, "
        + "%d errors, %s, %.2f s (read %.2f s)", workbook, formulaCells, matched, mismatched, uncached, errors,
        size(bytes), seconds(), readSeconds);
  }

  static String size(long bytes) {
    if (bytes >= 1 << 20) {
      return String.format(Locale.ROOT, "%.1f MB", bytes / 1048576.0);
    }
    return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
  }
}

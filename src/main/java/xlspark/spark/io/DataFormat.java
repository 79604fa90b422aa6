package xlspark.spark.io;

import java.util.Locale;
import java.util.Optional;

/** The table formats xlspark reads and writes; {@code DELTA} is a Delta Lake table (a folder), never a file name. */
public enum DataFormat {
  CSV, JSON, PARQUET, XLSX, DELTA;

  /** The format a file name's extension names (compression suffixes such as {@code .gz} skipped). */
  public static Optional<DataFormat> fromFileName(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    for (String compression : new String[] {".gz", ".bz2", ".deflate", ".lz4", ".snappy", ".zst"}) {
      if (n.endsWith(compression) && !n.endsWith(".parquet" + compression)) {
        n = n.substring(0, n.length() - compression.length());
      }
    }
    if (n.endsWith(".csv") || n.endsWith(".txt")) {
      return Optional.of(CSV);
    }
    if (n.endsWith(".json") || n.endsWith(".jsonl") || n.endsWith(".ndjson")) {
      return Optional.of(JSON);
    }
    if (n.endsWith(".parquet")) {
      return Optional.of(PARQUET);
    }
    if (n.endsWith(".xlsx")) {
      return Optional.of(XLSX);
    }
    return Optional.empty();
  }

  /** Parses a CLI value such as {@code csv}. */
  public static DataFormat parse(String text) {
    try {
      return valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown format '" + text + "' (expected csv, json, parquet, xlsx or delta)");
    }
  }

  public String cliName() {
    return name().toLowerCase(Locale.ROOT);
  }
}

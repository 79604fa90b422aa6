package xlspark.spark.io;

import java.io.Serializable;
import java.util.Map;
import java.util.Optional;
import xlspark.spark.core.UsageException;

/**
 * What one run reads, for {@link FormulaSource}: the input side's counterpart of {@link OutputSpec}.
 *
 * @param path          file or folder, any Hadoop file system URI
 * @param format        null: inferred from the extension (a folder with {@code _delta_log}: delta)
 * @param sheet         xlsx sheet name; null: the first sheet
 * @param csvOptions    passed to Spark's CSV reader, after xlspark's defaults
 * @param versionAsOf   delta input: the table version to read; null: the newest
 * @param timestampAsOf delta input: read the version current at this time; null: the newest
 */
public record InputSpec(String path, DataFormat format, String sheet, Map<String, String> csvOptions,
                        Long versionAsOf, String timestampAsOf) implements Serializable {

  /** Checks the combination: a usage error (exit 2) names the option at fault. */
  public InputSpec {
    UsageException.require(path != null && !path.isBlank(), "--input is required");
    UsageException.require(versionAsOf == null || versionAsOf >= 0, "--version-as-of must not be negative");
    UsageException.require(versionAsOf == null || timestampAsOf == null,
        "give --version-as-of or --timestamp-as-of, not both");
    csvOptions = Map.copyOf(csvOptions);
  }

  public Optional<DataFormat> formatOption() {
    return Optional.ofNullable(format);
  }

  /** A time-travel option was given (valid for delta input only). */
  boolean timeTravel() {
    return versionAsOf != null || timestampAsOf != null;
  }
}

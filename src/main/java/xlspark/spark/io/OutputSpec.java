package xlspark.spark.io;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.Path;
import xlspark.spark.core.UsageException;

/**
 * Where and how one run writes its rows, for every command and every writer ({@link ResultSink}). Built with
 * {@link #to(String)}; {@link Builder#build()} rejects inconsistent combinations with a {@link UsageException}.
 *
 * @param path              folder (Spark style), or the one file with {@code singleFile}; any Hadoop URI
 * @param format            null: from the path's extension, else the command's default
 * @param singleFile        exactly one file at {@code path}
 * @param overwrite         replace an existing output, only once the new one is complete
 * @param csvOptions        Spark CSV writer options, after xlspark's defaults
 * @param csvEscapeFormulas prefix {@code '} to text that a spreadsheet would run as a formula (CSV only)
 * @param sheet             xlsx sheet name; null: {@value #DEFAULT_SHEET}
 * @param partitionBy       columns the output folder is partitioned by (one sub-folder per value); empty: none
 * @param append            delta: add the rows to an existing table
 * @param replacePartitions delta: replace only the partitions present in this run's rows
 */
public record OutputSpec(String path, DataFormat format, boolean singleFile, boolean overwrite,
                         Map<String, String> csvOptions, boolean csvEscapeFormulas, String sheet,
                         List<String> partitionBy, boolean append, boolean replacePartitions)
    implements Serializable {
  public static final String DEFAULT_SHEET = "results";

  public OutputSpec {
    csvOptions = Map.copyOf(csvOptions);
    partitionBy = List.copyOf(partitionBy);
  }

  public static Builder to(String path) {
    return new Builder(path);
  }

  public Builder toBuilder() {
    Builder b = new Builder(path);
    b.format = format;
    b.singleFile = singleFile;
    b.overwrite = overwrite;
    b.csvOptions.putAll(csvOptions);
    b.csvEscapeFormulas = csvEscapeFormulas;
    b.sheet = sheet;
    b.partitionBy.addAll(partitionBy);
    b.append = append;
    b.replacePartitions = replacePartitions;
    return b;
  }

  /** The format written: the one asked for, else the path's extension, else {@code fallback}. */
  public DataFormat resolveFormat(DataFormat fallback) {
    return format != null ? format : DataFormat.fromFileName(new Path(path).getName()).orElse(fallback);
  }

  /** The xlsx sheet the rows go to. */
  public String sheetName() {
    return sheet == null ? DEFAULT_SHEET : sheet;
  }

  /** Mutable builder holding the defaults. */
  public static final class Builder {
    private final String path;
    private DataFormat format;
    private boolean singleFile;
    private boolean overwrite;
    private final Map<String, String> csvOptions = new LinkedHashMap<>();
    private boolean csvEscapeFormulas;
    private String sheet;
    private final List<String> partitionBy = new ArrayList<>();
    private boolean append;
    private boolean replacePartitions;

    private Builder(String path) {
      this.path = path;
    }

    public Builder format(DataFormat f) { format = f; return this; }
    public Builder singleFile(boolean b) { singleFile = b; return this; }
    public Builder overwrite(boolean b) { overwrite = b; return this; }
    public Builder csvOption(String key, String value) { csvOptions.put(key, value); return this; }
    public Builder csvOptions(Map<String, String> options) { csvOptions.putAll(options); return this; }
    public Builder csvEscapeFormulas(boolean b) { csvEscapeFormulas = b; return this; }
    public Builder sheet(String s) { sheet = s; return this; }
    public Builder partitionBy(List<String> columns) { partitionBy.addAll(columns); return this; }
    public Builder append(boolean b) { append = b; return this; }
    public Builder replacePartitions(boolean b) { replacePartitions = b; return this; }

    public OutputSpec build() {
      UsageException.require(path != null && !path.isBlank(), "--output must not be empty");
      UsageException.require(!csvEscapeFormulas || format == null || format == DataFormat.CSV,
          "--csv-escape-formulas applies to csv output only");
      UsageException.require(partitionBy.stream().noneMatch(c -> c == null || c.isBlank()),
          "a partition column must have a name");
      UsageException.require(partitionBy.isEmpty() || !singleFile,
          "a partitioned output is a folder: drop --single-file");
      UsageException.require((overwrite ? 1 : 0) + (append ? 1 : 0) + (replacePartitions ? 1 : 0) <= 1,
          "--overwrite, --append and --replace-partitions exclude each other");
      UsageException.require(!(append || replacePartitions) || format == null || format == DataFormat.DELTA,
          "--append and --replace-partitions apply to delta output only");
      UsageException.require(format != DataFormat.DELTA || !singleFile, "a Delta table is a folder: drop --single-file");
      return new OutputSpec(path, format, singleFile, overwrite, csvOptions, csvEscapeFormulas, sheet, partitionBy,
          append, replacePartitions);
    }
  }
}

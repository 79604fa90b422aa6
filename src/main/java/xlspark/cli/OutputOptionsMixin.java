package xlspark.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;
import xlspark.spark.io.DataFormat;
import xlspark.spark.io.OutputSpec;

/**
 * Where and how a command writes its rows: the options behind {@link OutputSpec}, shared by {@code evaluate} and
 * {@code workbook}. The default wording is evaluate's; a command's resource bundle replaces what differs.
 */
public final class OutputOptionsMixin {
  @Option(names = "--output", paramLabel = "PATH", descriptionKey = "output",
      description = "Result folder (Spark style), or the one file with --single-file.")
  String output;

  @Option(names = "--output-format", paramLabel = "FORMAT", descriptionKey = "output-format",
      description = "csv|json|parquet|xlsx|delta. Default: from the output's extension, else the input format.")
  String outputFormat;

  @Option(names = "--overwrite", descriptionKey = "overwrite",
      description = "Replace an existing output (only once the new one is complete; a Delta table in one commit).")
  boolean overwrite;

  @Option(names = "--partition-by", paramLabel = "COLUMN", descriptionKey = "partition-by",
      description = "Partition the output by this column (repeatable): one folder per value, e.g. run_date=2024-01-31.")
  List<String> partitionBy = new ArrayList<>();

  @Option(names = "--replace-partitions", descriptionKey = "replace-partitions",
      description = "Delta: replace only the partitions present in this run's rows (a rerun replaces its day alone).")
  boolean replacePartitions;

  @Option(names = "--append", descriptionKey = "append", description = "Delta: add the rows to an existing table.")
  boolean append;

  @Option(names = "--single-file", descriptionKey = "single-file",
      description = "Write exactly one file at the output path.")
  boolean singleFile;

  @Option(names = "--csv-option", paramLabel = "KEY=VALUE", descriptionKey = "csv-option",
      description = "Option for Spark's CSV reader and writer (repeatable), e.g. delimiter=;")
  Map<String, String> csvOptions = new LinkedHashMap<>();

  @Option(names = "--csv-escape-formulas", descriptionKey = "csv-escape-formulas",
      description = "CSV output: prefix ' to text cells starting with = + - @ tab or CR (CSV injection).")
  boolean csvEscapeFormulas;

  /**
   * The output as asked for; null without {@code --output}. Invalid values throw {@link IllegalArgumentException}
   * or {@link xlspark.spark.core.UsageException}.
   *
   * @param sheet the xlsx sheet to write; null: the default
   */
  OutputSpec toSpec(String sheet) {
    if (output == null) {
      if (outputFormat != null) {
        DataFormat.parse(outputFormat);
      }
      return null;
    }
    return OutputSpec.to(output)
        .format(outputFormat == null ? null : DataFormat.parse(outputFormat))
        .singleFile(singleFile)
        .overwrite(overwrite)
        .csvOptions(csvOptions)
        .csvEscapeFormulas(csvEscapeFormulas)
        .sheet(sheet)
        .partitionBy(partitionBy)
        .append(append)
        .replacePartitions(replacePartitions)
        .build();
  }
}

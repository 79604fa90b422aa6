package xlspark.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import xlspark.formula.Names;
import xlspark.spark.core.CellTyping;
import xlspark.spark.core.UsageException;
import xlspark.spark.io.CsvPreflight;
import xlspark.spark.io.DataFormat;
import xlspark.spark.io.XlsxWriter;
import xlspark.workload.ExpressionMix;
import xlspark.workload.ShapeCensus;
import xlspark.workload.Workload;

/**
 * {@code xlspark generate}: writes a benchmark workload ({@code --workload W1..W5}, see {@link Workload}; it
 * prints how many distinct texts and shapes it wrote, shapes as the engine's lexer keys them) or
 * converts a CSV table ({@code --from}) to CSV or .xlsx, without Spark. In .xlsx, expression cells are text;
 * other cells are typed the way Excel types entered text. {@code data/sample.xlsx} is
 * {@code generate --from data/sample.csv --output data/sample.xlsx}.
 */
@Command(name = "generate", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Writes a benchmark workload, or converts a CSV table, to csv or xlsx.")
public final class GenerateCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @ArgGroup(multiplicity = "1")
  Source source;

  static final class Source {
    @Option(names = "--workload", paramLabel = "W",
        description = "W1 (1M small mixed), W1g (W1 in 16 groups), W1d (1M small mixed, random nesting and signs: "
            + "most rows a shape of their own), W2 (100 small), W3 (100 x 250 arguments), "
            + "W4 (100k x 250 arguments), W4d (W4, numbers randomly negative), "
            + "W5 (200 WEBSERVICE calls in 200 groups).")
    String workload;

    @Option(names = "--from", paramLabel = "CSV", description = "Convert this CSV table instead.")
    Path from;
  }

  @Option(names = "--output", required = true, paramLabel = "FILE", description = "File to write (.csv or .xlsx).")
  Path output;

  @Option(names = "--format", paramLabel = "FORMAT", description = "csv|xlsx. Default: from the extension.")
  String format;

  @Option(names = "--rows", paramLabel = "N", description = "Rows to write. Default: the workload's size.")
  Long rows;

  @Option(names = "--max-rows", paramLabel = "N",
      description = "At most N rows: cuts big workloads, leaves smaller ones whole (for smoke runs).")
  Long maxRows;

  @Option(names = "--seed", paramLabel = "N", description = "Seed of the expression mix. Default: 42.")
  long seed = 42;

  @Option(names = "--url", paramLabel = "URL",
      description = "W5: the URL the WEBSERVICE calls fetch (?i=N is appended). Default: " + DEFAULT_URL)
  String url = DEFAULT_URL;

  static final String DEFAULT_URL = "http://127.0.0.1:8765/slow";

  @Override
  public Integer call() throws IOException {
    DataFormat f = format != null ? DataFormat.parse(format)
        : DataFormat.fromFileName(output.getFileName().toString()).orElse(DataFormat.CSV);
    if (f != DataFormat.CSV && f != DataFormat.XLSX) {
      throw new UsageException("generate writes csv or xlsx, not " + f.cliName());
    }
    long t0 = System.nanoTime();
    long written;
    ShapeCensus census = null;
    if (source.workload != null) {
      Workload w;
      try {
        w = Workload.parse(source.workload);
      } catch (IllegalArgumentException e) {
        throw new UsageException("--workload: " + e.getMessage());
      }
      long n = rows == null ? w.rows() : rows;
      if (n < 0 || maxRows != null && maxRows < 0) {
        throw new UsageException("--rows and --max-rows must not be negative");
      }
      n = maxRows == null ? n : Math.min(n, maxRows);
      census = new ShapeCensus();
      if (f == DataFormat.CSV) {
        w.writeCsv(output, seed, n, url, census);
      } else {
        writeXlsx(workloadTable(w, n, census));
      }
      written = n;
    } else {
      List<List<String>> table = readCsv(source.from);
      if (f == DataFormat.CSV) {
        writeCsv(table);
      } else {
        writeXlsx(table);
      }
      written = table.size() - 1;
    }
    spec.commandLine().getOut().printf(Locale.ROOT, "xlspark: wrote %s: %,d rows, %.2f s%n", output, written,
        (System.nanoTime() - t0) / 1e9);
    if (census != null) {
      spec.commandLine().getOut().printf(Locale.ROOT, "xlspark: %s: %s%n", source.workload,
          census.counts().describe());
    }
    return Main.OK;
  }

  private List<List<String>> workloadTable(Workload w, long n, ShapeCensus census) {
    if (n > XlsxWriter.MAX_ROWS) {
      throw new UsageException(n + " rows do not fit one .xlsx sheet; write csv instead");
    }
    ExpressionMix mix = w.mix(seed);
    List<List<String>> t = new ArrayList<>();
    t.add(w.groups() > 0 ? List.of("expression", "group") : List.of("expression"));
    for (long i = 0; i < n; i++) {
      String e = w.expression(mix, i, url);
      census.add(e);
      t.add(w.groups() > 0 ? List.of(e, "g" + (i % w.groups())) : List.of(e));
    }
    return t;
  }

  private void writeCsv(List<List<String>> table) throws IOException {
    if (output.toAbsolutePath().getParent() != null) {
      Files.createDirectories(output.toAbsolutePath().getParent());
    }
    try (Writer w = Files.newBufferedWriter(output, StandardCharsets.UTF_8);
         CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT)) {
      for (List<String> r : table) {
        p.printRecord(r);
      }
    }
  }

  private static List<List<String>> readCsv(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new UsageException("input not found: " + file);
    }
    List<List<String>> t = new ArrayList<>();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      for (CSVRecord rec : CSVFormat.DEFAULT.parse(r)) {
        t.add(rec.toList());
      }
    }
    if (t.isEmpty()) {
      throw new UsageException("no columns in " + file + ": the file is empty");
    }
    CsvPreflight.checkNames(t.get(0), file.toString());
    return t;
  }

  /** Cells typed per column: a column is numeric or boolean only if all its cells are (or blank). */
  private void writeXlsx(List<List<String>> table) throws IOException {
    List<String> header = table.get(0);
    List<StructField> fields = new ArrayList<>();
    for (int c = 0; c < header.size(); c++) {
      fields.add(DataTypes.createStructField(header.get(c), columnType(table, c), true));
    }
    StructType schema = DataTypes.createStructType(fields);
    List<Row> rows = new ArrayList<>(table.size());
    for (List<String> r : table.subList(1, table.size())) {
      Object[] v = new Object[header.size()];
      for (int c = 0; c < v.length && c < r.size(); c++) {
        Object typed = CellTyping.fromText(r.get(c));
        v[c] = schema.fields()[c].dataType() == DataTypes.StringType ? (r.get(c).isEmpty() ? null : r.get(c)) : typed;
      }
      rows.add(RowFactory.create(v));
    }
    if (output.toAbsolutePath().getParent() != null) {
      Files.createDirectories(output.toAbsolutePath().getParent());
    }
    try (OutputStream out = Files.newOutputStream(output)) {
      XlsxWriter.write(schema, rows.iterator(), "expressions", out);
    }
  }

  private static DataType columnType(List<List<String>> table, int c) {
    if (Names.same(table.get(0).get(c), "expression")) {
      return DataTypes.StringType;
    }
    boolean numbers = true;
    boolean booleans = true;
    for (List<String> r : table.subList(1, table.size())) {
      Object v = c < r.size() ? CellTyping.fromText(r.get(c)) : null;
      numbers &= v == null || v instanceof Double;
      booleans &= v == null || v instanceof Boolean;
    }
    return numbers ? DataTypes.DoubleType : booleans ? DataTypes.BooleanType : DataTypes.StringType;
  }
}

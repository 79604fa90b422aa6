package xlspark.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xlspark.cli.CliRun;
import xlspark.spark.io.XlsxWriter;

/** Each format in and out; .xlsx keeps strings that start with '=' as text. */
@NeedsSparkExcel
class FormatsSparkTest {
  static final StructType TYPED = DataTypes.createStructType(List.of(
      DataTypes.createStructField("id", DataTypes.LongType, false),
      DataTypes.createStructField("expression", DataTypes.StringType, true),
      DataTypes.createStructField("price", DataTypes.DoubleType, true),
      DataTypes.createStructField("qty", DataTypes.IntegerType, true),
      DataTypes.createStructField("label", DataTypes.StringType, true),
      DataTypes.createStructField("flag", DataTypes.BooleanType, true)));
  static final List<Row> ROWS = List.of(
      RowFactory.create(1L, "=price*qty", 2.5, 4, "a", true),
      RowFactory.create(2L, "=IF(flag,label,\"no\")", null, null, "yes", true),
      RowFactory.create(3L, "=label&\"!\"", 1.0, 1, "007", false),
      RowFactory.create(4L, "=label", null, null, "=1+1", null),
      RowFactory.create(5L, "=1/0", null, null, null, null));

  @TempDir
  Path dir;

  private final SparkSession spark = SharedSpark.session();

  @Test
  void typedInputsGiveTheSameResultsInEveryFormat() throws IOException {
    Dataset<Row> table = spark.createDataFrame(ROWS, TYPED).coalesce(1);
    Path json = dir.resolve("in.json");
    Path parquet = dir.resolve("in.parquet");
    Path xlsx = dir.resolve("in.xlsx");
    table.write().json(json.toString());
    table.write().parquet(parquet.toString());
    try (OutputStream out = Files.newOutputStream(xlsx)) {
      XlsxWriter.write(TYPED, ROWS.iterator(), "data", out);
    }
    for (Path in : List.of(json, parquet, xlsx)) {
      Path out = dir.resolve(in.getFileName() + ".csv");
      CliRun run = CliRun.of("evaluate", "--input", in.toString(), "--output", out.toString(), "--single-file",
          "--output-format", "csv", "--mode", "serial");
      assertEquals(0, run.exitCode(), () -> in + "\n" + run);
      List<Map<String, String>> rows = Tables.readCsv(out);
      assertEquals(5, rows.size(), in::toString);
      assertEquals(List.of("NUMBER", "TEXT", "TEXT", "TEXT", "ERROR"), rows.stream().map(r -> r.get("type")).toList(),
          in::toString);
      assertEquals("10", rows.get(0).get("value"), in::toString);
      assertEquals("yes", rows.get(1).get("value"), in::toString);
      assertEquals("007!", rows.get(2).get("value"), in + ": a typed text column stays text");
      assertEquals("=1+1", rows.get(3).get("value"), in + ": formula-looking text stays text");
      assertEquals("#DIV/0!", rows.get(4).get("value"), in::toString);
    }
  }

  @Test
  void everyOutputFormatReadsBackWithTheSameStrings() throws IOException {
    String sample = Tables.project().resolve("data/sample.csv").toString();
    Dataset<Row> expected = spark.read().option("header", "true").option("escape", "\"").option("multiLine", "true")
        .csv(sample);
    List<String> expressions = expected.select("expression").as(org.apache.spark.sql.Encoders.STRING()).collectAsList();
    for (String format : List.of("csv", "json", "parquet", "xlsx")) {
      Path out = dir.resolve("out-" + format);
      CliRun run = CliRun.of("evaluate", "--input", sample, "--output", out.toString(), "--output-format", format,
          "--mode", "pool");
      assertEquals(0, run.exitCode(), () -> format + "\n" + run);
      Dataset<Row> back = switch (format) {
        case "csv" -> spark.read().option("header", "true").option("escape", "\"").option("multiLine", "true")
            .csv(out.toString());
        case "json" -> spark.read().json(out.toString());
        case "parquet" -> spark.read().parquet(out.toString());
        default -> spark.read().format("com.crealytics.spark.excel").option("header", "true")
            .load(out.resolve("part-00000.xlsx").toString());
      };
      // Spark's readers list a folder's part files by size, not by name: sort on the id
      back = back.orderBy(org.apache.spark.sql.functions.col("id").cast("long"));
      assertEquals(expressions, back.select("expression").as(org.apache.spark.sql.Encoders.STRING()).collectAsList(),
          format);
      assertEquals(12, back.count(), format);
      List<String> values = back.select("value").as(org.apache.spark.sql.Encoders.STRING()).collectAsList();
      assertEquals("#DIV/0!", values.get(7), format);
    }
  }

  @Test
  void xlsxKeepsFormulaLookingTextAsText() throws IOException {
    Path in = Tables.csv(dir.resolve("in.csv"), List.of(List.of("expression", "note"),
        List.of("=\"=1+1\"", "=HYPERLINK(\"http://x\",\"y\")"), List.of("=\"+2\"", "@SUM(A1)")));
    Path out = dir.resolve("out.xlsx");
    CliRun run = CliRun.of("evaluate", "--input", in.toString(), "--output", out.toString(), "--single-file");
    assertEquals(0, run.exitCode(), run::toString);
    assertTrue(Files.isRegularFile(out));
    List<Row> back = spark.read().format("com.crealytics.spark.excel").option("header", "true").load(out.toString())
        .select("expression", "note", "value").collectAsList();
    assertEquals(RowFactory.create("=\"=1+1\"", "=HYPERLINK(\"http://x\",\"y\")", "=1+1"), back.get(0));
    assertEquals(RowFactory.create("=\"+2\"", "@SUM(A1)", "+2"), back.get(1));
  }
}

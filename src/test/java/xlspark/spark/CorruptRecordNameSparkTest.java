package xlspark.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xlspark.cli.CliRun;
import xlspark.spark.core.ResultColumns;
import xlspark.spark.sql.EvaluateOptions;
import xlspark.spark.sql.Xlspark;

/**
 * Issue 16 §2: {@code _corrupt_record}, Spark's default name for the column holding a malformed line's text, is a
 * user's column like any other in every reader (passed through, named in formulas), while a malformed line still
 * becomes an {@code ERROR} row with its raw text; neither the session's {@code spark.sql.columnNameOfCorruptRecord}
 * nor a CSV reader option moves xlspark's own column.
 */
class CorruptRecordNameSparkTest {
  private static final String CONF = "spark.sql.columnNameOfCorruptRecord";
  private static final List<String> MODES = List.of("serial", "pool", "tasks", "auto");

  @TempDir
  Path dir;

  private final SparkSession spark = SharedSpark.session();

  @Test
  void issue16_jsonColumnNamedCorruptRecordIsTheUsers() throws IOException {
    String cut = "{\"id\":3,\"expression\":\"=2+2\",\"_corrupt_rec";
    String two = "{\"id\":4,\"expression\":\"=1\"}{\"id\":5,\"expression\":\"=2\"}";
    List<String> lines = List.of(
        "{\"id\":1,\"expression\":\"=_corrupt_record&\\\"!\\\"\",\"_corrupt_record\":\"mine\"}",
        "{\"id\":2,\"expression\":\"=1+1\",\"_corrupt_record\":\"x\"}",
        cut,
        "{\"id\":6,\"expression\":\"=LEN(_CORRUPT_RECORD)\",\"_corrupt_record\":\"four\"}");
    // Spark's JSON file scan, and the text read that marks a line holding two objects
    Path scan = write("scan.json", String.join("\n", lines) + "\n");
    List<String> withTwo = new ArrayList<>(lines);
    withTwo.add(3, two);
    Path text = write("text.json", String.join("\n", withTwo) + "\n");
    for (String mode : MODES) {
      expect(run(scan, mode), List.of("mine!", "2", "#ERROR!", "4"), List.of("mine", "x", "", "four"),
          List.of("", "", "malformed input line: " + cut, ""), mode);
      expect(run(text, mode), List.of("mine!", "2", "#ERROR!", "#ERROR!", "4"), List.of("mine", "x", "", "", "four"),
          List.of("", "", "malformed input line: " + cut, "malformed input line: " + two, ""), mode);
    }
  }

  @Test
  void issue16_csvHeaderNamedCorruptRecordIsTheUsers() throws IOException {
    String head = "id,expression,_corrupt_record\n1,\"=_corrupt_record&\"\"!\"\"\",mine\n2,=1+1,x\n";
    String bad = "3,=2+2,a,b,c";
    // line by line, and multiLine (a quoted line break)
    Path lines = write("lines.csv", head + bad + "\n6,=LEN(_Corrupt_Record),four\n");
    Path multi = write("multi.csv", head + bad + "\n6,=LEN(_Corrupt_Record),\"fo\nur\"\n");
    for (String mode : MODES) {
      List<String> messages = List.of("", "", "malformed input line: " + bad, "");
      // the malformed line's cells pass through as Spark's reader splits them (its third is "a")
      expect(run(lines, mode), List.of("mine!", "2", "#ERROR!", "4"), List.of("mine", "x", "a", "four"), messages,
          mode);
      expect(run(multi, mode), List.of("mine!", "2", "#ERROR!", "5"), List.of("mine", "x", "a", "fo\nur"), messages,
          mode);
    }
  }

  @Test
  void issue16_sessionConfDoesNotMoveTheMalformedLines() throws IOException {
    Path json = write("conf.json", "{\"expression\":\"=a*2\",\"a\":1}\n{\"expression\":\"=1+\n"
        + "{\"expression\":\"=a*2\",\"a\":3,\"_corrupt_record\":\"z\"}\n");
    Path csv = write("conf.csv", "expression,a\n=a*2,1\n=1,2,3\n=a*2,3\n");
    for (String name : List.of("a", "expression", "_corrupt_record", ResultColumns.CORRUPT_RECORD)) {
      spark.conf().set(CONF, name);
      try {
        for (Path in : List.of(json, csv)) {
          Path out = dir.resolve("conf-" + name + "-" + in.getFileName() + ".csv");
          CliRun r = CliRun.of("evaluate", "--input", in.toString(), "--output", out.toString(), "--single-file");
          assertEquals(0, r.exitCode(), () -> name + " " + in + "\n" + r);
          List<Map<String, String>> rows = Tables.readCsv(out);
          assertEquals(List.of("2", "#ERROR!", "6"), rows.stream().map(m -> m.get("value")).toList(), name + " " + in);
          assertEquals(List.of("1", "3"), List.of(rows.get(0).get("a"), rows.get(2).get("a")), name + " " + in);
          assertTrue(rows.get(1).get("message").startsWith("malformed input line: "), () -> rows.get(1).toString());
        }
      } finally {
        spark.conf().unset(CONF);
      }
    }
  }

  @Test
  void columnNamedLikeTheInternalOneIsTheUsers() throws IOException {
    String own = ResultColumns.CORRUPT_RECORD;
    Path csv = write("own.csv", "expression," + own + "\n=" + own + "&\"!\",mine\n=1,2,3\n");
    Path json = write("own.json", "{\"expression\":\"=" + own + "&\\\"!\\\"\",\"" + own.toUpperCase(java.util.Locale.ROOT) + "\":\"mine\"}\n"
        + "{\"expression\":\"=1+\n");
    for (Path in : List.of(csv, json)) {
      Path out = run(in, "tasks");
      List<Map<String, String>> rows = Tables.readCsv(out);
      String column = in == csv ? own : own.toUpperCase(java.util.Locale.ROOT);
      assertEquals(List.of("mine!", "#ERROR!"), rows.stream().map(m -> m.get("value")).toList(), in.toString());
      assertEquals("mine", rows.get(0).get(column), in.toString());
      assertTrue(rows.get(1).get("message").startsWith("malformed input line: "), in.toString());
    }
    // --group-column naming the internal column of an input without it: no group column (one task per row)
    Path lines = write("group.csv", "expression\n=1\n=1,2\n=3\n");
    CliRun r = CliRun.of("evaluate", "--input", lines.toString(), "--mode", "tasks",
        "--group-column", own, "--output", dir.resolve("own-group.csv").toString());
    assertEquals(0, r.exitCode(), r::toString);
    assertTrue(r.out().contains("3 groups"), r::toString);
  }

  @Test
  void issue16_csvOptionCannotMoveTheMalformedLines() throws IOException {
    Path csv = write("opt.csv", "expression,a\n=a*2,1\n=1,2,3\n");
    CliRun r = CliRun.of("evaluate", "--input", csv.toString(), "--output", dir.resolve("opt-out.csv").toString(),
        "--csv-option", "columnNameOfCorruptRecord=a");
    assertEquals(2, r.exitCode(), r::toString);
    assertTrue(r.err().contains("columnNameOfCorruptRecord"), r::toString);
  }

  @Test
  void issue16_parquetAndLibraryColumnNamedCorruptRecordIsTheUsers() throws IOException {
    StructType schema = new StructType().add("expression", DataTypes.StringType)
        .add("_corrupt_record", DataTypes.StringType);
    var data = spark.createDataFrame(List.of(RowFactory.create("=_corrupt_record&\"!\"", "mine"),
        RowFactory.create("=1+1", "x")), schema);
    Path parquet = dir.resolve("in.parquet");
    data.coalesce(1).write().parquet(parquet.toString());
    for (String mode : MODES) {
      expect(run(parquet, mode), List.of("mine!", "2"), List.of("mine", "x"), List.of("", ""), mode);
    }
    List<org.apache.spark.sql.Row> out = Xlspark.evaluate(data, EvaluateOptions.defaults()).collectAsList();
    assertEquals(RowFactory.create("=_corrupt_record&\"!\"", "mine", "TEXT", "mine!", null, null), out.get(0));
    assertEquals(RowFactory.create("=1+1", "x", "NUMBER", "2", 2.0, null), out.get(1));
  }

  @Test
  @NeedsSparkExcel
  void issue16_xlsxHeaderNamedCorruptRecordIsTheUsers() throws IOException {
    Path book = dir.resolve("in.xlsx");
    try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream os = Files.newOutputStream(book)) {
      Sheet s = wb.createSheet("data");
      String[][] cells = {{"expression", "_corrupt_record"}, {"=_corrupt_record&\"!\"", "mine"}, {"=1+1", "x"}};
      for (int i = 0; i < cells.length; i++) {
        Row r = s.createRow(i);
        r.createCell(0).setCellValue(cells[i][0]);
        r.createCell(1).setCellValue(cells[i][1]);
      }
      wb.write(os);
    }
    expect(run(book, "pool"), List.of("mine!", "2"), List.of("mine", "x"), List.of("", ""), "xlsx");
  }

  private CliRun runOnly(Path in, Path out, String mode) {
    return CliRun.of("evaluate", "--input", in.toString(), "--output", out.toString(), "--single-file", "--mode", mode);
  }

  private Path run(Path in, String mode) {
    Path out = dir.resolve("out-" + in.getFileName() + "-" + mode + ".csv");
    CliRun r = runOnly(in, out, mode);
    assertEquals(0, r.exitCode(), () -> in + " " + mode + "\n" + r);
    return out;
  }

  private static void expect(Path out, List<String> values, List<String> users, List<String> messages, String what)
      throws IOException {
    List<String> header = Tables.header(out);
    assertEquals(1, header.stream().filter(h -> h.equals("_corrupt_record")).count(), () -> what + " " + header);
    List<Map<String, String>> rows = Tables.readCsv(out);
    assertEquals(values, rows.stream().map(m -> m.get("value")).toList(), what);
    assertEquals(users, rows.stream().map(m -> m.get("_corrupt_record")).toList(), what);
    assertEquals(messages, rows.stream().map(m -> m.get("message")).toList(), what);
  }

  private Path write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return p;
  }
}

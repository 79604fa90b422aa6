package xlspark.spark.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xlspark.spark.SharedSpark;
import xlspark.spark.core.ResultColumns;

/**
 * The driver's scan says a CSV may be read line by line only when Spark's line reader gives exactly the rows of
 * its multi-line reader: checked against Spark on hand-picked traps and on seeded random CSV files.
 */
class CsvLineScanSparkTest {
  @TempDir
  Path dir;

  private final SparkSession spark = SharedSpark.session();

  static final Map<String, String> TRAPS = new LinkedHashMap<>();

  static {
    TRAPS.put("plain", "id,expression\n1,=1+2\n2,\"=IF(a>1,\"\"x\"\",\"\"y\"\")\"\n");
    TRAPS.put("crlf", "id,expression\r\n1,=1\r\n\r\n2,=2\r\n");
    TRAPS.put("blank lines", "\n\nid,expression\n\n1,=1\n\n2,=2");
    TRAPS.put("bom", "\uFEFFid,expression\n1,=1\n2,=2\n");
    TRAPS.put("malformed", "id,expression\n1,=1,x\n2\n3,\"=\"\"a\"\"\"\n");
    TRAPS.put("quoted line break", "id,expression\n1,\"=IF(a,\n1,2)\"\n2,=2\n");
    TRAPS.put("quoted crlf", "id,expression\r\n1,\"a\r\nb\"\r\n");
    TRAPS.put("spaces line", "id,expression\n1,=1\n   \n2,=2\n");
    TRAPS.put("tab line", "id,expression\n1,=1\n\t\n2,=2\n");
    TRAPS.put("nul line", "id,expression\n1,=1\n\u0000\n2,=2\n");
    TRAPS.put("mixed ends", "id,expression\r\n1,=1\n2,=2\r\n");
    TRAPS.put("lone cr", "id,expression\r1,=1\r2,=2\r");
    TRAPS.put("unterminated", "id,expression\n1,\"abc\n");
    TRAPS.put("mid quote", "id,expression\n1,a\"b\n2,=2\n");
    TRAPS.put("after quote", "id,expression\n1,\"a\"b\n2,=2\n");
    TRAPS.put("space before quote", "id,expression\n1, \"a,b\"\n2,=2\n");
    TRAPS.put("empty", "");
    TRAPS.put("header only", "id,expression\n");
  }

  @Test
  void trapsAreReadLineByLineOnlyWhenThatChangesNothing() throws IOException {
    List<String> lineSafe = new ArrayList<>();
    for (Map.Entry<String, String> t : TRAPS.entrySet()) {
      Path f = dir.resolve(t.getKey().replace(' ', '-') + ".csv");
      Files.writeString(f, t.getValue(), StandardCharsets.UTF_8);
      if (check(f)) {
        lineSafe.add(t.getKey());
      }
    }
    assertEquals(List.of("plain", "crlf", "blank lines", "bom", "malformed", "empty", "header only"), lineSafe,
        "a quoted line break, a blank-looking line, mixed or lone CR line ends, an open quote or a stray quote "
            + "keep the multi-line reader");
  }

  @Test
  void randomFilesAreReadLineByLineOnlyWhenThatChangesNothing() throws IOException {
    Random random = new Random(20240131);
    int lineSafe = 0;
    for (int i = 0; i < 40; i++) {
      Path f = dir.resolve("random-" + i + ".csv");
      Files.write(f, RandomCsv.file(random, 1 + random.nextInt(30)).getBytes(StandardCharsets.UTF_8));
      if (check(f)) {
        lineSafe++;
      }
    }
    assertTrue(lineSafe >= 8 && lineSafe <= 32, "the generator makes both kinds of file: " + lineSafe + " of 40");
  }

  /** Scans {@code f}; when it is line-safe, Spark's two readers must agree on it. Returns the scan's answer. */
  private boolean check(Path f) throws IOException {
    byte[] bytes = Files.readAllBytes(f);
    CsvLineScan scan = new CsvLineScan(',', '"', true);
    CsvLineScan.Result r = scan.scan(List.of(new CsvLineScan.File(f.toString(), bytes.length)),
        i -> new ByteArrayInputStream(bytes), 3, true);
    if (r.oneLinePerRecord()) {
      List<Row> multi = read(f, true);
      assertEquals(multi, read(f, false), () -> f + " was judged line-safe: " + new String(bytes,
          StandardCharsets.UTF_8).replace("\r", "\\r").replace("\n", "\\n"));
      assertEquals(multi.size(), r.totalRows(), () -> "rows counted in " + f);
    } else {
      assertTrue(r.why() != null && !r.why().isBlank());
    }
    return r.oneLinePerRecord();
  }

  private List<Row> read(Path f, boolean multiLine) {
    Map<String, String> o = FormulaSource.csvReadOptions(Map.of("multiLine", String.valueOf(multiLine)));
    StructType header = spark.read().options(o).csv(f.toString()).schema();
    if (header.isEmpty()) {
      return List.of();
    }
    StructType schema = header.add(ResultColumns.CORRUPT_RECORD, DataTypes.StringType, true);
    return spark.read().options(o).schema(schema).csv(f.toString()).collectAsList();
  }

  @Test
  void scanStopsAtTheFirstQuotedLineBreak() throws IOException {
    String text = "id,expression\n1,\"a\nb\"\n" + "2,=2\n".repeat(1000);
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    CsvLineScan.Result r = new CsvLineScan(',', '"', true).scan(
        List.of(new CsvLineScan.File("f.csv", bytes.length)), i -> new ByteArrayInputStream(bytes), 2, true);
    assertFalse(r.oneLinePerRecord());
    assertTrue(r.why().contains("quoted field spans lines"), r.why());
  }
}

package xlspark.spark.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xlspark.spark.SharedSpark;

/** The driver reads a CSV header into the very column names Spark's schema inference gives, without a job. */
class CsvHeaderSparkTest {
  @TempDir
  Path dir;

  private final SparkSession spark = SharedSpark.session();

  @Test
  void namesAreSparksNames() throws IOException {
    Map<String, String> cases = new LinkedHashMap<>();
    cases.put("plain", "id,expression,price\n1,=1,2\n");
    cases.put("quoted", "\"id\",\"a,b\",\"say \"\"x\"\"\"\n1,2,3\n");
    cases.put("empty names", "id,,expression,\n1,2,3,4\n");
    cases.put("spaces", " id , expression \n1,2\n");
    cases.put("bom", "\uFEFFid,expression\n1,=1\n");
    cases.put("blank first", "\n\n  \nid,expression\n1,=1\n");
    cases.put("crlf", "id,expression\r\n1,=1\r\n");
    cases.put("non-ascii", "prix €,größe,expression\n1,2,=1\n");
    cases.put("case duplicates", "id,ID,expression\n1,2,=1\n");
    cases.put("empty", "");
    cases.put("blank only", "\n\n");
    for (Map.Entry<String, String> c : cases.entrySet()) {
      Path f = Files.writeString(dir.resolve(c.getKey().replace(' ', '-') + ".csv"), c.getValue(),
          StandardCharsets.UTF_8);
      for (boolean multiLine : new boolean[] {false, true}) {
        check(c.getKey(), f, Map.of("multiLine", String.valueOf(multiLine)), multiLine);
        check(c.getKey() + " without header", f, Map.of("multiLine", String.valueOf(multiLine), "header", "false"),
            multiLine);
      }
      check(c.getKey() + " with nullValue", f, Map.of("multiLine", "false", "nullValue", "id"), false);
    }
    Path multi = Files.writeString(dir.resolve("multi.csv"), "\"id\nnumber\",expression\n1,=1\n");
    check("a name with a line break", multi, Map.of("multiLine", "true"), true);
    Path latin = dir.resolve("latin.csv");
    Files.write(latin, "prix,taille é,expression\n1,2,=1\n".getBytes(StandardCharsets.ISO_8859_1));
    check("latin-1", latin, Map.of("multiLine", "false", "encoding", "ISO-8859-1"), false);
  }

  private void check(String what, Path f, Map<String, String> user, boolean multiLine) {
    Map<String, String> options = FormulaSource.csvReadOptions(user);
    Optional<StructType> mine = CsvHeader.read(spark, List.of(f.toString()), options, multiLine);
    assertTrue(mine.isPresent(), what);
    StructType spark = this.spark.read().options(options).option("inferSchema", "false").csv(f.toString()).schema();
    assertEquals(spark, mine.get(), what);
  }
}

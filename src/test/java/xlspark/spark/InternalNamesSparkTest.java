package xlspark.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xlspark.cli.CliRun;

/** Issue 16 §2: a user column named like an internal one is the user's column; the internal name steps aside. */
class InternalNamesSparkTest {
  @TempDir
  Path dir;

  @Test
  void issue16_headerNamedLikeTheRowIndexIsPassedThrough() throws IOException {
    Path in = dir.resolve("in.csv");
    Files.writeString(in, "expression,__xlspark_row,__XLSPARK_ROW_2,group\n"
        + "=__xlspark_row&\"!\",mine,also mine,g1\n=1+1,x,y,g2\n=__XLSPARK_ROW_2,a,b,g1\n", StandardCharsets.UTF_8);
    for (String mode : List.of("serial", "pool", "tasks", "auto")) {
      Path out = dir.resolve("out-" + mode + ".csv");
      CliRun run = CliRun.of("evaluate", "--input", in.toString(), "--output", out.toString(), "--single-file",
          "--mode", mode);
      assertEquals(0, run.exitCode(), () -> mode + "\n" + run);
      assertEquals(List.of("id", "expression", "__xlspark_row", "__XLSPARK_ROW_2", "group", "type", "value", "number",
          "message"), Tables.header(out), mode);
      List<Map<String, String>> rows = Tables.readCsv(out);
      assertEquals(List.of("mine", "x", "a"), rows.stream().map(r -> r.get("__xlspark_row")).toList(), mode);
      assertEquals(List.of("mine!", "2", "b"), rows.stream().map(r -> r.get("value")).toList(), mode);
      assertEquals(List.of("1", "2", "3"), rows.stream().map(r -> r.get("id")).toList(), mode);
    }
  }

  @Test
  void rowIndexNameStepsAsideFromEveryInputName() {
    assertEquals("__xlspark_row", ResultColumns.rowIndexName(new StructType().add("a", DataTypes.StringType)));
    assertEquals("__xlspark_row_3", ResultColumns.rowIndexName(new StructType()
        .add("__XLSPARK_ROW", DataTypes.StringType).add("__xlspark_row_2", DataTypes.LongType)));
  }
}

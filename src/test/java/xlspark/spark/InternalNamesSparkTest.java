package xlspark.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import xlspark.spark.core.ResultColumns;

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
  void issue16_headerFoldingLikeTheRowIndexIsPassedThrough() throws IOException {
    // 'ſ' (long s) folds like 's': Spark's case-insensitive resolution takes __xlſpark_row for __xlspark_row
    Path in = dir.resolve("fold.csv");
    Files.writeString(in, "expression,__xl\u017Fpark_row,group\n=__XL\u017FPARK_ROW&\"!\",mine,g1\n=1+1,x,g2\n",
        StandardCharsets.UTF_8);
    for (String mode : List.of("pool", "tasks")) {
      Path out = dir.resolve("fold-" + mode + ".csv");
      CliRun run = CliRun.of("evaluate", "--input", in.toString(), "--output", out.toString(), "--single-file",
          "--mode", mode);
      assertEquals(0, run.exitCode(), () -> mode + "\n" + run);
      assertEquals(List.of("id", "expression", "__xl\u017Fpark_row", "group", "type", "value", "number", "message"),
          Tables.header(out), mode);
      List<Map<String, String>> rows = Tables.readCsv(out);
      assertEquals(List.of("mine", "x"), rows.stream().map(r -> r.get("__xl\u017Fpark_row")).toList(), mode);
      assertEquals(List.of("mine!", "2"), rows.stream().map(r -> r.get("value")).toList(), mode);
    }
  }

  @Test
  void issue16_columnFoldingLikeAResultColumnIsRefused() throws IOException {
    Path in = dir.resolve("clash.csv");
    Files.writeString(in, "expression,me\u017F\u017Fage\n=1,a\n", StandardCharsets.UTF_8);
    CliRun run = CliRun.of("evaluate", "--input", in.toString(), "--output", dir.resolve("clash-out.csv").toString());
    assertEquals(2, run.exitCode(), run::toString);
    assertTrue(run.err().contains("has the name of a result column"), run::toString);
  }

  @Test
  void issue16_groupColumnNamedLikeSparkSyntaxOrAnInternalAlias() throws IOException {
    // a dot is Spark's field access and backticks its quoting; "first" was the alias of the groups' first rows
    for (String group : List.of("first", "g.x", "`g`", "min(__xlspark_row)")) {
      Path in = dir.resolve("group.csv");
      Files.writeString(in, "expression,\"" + group + "\"\n=1+1,a\n=2+2,b\n=3+3,a\n", StandardCharsets.UTF_8);
      Path out = dir.resolve("group-out.csv");
      CliRun run = CliRun.of("evaluate", "--input", in.toString(), "--output", out.toString(), "--single-file",
          "--overwrite", "--mode", "tasks", "--group-column", group);
      assertEquals(0, run.exitCode(), () -> group + "\n" + run);
      assertTrue(run.out().contains("2 groups"), () -> group + "\n" + run);
      List<Map<String, String>> rows = Tables.readCsv(out);
      assertEquals(List.of("a", "b", "a"), rows.stream().map(r -> r.get(group)).toList(), group);
      assertEquals(List.of("2", "4", "6"), rows.stream().map(r -> r.get("value")).toList(), group);
    }
  }

  @Test
  void issue16_resultPrefixNamedLikeSparkSyntax() throws IOException {
    Path in = dir.resolve("prefix.csv");
    Files.writeString(in, "expression\n=SUM(1,\n=1\n", StandardCharsets.UTF_8);
    for (String prefix : List.of("r.", "`r`_")) {
      // a dry run without --output lists the failing rows, found by the result columns' names
      CliRun run = CliRun.of("evaluate", "--input", in.toString(), "--dry-run", "--result-prefix", prefix);
      assertEquals(0, run.exitCode(), () -> prefix + "\n" + run);
      assertTrue(run.out().contains("\n  1: "), () -> prefix + "\n" + run);
    }
  }

  @Test
  void issue16_varsFoldingAlikeAreRefused() throws IOException {
    Path in = dir.resolve("vars.csv");
    Files.writeString(in, "expression\n=s*10\n", StandardCharsets.UTF_8);
    for (String[] pair : new String[][] {{"rate", "RATE"}, {"Tax_1", "tAX_1"}}) {
      CliRun run = CliRun.of("evaluate", "--input", in.toString(), "--output", dir.resolve("vars-out.csv").toString(),
          "--var", pair[0] + "=1", "--var", pair[1] + "=2");
      assertEquals(2, run.exitCode(), run::toString);
      assertTrue(run.err().contains("--var '" + pair[0] + "' and '" + pair[1] + "' are one name"), run::toString);
    }
    CliRun book = CliRun.of("workbook", "--input", dir.toString(), "--var", "a=1", "--var", "A=2");
    assertEquals(2, book.exitCode(), book::toString);
    assertTrue(book.err().contains("--var 'a' and 'A' are one name"), book::toString);
  }

  @Test
  void issue16_unnamedCsvColumnStepsAsideFromTheUsersName() throws IOException {
    // Spark names the unnamed second column _c1, the name of the user's third; read line by line, and multiLine
    String rows = "=_c1&\"!\",x,mine\n=LEN(_C1),\"y\ny\",four\n";
    for (String text : List.of("expression,,_c1\n" + rows.replace("\"y\ny\"", "yy"),
        "expression,\"\",_c1\n" + rows)) {
      Path in = dir.resolve("unnamed.csv");
      Files.writeString(in, text, StandardCharsets.UTF_8);
      Path out = dir.resolve("unnamed-out.csv");
      CliRun run = CliRun.of("evaluate", "--input", in.toString(), "--output", out.toString(), "--single-file",
          "--overwrite");
      assertEquals(0, run.exitCode(), run::toString);
      assertEquals(List.of("id", "expression", "_c1_2", "_c1", "type", "value", "number", "message"),
          Tables.header(out));
      List<Map<String, String>> got = Tables.readCsv(out);
      assertEquals(List.of("mine!", "4"), got.stream().map(r -> r.get("value")).toList());
      assertEquals("x", got.get(0).get("_c1_2"));
    }
  }

  @Test
  void rowIndexNameStepsAsideFromEveryInputName() {
    assertEquals("__xlspark_row", ResultColumns.rowIndexName(new StructType().add("a", DataTypes.StringType)));
    assertEquals("__xlspark_row_3", ResultColumns.rowIndexName(new StructType()
        .add("__XLSPARK_ROW", DataTypes.StringType).add("__xlspark_row_2", DataTypes.LongType)));
    assertEquals("__xlspark_row_2", ResultColumns.rowIndexName(new StructType()
        .add("__xl\u017Fpark_row", DataTypes.StringType)));
  }
}

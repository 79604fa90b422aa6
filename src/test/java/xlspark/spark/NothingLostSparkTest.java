package xlspark.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xlspark.cli.CliRun;

/** Every input row yields exactly one output row, in order, whatever it contains. */
class NothingLostSparkTest {
  @TempDir
  Path dir;

  static final String BIG = "x".repeat(32_000);

  /**
   * Writes the nasty input: 32k cells, broken quotes, too many and too few fields, NUL, emoji, quoted line breaks;
   * 17 rows, r1..r17 (also evaluated on every platform build by PlatformOutputsSparkTest).
   */
  static Path writeNastyCsv(Path in) throws IOException {
    String big = BIG;
    List<String> lines = new ArrayList<>();
    lines.add("id,expression,a,t");
    lines.add("r1,=1+2,1,plain");
    lines.add("r2,\"=SUM(1,\",1,");
    lines.add("r3,,,");
    lines.add("r4,=a+1,abc,");
    lines.add("r5,=NOSUCHFUNCTION(a),1,");
    lines.add("r6,=nosuchvariable*2,1,");
    lines.add("r7,\"=LEN(t)\",1,\"" + big + "\"");
    lines.add("r8,\"=\"\"" + big + "\"\"\",,");
    lines.add("r9,\"=UPPER(t)&\"\" ünï €\"\"\",,\"grüße 😀 שלום\"");
    lines.add("r10,\"=IF(a>1,\n\"\"multi\nline\"\",\"\"no\"\")\",2,");
    lines.add("r11,=1+1,1,too,many,fields");
    lines.add("r12,=1+1");
    lines.add("r13,=\"unterminated,1,");
    lines.add("r14,=a,TRUE,");
    lines.add("r15,\"=(((((((((((((((((((((((((((((((1)))))))))))))))))))))))))))))))\",,");
    lines.add("r16,=\u0000odd,,");
    lines.add("r17,=1/0,,");
    Files.writeString(in, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    return in;
  }

  @Test
  void nastyCsvKeepsEveryIdInOrder() throws IOException {
    String big = BIG;
    Path in = writeNastyCsv(dir.resolve("nasty.csv"));
    for (String mode : List.of("serial", "pool", "tasks")) {
      Path out = dir.resolve("out-" + mode + ".csv");
      CliRun run = CliRun.of("evaluate", "--input", in.toString(), "--output", out.toString(), "--single-file",
          "--mode", mode);
      assertEquals(0, run.exitCode(), run::toString);
      List<Map<String, String>> rows = Tables.readCsv(out);
      List<String> ids = rows.stream().map(r -> r.get("id")).toList();
      List<String> expected = new ArrayList<>();
      for (int i = 1; i <= 17; i++) {
        expected.add("r" + i);
      }
      assertEquals(expected, ids, mode);
      Map<String, String> tooMany = rows.get(10);
      assertEquals("ERROR", tooMany.get("type"), tooMany::toString);
      assertTrue(tooMany.get("message").contains("r11,=1+1,1,too,many,fields"), tooMany::toString);
      assertEquals("ERROR", rows.get(11).get("type"), "a line with too few fields is malformed");
      assertEquals("NUMBER", rows.get(0).get("type"));
      assertEquals("BLANK", rows.get(2).get("type"));
      assertEquals("32000", rows.get(6).get("value"));
      Map<String, String> longLiteral = rows.get(7);
      assertTrue(longLiteral.get("type").equals("ERROR") || longLiteral.get("value").equals(big),
          "a 32k text literal is either kept or refused (Excel allows 255 characters in a formula literal)");
      for (Map<String, String> r : rows) {
        assertTrue(List.of("NUMBER", "TEXT", "BOOLEAN", "ERROR", "BLANK").contains(r.get("type")), r::toString);
      }
    }
  }

  @Test
  void folderIdsFollowFileNameOrder() throws IOException {
    Path folder = Files.createDirectories(dir.resolve("in"));
    // sizes differ on purpose: Spark packs splits by size, not by name
    Tables.csv(folder.resolve("b.csv"), List.of(List.of("expression"), List.of("=\"b1\""), List.of("=\"b2\"")));
    List<List<String>> a = new ArrayList<>(List.of(List.of("expression")));
    for (int i = 1; i <= 50; i++) {
      a.add(List.of("=\"a" + i + "\""));
    }
    Tables.csv(folder.resolve("a.csv"), a);
    Tables.csv(folder.resolve("c.csv"), List.of(List.of("expression"), List.of("=\"c1\"")));
    Files.writeString(folder.resolve("_SUCCESS"), "");
    Path out = dir.resolve("out.csv");
    CliRun run = CliRun.of("evaluate", "--input", folder.toString(), "--output", out.toString(), "--single-file",
        "--mode", "pool");
    assertEquals(0, run.exitCode(), run::toString);
    List<Map<String, String>> rows = Tables.readCsv(out);
    assertEquals(53, rows.size());
    List<String> values = rows.stream().map(r -> r.get("value")).toList();
    assertEquals("a1", values.get(0));
    assertEquals("a50", values.get(49));
    assertEquals(List.of("b1", "b2", "c1"), values.subList(50, 53));
    for (int i = 0; i < rows.size(); i++) {
      assertEquals(String.valueOf(i + 1), rows.get(i).get("id"));
    }
  }
}

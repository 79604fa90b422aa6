package xlspark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.apache.spark.SparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xlspark.spark.SharedSpark;
import xlspark.spark.Tables;

/**
 * Issue 16, through the command line: column names matched by one fold (section 1), every JSON record a row
 * (section 2), {@code --max-tasks} refused before the input is indexed and {@code generate --from} refusing a
 * duplicate header (section 5).
 */
class HostileInputSparkTest {
  @TempDir
  Path dir;

  Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }

  List<Map<String, String>> evaluate(Path in, String... extra) throws IOException {
    Path out = dir.resolve("out-" + in.getFileName() + ".csv");
    List<String> args = new ArrayList<>(List.of("evaluate", "--input", in.toString(), "--output", out.toString(),
        "--single-file", "--overwrite"));
    args.addAll(List.of(extra));
    CliRun run = CliRun.of(args.toArray(String[]::new));
    assertEquals(0, run.exitCode(), run::toString);
    return Tables.readCsv(out);
  }

  CliRun refused(Path in, String... extra) {
    List<String> args = new ArrayList<>(List.of("evaluate", "--input", in.toString(), "--output",
        dir.resolve("refused-" + in.getFileName()).toString(), "--single-file"));
    args.addAll(List.of(extra));
    CliRun run = CliRun.of(args.toArray(String[]::new));
    assertEquals(2, run.exitCode(), run::toString);
    assertFalse(Files.exists(dir.resolve("refused-" + in.getFileName())), run::toString);
    return run;
  }

  /** {@code ß} and {@code ss} are two names (the lexer's char-by-char fold): each formula reads its own column. */
  @Test
  void issue16_columnsAreMatchedByTheLexersFold() throws IOException {
    List<Map<String, String>> rows = evaluate(write("sharp-s.csv", "expression,ß,ss\n=ss,1,2\n=ß,1,2\n=SS*10,1,2\n"
        + "=Straße,1,2\n"));
    assertEquals("2", rows.get(0).get("value"), rows::toString);
    assertEquals("1", rows.get(1).get("value"), rows::toString);
    assertEquals("20", rows.get(2).get("value"), rows::toString);
    assertEquals("#NAME?", rows.get(3).get("value"), rows::toString);
    List<Map<String, String>> strasse = evaluate(write("strasse.csv", "expression,Straße\n=STRAßE+1,1\n=strasse,1\n"));
    assertEquals("2", strasse.get(0).get("value"), strasse::toString);
    assertEquals("#NAME?", strasse.get(1).get("value"), "STRASSE is another name: " + strasse);
  }

  /** Two columns one formula name would reach are a usage error in every format, as {@code a,A} already was. */
  @Test
  void issue16_columnsThatFoldAlikeAreAUsageError() throws IOException {
    assertTrue(refused(write("long-s.csv", "expression,ſ,s\n=s,1,2\n")).err().contains("appears twice"));
    assertTrue(refused(write("kelvin.csv", "expression,\u212A,k\n=k,1,2\n")).err().contains("appears twice"));
    assertTrue(refused(write("sigma.json", "{\"expression\":\"=σ\",\"ς\":1,\"σ\":2}\n")).err()
        .contains("appears twice"));
    String folder = dir.resolve("cases.parquet").toString();
    // Spark compares lower cases: s and ſ are two columns to it, one name to a formula
    SharedSpark.session().sql("SELECT * FROM VALUES ('=s', 1, 2) AS t(expression, s, `ſ`)").coalesce(1).write()
        .parquet(folder);
    CliRun parquet = refused(Path.of(folder), "--input-format", "parquet");
    assertTrue(parquet.err().contains("column 'ſ' appears twice in the input (as 's' and 'ſ'"), parquet::toString);
  }

  /** A line with two JSON objects is one ERROR row with the raw line; nothing vanishes, the order holds. */
  @Test
  void issue16_twoJsonObjectsOnOneLineAreAMalformedRow() throws IOException {
    String two = "{\"expression\":\"=1+1\",\"a\":1}{\"expression\":\"=2+2\",\"a\":2}";
    String trailing = "{\"expression\":\"=3\",\"a\":3}, x";
    String nul = "\u0000{\"expression\":\"=4\"}";
    Path in = write("two.json", "{\"expression\":\"=a*10\",\"a\":5}\n" + two + "\n" + trailing + "\n"
        + "[{\"expression\":\"=7\",\"a\":1},{\"expression\":\"=8\",\"a\":1}]\n" + nul + "\n"
        + "{\"expression\":\"=\\\"}{\\\"\",\"a\":6}  \n");
    List<Map<String, String>> rows = evaluate(in);
    assertEquals(7, rows.size(), rows::toString);
    assertEquals("50", rows.get(0).get("value"));
    assertEquals("ERROR", rows.get(1).get("type"), rows::toString);
    assertEquals("malformed input line: " + two, rows.get(1).get("message"));
    assertEquals("malformed input line: " + trailing, rows.get(2).get("message"));
    assertEquals("7", rows.get(3).get("value"), "a top-level array gives a row per object: " + rows);
    assertEquals("8", rows.get(4).get("value"), rows::toString);
    assertEquals("malformed input line: " + nul, rows.get(5).get("message"), "the raw line, unchanged");
    assertEquals("}{", rows.get(6).get("value"), "braces inside a string are text: " + rows);

    Path folder = Files.createDirectories(dir.resolve("json-folder"));
    for (int f = 0; f < 3; f++) {
      StringBuilder s = new StringBuilder();
      for (int r = 0; r < 40; r++) {
        s.append(f == 1 && r == 5 ? "{\"expression\":\"=0\"}{\"expression\":\"=0\"}"
            : "{\"expression\":\"=" + (f * 100 + r) + "\"}").append('\n');
      }
      Files.writeString(folder.resolve("part-" + f + ".json"), s.toString());
    }
    List<Map<String, String>> all = evaluate(folder);
    assertEquals(120, all.size());
    for (int i = 0; i < 120; i++) {
      int f = i / 40;
      int r = i % 40;
      assertEquals(f == 1 && r == 5 ? "#ERROR!" : String.valueOf(f * 100 + r), all.get(i).get("value"),
          "row " + i + " in order");
    }
  }

  /** Records the descriptions of the Spark jobs a command runs. */
  static List<String> jobsOf(Runnable command) {
    List<String> descriptions = Collections.synchronizedList(new ArrayList<>());
    SparkListener listener = new SparkListener() {
      @Override
      public void onJobStart(SparkListenerJobStart start) {
        String d = start.properties() == null ? null : start.properties().getProperty("spark.job.description");
        descriptions.add(String.valueOf(d));
      }
    };
    SparkContext sc = SharedSpark.session().sparkContext();
    sc.addSparkListener(listener);
    try {
      command.run();
      sc.listenerBus().waitUntilEmpty(10_000);
    } catch (TimeoutException e) {
      throw new AssertionError(e);
    } finally {
      sc.removeSparkListener(listener);
    }
    return descriptions;
  }

  /** Tasks mode refuses from a cheap count of the groups, before the job reads and indexes the input. */
  @Test
  void issue16_maxTasksRefusesBeforeTheInputIsIndexed() throws IOException {
    StringBuilder json = new StringBuilder();
    StringBuilder csv = new StringBuilder("expression,group\n");
    for (int i = 0; i < 50; i++) {
      json.append("{\"expression\":\"=").append(i).append("\"}\n");
      csv.append("=").append(i).append(",g").append(i % 20).append('\n');
    }
    Path perRow = write("rows.json", json.toString());
    Path grouped = write("groups.csv", csv.toString());
    CliRun[] runs = new CliRun[2];
    List<String> jobs = jobsOf(() -> {
      runs[0] = refused(perRow, "--mode", "tasks", "--max-tasks", "10");
      runs[1] = refused(grouped, "--mode", "tasks", "--max-tasks", "10");
    });
    assertTrue(runs[0].err().contains("50 expressions and no 'group' column"), runs[0]::toString);
    assertTrue(runs[1].err().contains("about ") && runs[1].err().contains(" distinct values in 'group'"),
        runs[1]::toString);
    assertTrue(jobs.stream().noneMatch(d -> d.startsWith("xlspark: read and index")), jobs::toString);
    assertTrue(jobs.stream().anyMatch(d -> d.startsWith("xlspark: count the groups")), jobs::toString);
    List<Map<String, String>> ok = evaluate(grouped, "--mode", "tasks", "--max-tasks", "20");
    assertEquals(50, ok.size(), "20 groups fit --max-tasks 20");
  }

  /** {@code generate --from} refuses a header naming a column twice (folded), like evaluate: exit 2, nothing written. */
  @Test
  void issue16_generateFromACsvWithADuplicateHeaderExits2() throws IOException {
    for (String header : List.of("expression,a,a", "expression,a,A", "expression,ſ,S")) {
      Path in = write("dup.csv", header + "\n=1,1,2\n");
      for (String ext : List.of("csv", "xlsx")) {
        Path out = dir.resolve("dup-out." + ext);
        CliRun run = CliRun.of("generate", "--from", in.toString(), "--output", out.toString());
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().contains("appears twice in the header of"), run::toString);
        assertFalse(Files.exists(out), run::toString);
      }
    }
  }
}

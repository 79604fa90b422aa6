package xlspark.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xlspark.cli.CliRun;
import xlspark.spark.NeedsSparkExcel;
import xlspark.spark.SharedSpark;
import xlspark.spark.Tables;

/**
 * Broken input files through the command line, in-process on the shared session. Each either fails before any
 * evaluation (exit 2, one line on stderr, no output, no temporary files left) or gives a documented outcome per
 * row (exit 0, one output row per input row):
 *
 * <pre>
 * input                                   outcome
 * CSV cut inside a quoted field / a line  exit 0; the cut line is an ERROR row "malformed input line: ..."
 * CSV of random bytes, Latin-1 without    exit 2 "... is not UTF-8 (invalid byte at offset N); give its encoding
 *   --csv-option encoding, UTF-16           with --csv-option encoding=NAME" (UTF-16: "... is UTF-16 text")
 * CSV with the right --csv-option encoding exit 0, text as written
 * CSV with a UTF-8 byte order mark        exit 0, the mark is not part of the first column's name
 * empty CSV/JSON file, header-only xlsx   exit 2 "no columns in ...: the file or sheet is empty"
 * header-only CSV (zero rows)             exit 0, a warning, an output with the header and no rows
 * a column twice in a CSV header          exit 2 "column 'a' appears twice in the header of ..."
 * (also 'a' and 'A'; also 'expression')
 * JSON with a key twice                   exit 2 "... [COLUMN_ALREADY_EXISTS] The column `a` already exists"
 * no expression column                    exit 2 "no 'expression' column in ... (columns: ...)"
 * a variable column missing               exit 0; rows naming it are #NAME? "unknown variable B"
 * JSON cut inside the last object         exit 0; that line is an ERROR row "malformed input line: ..."
 * JSON of random bytes                    exit 2 "cannot read ... as json: no line is a JSON object"
 * a pretty-printed JSON array             exit 0; the "[" and "]" lines are ERROR rows, the objects evaluate
 * Parquet cut, random, empty, corrupted   exit 2 "cannot read ... as parquet: ... is not a Parquet file ..."
 * xlsx cut, random, empty                 exit 2 "cannot read ... as xlsx: Truncated ZIP file" (or POI's reason)
 * </pre>
 */
class BrokenInputSparkTest {
  static final String GOOD_CSV = "id,expression,a\n1,=1+1,1\n2,=a*3,2\n3,\"=LEN(\"\"abc\"\")\",3\n";

  @TempDir
  Path dir;

  Path write(String name, byte[] bytes) throws IOException {
    return Files.write(dir.resolve(name), bytes);
  }

  Path text(String name, String s, Charset cs) throws IOException {
    return write(name, s.getBytes(cs));
  }

  static byte[] garbage(int n) {
    byte[] b = new byte[n];
    new Random(6).nextBytes(b);
    return b;
  }

  /** Runs evaluate on one input into a single CSV file; checks the no-half-output rules on the way. */
  Outcome run(Path input, String... extra) throws IOException {
    Path out = dir.resolve("out-" + input.getFileName() + ".csv");
    List<String> args = new ArrayList<>(List.of("evaluate", "--input", input.toString(), "--output", out.toString(),
        "--single-file"));
    args.addAll(Arrays.asList(extra));
    CliRun run = CliRun.of(args.toArray(String[]::new));
    try (Stream<Path> s = Files.list(dir)) {
      assertEquals(List.of(), s.map(p -> p.getFileName().toString()).filter(n -> n.contains("xlspark-tmp")).toList(),
          "temporary output left behind");
    }
    if (run.exitCode() != 0) {
      assertFalse(Files.exists(out), () -> "output written by a failed run: " + run);
      assertEquals(1, run.err().strip().lines().count(), () -> "not a one-line reason: " + run);
      return new Outcome(run, List.of());
    }
    return new Outcome(run, extra.length > 0 ? List.of() : Tables.readCsv(out));
  }

  record Outcome(CliRun run, List<Map<String, String>> rows) {
    Outcome exit2(String reason) {
      assertEquals(2, run.exitCode(), run::toString);
      assertTrue(run.err().contains(reason), run::toString);
      return this;
    }

    Outcome ok(int rowCount) {
      assertEquals(0, run.exitCode(), run::toString);
      assertEquals(rowCount, rows.size(), rows::toString);
      return this;
    }

    Map<String, String> row(int i) {
      return rows.get(i);
    }
  }

  static void assertRow(Map<String, String> row, String type, String valueOrMessagePart) {
    assertEquals(type, row.get("type"), row::toString);
    assertTrue(row.get("value").equals(valueOrMessagePart) || row.get("message").contains(valueOrMessagePart),
        row::toString);
  }

  @Test
  void csv() throws IOException {
    Outcome quote = run(text("quote.csv", GOOD_CSV + "4,\"=LEN(\"\"ab", StandardCharsets.UTF_8)).ok(4);
    assertRow(quote.row(2), "NUMBER", "3");
    assertRow(quote.row(3), "ERROR", "malformed input line: 4,\"=LEN(\"\"ab");
    assertRow(run(text("cut.csv", GOOD_CSV + "4,=1+", StandardCharsets.UTF_8)).ok(4).row(3), "ERROR",
        "malformed input line: 4,=1+");
    run(write("garbage.csv", garbage(3000))).exit2("is not UTF-8");
    run(write("empty.csv", new byte[0])).exit2("no columns in");
    Outcome header = run(text("header.csv", "id,expression,a\n", StandardCharsets.UTF_8)).ok(0);
    assertTrue(header.run().err().contains("warning: the input has no rows"), header.run()::toString);

    String latin = "expression,t\n=t&\"!\",café\n=LEN(t),café\n";
    run(text("latin1.csv", latin, StandardCharsets.ISO_8859_1)).exit2("is not UTF-8 (invalid byte at offset 23)");
    Path latinOk = text("latin1ok.csv", latin, StandardCharsets.ISO_8859_1);
    assertEquals(0, run(latinOk, "--csv-option", "encoding=ISO-8859-1").run().exitCode());
    String written = new String(Files.readAllBytes(dir.resolve("out-latin1ok.csv.csv")), StandardCharsets.ISO_8859_1);
    assertTrue(written.contains("café!") && written.contains(",NUMBER,4,"), written);
    run(text("utf16.csv", "\uFEFFexpression,a\n=a+1,1\n", StandardCharsets.UTF_16LE)).exit2("is UTF-16 text");
    Outcome bom = run(write("bom.csv", ("\uFEFFexpression,a\n=a+1,1\n").getBytes(StandardCharsets.UTF_8))).ok(1);
    assertRow(bom.row(0), "NUMBER", "2");

    run(text("dup.csv", "expression,a,a\n=a+1,1,2\n", StandardCharsets.UTF_8)).exit2("column 'a' appears twice");
    run(text("dupcase.csv", "expression,a,A\n=a+1,1,2\n", StandardCharsets.UTF_8)).exit2("column 'A' appears twice");
    run(text("dupexpr.csv", "expression,expression\n=1,=2\n", StandardCharsets.UTF_8))
        .exit2("column 'expression' appears twice");
    run(text("noexpr.csv", "formula,a\n=1,1\n", StandardCharsets.UTF_8)).exit2("no 'expression' column");
    assertRow(run(text("missing.csv", "expression,a\n=b+1,1\n=a+1,1\n", StandardCharsets.UTF_8)).ok(2).row(0),
        "ERROR", "unknown variable B");
  }

  @Test
  void json() throws IOException {
    String json = "{\"expression\":\"=1+1\",\"a\":1}\n{\"expression\":\"=a*3\",\"a\":2}\n";
    Outcome cut = run(text("cut.json", json + "{\"expression\":\"=a", StandardCharsets.UTF_8)).ok(3);
    assertRow(cut.row(1), "NUMBER", "6");
    assertRow(cut.row(2), "ERROR", "malformed input line: {\"expression\":\"=a");
    run(write("garbage.json", garbage(3000))).exit2("no line is a JSON object");
    run(write("empty.json", new byte[0])).exit2("no columns in");
    Outcome array = run(text("array.json", "[\n" + json.replace("}\n{", "},\n{") + "]\n", StandardCharsets.UTF_8))
        .ok(4);
    assertRow(array.row(0), "ERROR", "malformed input line: [");
    assertRow(array.row(1), "NUMBER", "2");
    assertRow(array.row(3), "ERROR", "malformed input line: ]");
    run(text("dupkey.json", "{\"expression\":\"=a\",\"a\":1,\"a\":2}\n", StandardCharsets.UTF_8))
        .exit2("already exists");
  }

  @Test
  void parquet() throws IOException {
    String folder = dir.resolve("good.parquet.d").toString();
    SharedSpark.session().sql("SELECT * FROM VALUES ('=1+1', 1), ('=a*3', 2) AS t(expression, a)")
        .coalesce(1).write().parquet(folder);
    Path good;
    try (Stream<Path> s = Files.list(Path.of(folder))) {
      good = s.filter(f -> f.getFileName().toString().endsWith(".parquet")).findFirst().orElseThrow();
    }
    assertRow(run(good).ok(2).row(1), "NUMBER", "6");
    byte[] bytes = Files.readAllBytes(good);
    run(write("cut.parquet", Arrays.copyOf(bytes, bytes.length / 2))).exit2("is not a Parquet file");
    run(write("garbage.parquet", garbage(3000))).exit2("is not a Parquet file");
    run(write("empty.parquet", new byte[0])).exit2("is not a Parquet file");
    byte[] corrupt = bytes.clone();
    for (int i = 4; i < corrupt.length / 2; i++) {
      corrupt[i] = (byte) (corrupt[i] ^ 0x5A);
    }
    run(write("corrupt.parquet", corrupt)).exit2("cannot read");
  }

  @Test
  @NeedsSparkExcel
  void xlsx() throws IOException {
    Path good = xlsx("good.xlsx", GOOD_CSV);
    assertRow(run(good).ok(3).row(2), "NUMBER", "3");
    byte[] bytes = Files.readAllBytes(good);
    run(write("cut.xlsx", Arrays.copyOf(bytes, bytes.length / 2))).exit2("cannot read");
    run(write("garbage.xlsx", garbage(3000))).exit2("cannot read");
    run(write("empty.xlsx", new byte[0])).exit2("cannot read");
    run(xlsx("header.xlsx", "id,expression,a\n")).exit2("no columns in");
  }

  Path xlsx(String name, String csv) throws IOException {
    Path in = text(name + ".src.csv", csv, StandardCharsets.UTF_8);
    Path out = dir.resolve(name);
    CliRun r = CliRun.of("generate", "--from", in.toString(), "--output", out.toString());
    assertEquals(0, r.exitCode(), r::toString);
    return out;
  }
}

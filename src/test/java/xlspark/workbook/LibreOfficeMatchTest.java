package xlspark.workbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import xlspark.eval.EngineOptions;

/**
 * Expected values from a real spreadsheet engine: the feature corpus is generated without cached results,
 * LibreOffice recalculates and saves it (one soffice call for all files), and xlspark's results are compared
 * with LibreOffice's. Prints the match rate and writes {@code target/libreoffice/report.csv}. Skipped when
 * soffice is missing, unless {@code XLSPARK_REQUIRE_LIBREOFFICE=1} (set by .ci/run, which installs it).
 */
class LibreOfficeMatchTest {
  /** Books whose every cell must match: the reference mechanics this issue is about. */
  static final List<String> EXACT = List.of("sheets.xlsx", "names.xlsx", "tables.xlsx", "reference-functions.xlsx",
      "chains.xlsx", "basics.xlsx");
  /** Overall floor; the rest are functions not implemented yet and documented LibreOffice differences. */
  static final double MIN_MATCH_RATE = 90.0;

  @Test
  void xlsparkAgreesWithLibreOffice() throws IOException, InterruptedException {
    String soffice = soffice();
    if (soffice == null) {
      assertTrue(!"1".equals(System.getenv("XLSPARK_REQUIRE_LIBREOFFICE")), "soffice not found but required");
      Assumptions.abort("LibreOffice (soffice) is not installed: apt-get install libreoffice-calc");
    }
    Path base = Path.of("target", "libreoffice").toAbsolutePath();
    Path in = base.resolve("generated");
    Path out = base.resolve("recalculated");
    Files.createDirectories(out);
    List<Path> files = WorkbookGenerator.corpus(in);
    List<String> cmd = new ArrayList<>(List.of(soffice, "-env:UserInstallation=file://" + base.resolve("profile"),
        "--headless", "--calc", "--convert-to", "xlsx", "--outdir", out.toString()));
    files.forEach(f -> cmd.add(f.toString()));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(base.resolve("soffice.log").toFile()).start();
    assertTrue(p.waitFor(180, TimeUnit.SECONDS), "soffice did not finish in 180 s");
    long matched = 0;
    long compared = 0;
    try (PrintWriter report = new PrintWriter(Files.newBufferedWriter(base.resolve("report.csv"), StandardCharsets.UTF_8))) {
      report.println("workbook,cell,formula,xlspark,libreoffice,match,message");
      for (Path f : files) {
        Path recalculated = out.resolve(f.getFileName());
        assertTrue(Files.exists(recalculated), () -> "LibreOffice wrote no " + recalculated);
        WorkbookRun.Outcome o = WorkbookRun.run(recalculated, f.getFileName().toString(), Files.size(recalculated),
            EngineOptions.defaults(), false);
        for (CellResult c : o.cells()) {
          report.printf("%s,%s!%s,\"%s\",\"%s\",\"%s\",%s,\"%s\"%n", c.workbook(), c.sheet(), c.cell(),
              c.formula().replace("\"", "\"\""), c.value().replace("\"", "\"\""),
              c.cachedValue() == null ? "" : c.cachedValue().replace("\"", "\"\""), c.matchesCached(),
              c.message() == null ? "" : c.message().replace("\"", "\"\""));
        }
        WorkbookSummary s = o.summary();
        System.out.println("libreoffice: " + s.line());
        matched += s.matched();
        compared += s.matched() + s.mismatched();
        assertEquals(0, s.uncached(), () -> "LibreOffice left cells without results in " + f.getFileName());
        if (EXACT.contains(s.workbook())) {
          assertEquals(s.formulaCells(), s.matched(), () -> s.line() + " (see target/libreoffice/report.csv)");
        }
      }
    }
    double rate = 100.0 * matched / compared;
    String line = String.format(Locale.ROOT, "xlspark vs LibreOffice: %d of %d formula cells match (%.1f%%)",
        matched, compared, rate);
    System.out.println(line);
    Files.writeString(base.resolve("match-rate.txt"), line + "\n");
    assertTrue(rate >= MIN_MATCH_RATE, line);
  }

  static String soffice() {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      for (String name : List.of("soffice", "libreoffice")) {
        Path p = Path.of(dir, name);
        if (Files.isExecutable(p)) {
          return p.toString();
        }
      }
    }
    return null;
  }
}

package xlspark.workload;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** W1d and W4d: seeded, deterministic, and (W1d) most rows a shape of their own by the engine's own lexer. */
class DivergentWorkloadTest {
  private static final int SAMPLE = 10_000;

  @TempDir
  Path dir;

  private static String[] texts(Workload w, long seed, int n) {
    ExpressionMix mix = w.mix(seed);
    String[] t = new String[n];
    for (int i = 0; i < n; i++) {
      t[i] = w.expression(mix, i, "");
    }
    return t;
  }

  @Test
  void sameSeedSameTextsOtherSeedOtherTexts() throws IOException {
    for (Workload w : List.of(Workload.W1D, Workload.W4D)) {
      assertArrayEquals(texts(w, 7, 500), texts(w, 7, 500), w.cliName());
      assertNotEquals(List.of(texts(w, 7, 500)), List.of(texts(w, 8, 500)), w.cliName());
      Path a = dir.resolve(w.cliName() + "-a.csv");
      Path b = dir.resolve(w.cliName() + "-b.csv");
      w.writeCsv(a, 7, 300, "", null);
      w.writeCsv(b, 7, 300, "", null);
      assertEquals(-1, Files.mismatch(a, b), w.cliName() + ": the same file twice");
    }
    // expression i depends only on (seed, i): a row read on its own equals the row in the sequence
    assertEquals(texts(Workload.W1D, 7, 500)[499], Workload.W1D.expression(Workload.W1D.mix(7), 499, ""));
  }

  @Test
  void mostW1dRowsHaveAShapeOfTheirOwn() {
    ShapeCensus divergent = new ShapeCensus();
    for (String t : texts(Workload.W1D, 42, SAMPLE)) {
      divergent.add(t);
    }
    ShapeCensus.Counts d = divergent.counts();
    assertEquals(0, d.syntaxErrors(), "every W1d text lexes");
    assertEquals(SAMPLE, d.texts());
    assertTrue(d.singleShare() > 0.5, "share of rows with a shape of their own: " + d.describe());

    // the same census on W1 (from ~400 templates) finds what W1 is: no row alone in its shape
    ShapeCensus plain = new ShapeCensus();
    for (String t : texts(Workload.W1, 42, SAMPLE)) {
      plain.add(t);
    }
    ShapeCensus.Counts p = plain.counts();
    assertTrue(p.shapes() <= ExpressionMix.SHAPES && p.singleShare() < 0.01, p.describe());
  }

  @Test
  void w1dHasRandomSignsAndExtraNesting() {
    String all = String.join("\n", texts(Workload.W1D, 42, 2_000));
    assertTrue(all.contains("-("), "negated sub-expressions");
    assertTrue(all.contains("(("), "extra parentheses");
    assertTrue(Pattern.compile("[(,=+*/<>&]-\\d").matcher(all).find(), "negative numbers");
  }

  @Test
  void w4dIsW4WithRandomlyNegativeNumbers() {
    String[] w4 = texts(Workload.W4, 42, 30);
    String[] w4d = texts(Workload.W4D, 42, 30);
    long negative = 0;
    long numbers = 0;
    for (int i = 0; i < w4d.length; i++) {
      String function = w4[i].substring(0, w4[i].indexOf('('));
      assertTrue(w4d[i].startsWith(function + "("), "same function as W4's row: " + w4d[i].substring(0, 20));
      assertEquals(Workload.WIDE_ARGS - 1, w4d[i].chars().filter(c -> c == ',').count(), "250 arguments");
      if (!function.equals("=CONCATENATE")) {
        Matcher m = Pattern.compile("[(,](-?)\\d").matcher(w4d[i]);
        while (m.find()) {
          numbers++;
          negative += m.group(1).isEmpty() ? 0 : 1;
        }
      }
    }
    assertEquals(20 * Workload.WIDE_ARGS, numbers);
    double share = negative / (double) numbers;
    assertTrue(share > 0.4 && share < 0.6, "about half the numbers are negative: " + share);
  }

  @Test
  void censusCountsTextsShapesAndLoners() {
    ShapeCensus c = new ShapeCensus();
    for (String t : List.of("=1+2", "=3+4", "=1+2", "=SUM(1,2)", "=(1+2)", "=\"abc")) {
      c.add(t);
    }
    ShapeCensus.Counts n = c.counts();
    assertEquals(6, n.texts());
    assertEquals(5, n.distinctTexts());
    assertEquals(3, n.shapes(), "1+2 and 3+4 share one shape; SUM(1,2) and (1+2) have their own");
    assertEquals(2, n.singleShapes());
    assertEquals(1, n.syntaxErrors(), "an unterminated text does not lex: " + n.describe());
  }
}

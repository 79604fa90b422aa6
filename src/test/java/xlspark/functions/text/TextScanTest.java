package xlspark.functions.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import xlspark.value.Budget;
import xlspark.eval.EngineOptions;
import xlspark.eval.FormulaEvaluator;
import xlspark.eval.VariableSource;

/**
 * The linear text scans against the quadratic ones they replaced, on seeded random repetitive texts: KMP
 * against {@link String#indexOf}, and TEXTSPLIT/TEXTBEFORE/TEXTAFTER's delimiter heap against a scan of every
 * delimiter at every step.
 */
class TextScanTest {
  static String random(SplittableRandom r, String alphabet, int min, int max) {
    StringBuilder sb = new StringBuilder();
    int n = min + r.nextInt(max - min + 1);
    for (int i = 0; i < n; i++) {
      sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
    }
    return sb.toString();
  }

  @Test
  void findAgreesWithIndexOf() {
    SplittableRandom r = new SplittableRandom(3);
    for (int k = 0; k < 5_000; k++) {
      String needle = random(r, "aab", 0, 70);
      String hay = random(r, "aab", 0, 200);
      TextScan scan = TextScan.of(needle, Budget.untimed());
      for (int from = 0; from <= hay.length() + 1; from += 1 + r.nextInt(7)) {
        assertEquals(hay.indexOf(needle, from), scan.find(hay, from), needle + " in " + hay + " from " + from);
      }
    }
  }

  /** The pieces of s between the delimiters, the first occurrence (the longest on a tie) at each step. */
  static List<String> reference(String s, String[] delims) {
    List<String> out = new ArrayList<>();
    int pos = 0;
    while (true) {
      int best = -1;
      int bestEnd = -1;
      for (String d : delims) {
        int at = s.indexOf(d, pos);
        if (at >= 0 && (best < 0 || at < best || at == best && at + d.length() > bestEnd)) {
          best = at;
          bestEnd = at + d.length();
        }
      }
      if (best < 0) {
        out.add(s.substring(pos));
        return out;
      }
      out.add(s.substring(pos, best));
      pos = bestEnd;
    }
  }

  /** TEXTBEFORE's n-th from the end: the last occurrence ending by the limit, the longest on a tie. */
  static String referenceBefore(String s, String[] delims, int n) {
    if (!s.isEmpty() && n > s.length()) {
      return "#VALUE!";
    }
    int limit = s.length();
    int start = -1;
    for (int k = 0; k < n; k++) {
      int best = -1;
      int bestEnd = -1;
      for (String d : delims) {
        int at = limit - d.length() < 0 ? -1 : s.lastIndexOf(d, limit - d.length());
        if (at >= 0 && (best < 0 || at > best || at == best && at + d.length() > bestEnd)) {
          best = at;
          bestEnd = at + d.length();
        }
      }
      if (best < 0) {
        return "#N/A";
      }
      start = best;
      limit = bestEnd > best ? best : best - 1;
      if (limit < 0 && k < n - 1) {
        return "#N/A";
      }
    }
    return s.substring(0, start);
  }

  @Test
  void splittingAgreesWithScanningEveryDelimiter() {
    FormulaEvaluator ev = new FormulaEvaluator(EngineOptions.defaults());
    SplittableRandom r = new SplittableRandom(5);
    for (int k = 0; k < 1_500; k++) {
      String s = random(r, "aab,", 0, 30);
      String[] delims = new String[1 + r.nextInt(4)];
      for (int i = 0; i < delims.length; i++) {
        delims[i] = random(r, "ab,", 1, 3);
      }
      String array = java.util.Arrays.stream(delims).map(d -> "\"" + d + "\"")
          .collect(Collectors.joining(",", "{", "}"));
      String expected = String.join("|", reference(s, delims));
      String got = ev.evaluate("=TEXTJOIN(\"|\",FALSE,TEXTSPLIT(\"" + s + "\"," + array + "))", VariableSource.NONE, 1)
          .value();
      assertEquals(expected, got, s + " split by " + array);
      int n = 1 + r.nextInt(3);
      String before = ev.evaluate("=TEXTBEFORE(\"" + s + "\"," + array + ",-" + n + ")", VariableSource.NONE, 1)
          .value();
      assertEquals(referenceBefore(s, delims, n), before, s + " before " + array + " -" + n);
    }
  }
}

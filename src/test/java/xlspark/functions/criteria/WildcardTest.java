package xlspark.functions.criteria;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import xlspark.value.Budget;

/**
 * The segment matcher (no backtracking) against a regular expression that spells the same pattern, on seeded
 * random patterns and texts over a small alphabet, where stars, question marks and escapes collide often.
 */
class WildcardTest {
  /** The regex of a wildcard pattern: {@code *} any run, {@code ?} one character, {@code ~x} a literal x. */
  static Pattern regex(String p) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < p.length(); i++) {
      char c = p.charAt(i);
      if (c == '~' && i + 1 < p.length() && "*?~".indexOf(p.charAt(i + 1)) >= 0) {
        sb.append(Pattern.quote(String.valueOf(p.charAt(++i))));
      } else if (c == '*') {
        sb.append("(?s:.*)");
      } else if (c == '?') {
        sb.append("(?s:.)");
      } else {
        sb.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(sb.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  }

  static String random(SplittableRandom r, String alphabet, int maxLength) {
    StringBuilder sb = new StringBuilder();
    int n = r.nextInt(maxLength + 1);
    for (int i = 0; i < n; i++) {
      sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
    }
    return sb.toString();
  }

  @Test
  void matchesAndFindAgreeWithARegex() {
    agree(new SplittableRandom(16), "aAb**??~", 7, "aAbB*?~", 9);
  }

  /** Long segments without '?' (searched with KMP) over repetitive texts, where naive restarts are wrong. */
  @Test
  void longLiteralSegmentsAgreeWithARegex() {
    agree(new SplittableRandom(17), "aaaaaaAAabbbb*", 26, "aAab", 48);
  }

  private static void agree(SplittableRandom r, String patternAlphabet, int patternLength, String textAlphabet,
                            int textLength) {
    int checked = 0;
    for (int k = 0; k < 20_000; k++) {
      String pattern = random(r, patternAlphabet, patternLength);
      String text = random(r, textAlphabet, textLength);
      Wildcard w = Wildcard.compile(pattern, Budget.untimed());
      Pattern re = regex(pattern);
      assertEquals(re.matcher(text).matches(), w.matches(text), () -> pattern + " matches " + text);
      for (int from = 0; from <= text.length(); from++) {
        int expected = -1;
        Matcher m = re.matcher(text);
        for (int i = from; i <= text.length() && expected < 0; i++) {
          if (m.region(i, text.length()).lookingAt()) {
            expected = i;
          }
          if (pattern.startsWith("*")) {
            break;
          }
        }
        int start = from;
        assertEquals(expected, w.find(text, from), () -> pattern + " find in " + text + " from " + start);
        checked++;
      }
    }
    System.out.println("wildcard: 20,000 patterns over " + patternAlphabet + ", " + checked
        + " searches agree with the regex");
  }

  @Test
  void longPatternsOverLongTextsAreLinear() {
    String text = "a".repeat(32_000);
    long t0 = System.nanoTime();
    assertEquals(false, Wildcard.compile("*" + "a".repeat(5_000) + "b", Budget.untimed()).matches(text));
    assertEquals(-1, Wildcard.compile("a*" + "a".repeat(5_000) + "b", Budget.untimed()).find(text, 0));
    assertEquals(0, Wildcard.compile("a*" + "a".repeat(5_000), Budget.untimed()).find(text, 0));
    assertEquals(true, Wildcard.compile("*" + "a".repeat(5_000) + "*", Budget.untimed()).matches(text));
    System.out.println("wildcard over 32,000 characters: " + (System.nanoTime() - t0) / 1_000_000 + " ms");
  }
}

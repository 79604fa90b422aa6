package xlspark.workload;

import java.util.Arrays;
import java.util.Locale;
import xlspark.formula.FormulaSyntaxException;
import xlspark.formula.Lexer;

/**
 * Counts texts and shapes of a stream of expressions, with the engine's own shape key
 * ({@link Lexer#shape}{@code (text).shapeKey()}): how many distinct texts, how many distinct shapes, and how
 * many rows have a shape no other row has (the rows a template cache cannot help). Keeps one 64-bit hash per
 * text and per shape (16 bytes a row), so a million rows cost 16 MB, not the texts themselves; two different
 * keys of a million share a hash with a chance of a few in 10^8.
 */
public final class ShapeCensus {
  private long[] texts = new long[1024];
  private long[] shapes = new long[1024];
  private int rows;
  private int shaped;
  private long syntaxErrors;

  /** Adds one expression. A text the lexer rejects counts as a text and a syntax error, not as a shape. */
  public void add(String expression) {
    if (rows == texts.length) {
      texts = Arrays.copyOf(texts, rows * 2);
    }
    texts[rows++] = hash(expression);
    try {
      String key = Lexer.shape(expression).shapeKey();
      if (shaped == shapes.length) {
        shapes = Arrays.copyOf(shapes, shaped * 2);
      }
      shapes[shaped++] = hash(key);
    } catch (FormulaSyntaxException e) {
      syntaxErrors++;
    }
  }

  /** The counts so far. */
  public Counts counts() {
    long[] t = Arrays.copyOf(texts, rows);
    long[] s = Arrays.copyOf(shapes, shaped);
    Arrays.sort(t);
    Arrays.sort(s);
    long distinctTexts = 0;
    for (int i = 0; i < t.length; i++) {
      if (i == 0 || t[i] != t[i - 1]) {
        distinctTexts++;
      }
    }
    long distinctShapes = 0;
    long single = 0;
    for (int i = 0; i < s.length; ) {
      int j = i;
      while (j < s.length && s[j] == s[i]) {
        j++;
      }
      distinctShapes++;
      if (j - i == 1) {
        single++;
      }
      i = j;
    }
    return new Counts(rows, distinctTexts, distinctShapes, single, syntaxErrors);
  }

  /**
   * @param texts         expressions added
   * @param distinctTexts distinct expression texts
   * @param shapes        distinct shape keys
   * @param singleShapes  rows whose shape no other row has
   * @param syntaxErrors  texts the lexer rejected (no shape)
   */
  public record Counts(long texts, long distinctTexts, long shapes, long singleShapes, long syntaxErrors) {
    /** Share of the rows with a shape of their own, 0 to 1. */
    public double singleShare() {
      return texts == 0 ? 0 : singleShapes / (double) texts;
    }

    /** One line: {@code 1,000 texts (1,000 distinct), 700 shapes, 65.0% of rows with a shape of their own}. */
    public String describe() {
      return String.format(Locale.ROOT, "%,d texts (%,d distinct), %,d shapes, %.1f%% of rows with a shape of their "
          + "own%s", texts, distinctTexts, shapes, 100 * singleShare(),
          syntaxErrors == 0 ? "" : String.format(Locale.ROOT, ", %,d not lexable", syntaxErrors));
    }
  }

  /** FNV-1a over the chars, then a 64-bit finalizer that spreads the bits. */
  static long hash(String s) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < s.length(); i++) {
      h ^= s.charAt(i);
      h *= 0x100000001b3L;
    }
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb93c185ebe53L;
    return h ^ (h >>> 33);
  }
}

package xlspark.formula;

/**
 * The one case-folding rule for names: column and variable names, {@code --var} constants, defined names, sheet,
 * table and function names are compared by their fold, wherever they are keyed or looked up.
 *
 * <p>The fold works char by char, so a name keeps its length ({@code String.toUpperCase} turns {@code ß} into
 * {@code SS}, which made a column {@code ß} answer to {@code =ss}). Each char is lower-cased, then upper-cased:
 * chars that Java's upper-casing or lower-casing treat as one letter fold alike (the Kelvin sign and {@code k},
 * the long {@code ſ} and {@code s}, {@code σ} and {@code ς}), so two names Spark takes for one column are one
 * name here too; plain letters fold to their capitals ({@code rate} is {@code RATE}). A surrogate pair is folded as
 * the one letter it encodes (Deseret's {@code 𐐀} and {@code 𐐨} are one name, as they are for Spark); its case
 * partner is a pair too, so the length still holds.
 */
public final class Names {
  private Names() {}

  /** The fold of one char. */
  public static char fold(char c) {
    if (c < 0x80) {
      return c >= 'a' && c <= 'z' ? (char) (c - 32) : c;
    }
    return Character.toUpperCase(Character.toLowerCase(c));
  }

  /** The fold of a name, as long as the name. */
  public static String fold(String name) {
    return name == null ? null : fold(name, 0, name.length());
  }

  /** The fold of {@code s[start, end)}. */
  public static String fold(String s, int start, int end) {
    char[] out = new char[end - start];
    for (int i = start; i < end; i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < end && Character.isLowSurrogate(s.charAt(i + 1))) {
        int f = foldCodePoint(Character.toCodePoint(c, s.charAt(i + 1)));
        out[i - start] = Character.highSurrogate(f);
        out[++i - start] = Character.lowSurrogate(f);
      } else {
        out[i - start] = fold(c);
      }
    }
    return new String(out);
  }

  /** A supplementary letter's fold, when it is one too (so the length holds); else the letter itself. */
  private static int foldCodePoint(int cp) {
    int f = Character.toUpperCase(Character.toLowerCase(cp));
    return Character.isSupplementaryCodePoint(f) ? f : cp;
  }

  /** True when two names fold alike. */
  public static boolean same(String a, String b) {
    if (a.length() != b.length()) {
      return false;
    }
    for (int i = 0; i < a.length(); i++) {
      char x = a.charAt(i);
      char y = b.charAt(i);
      if (Character.isSurrogate(x) || Character.isSurrogate(y)) {
        return fold(a).equals(fold(b));
      }
      if (fold(x) != fold(y)) {
        return false;
      }
    }
    return true;
  }
}

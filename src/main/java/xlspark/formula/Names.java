package xlspark.formula;

/**
 * The one case-folding rule for names: column and variable names, {@code --var} constants, defined names, sheet,
 * table and function names are compared by their fold, wherever they are keyed or looked up.
 *
 * <p>The fold works char by char, so a name keeps its length ({@code String.toUpperCase} turns {@code ß} into
 * {@code SS}, which made a column {@code ß} answer to {@code =ss}). Each char is lower-cased, then upper-cased:
 * chars that Java's upper-casing or lower-casing treat as one letter fold alike (the Kelvin sign and {@code k},
 * the long {@code ſ} and {@code s}, {@code σ} and {@code ς}), so two names Spark takes for one column are one
 * name here too; plain letters fold to their capitals ({@code rate} is {@code RATE}).
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
      out[i - start] = fold(s.charAt(i));
    }
    return new String(out);
  }

  /** True when two names fold alike. */
  public static boolean same(String a, String b) {
    if (a.length() != b.length()) {
      return false;
    }
    for (int i = 0; i < a.length(); i++) {
      if (fold(a.charAt(i)) != fold(b.charAt(i))) {
        return false;
      }
    }
    return true;
  }
}

package xlspark.eval;

/** Public bridge for golden tests in other packages. */
public final class GoldenCheck {
  private GoldenCheck() {
  }

  /** True when an outcome matches a golden file's expected cell. */
  public static boolean matches(String expectedCell, EvalOutcome o) {
    String[] e = Expected.parseGolden(expectedCell);
    return Expected.matches(e[0], e[1], o);
  }
}

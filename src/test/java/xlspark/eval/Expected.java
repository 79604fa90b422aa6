package xlspark.eval;

/** Judges an outcome against an expected type and value, with check.py's rules. */
final class Expected {
  private Expected() {
  }

  static boolean matches(String expectedType, String expectedValue, EvalOutcome o) {
    String et = expectedType.trim().toUpperCase();
    if (!o.type().name().equals(et)) {
      return false;
    }
    switch (et) {
      case "NUMBER": {
        double e = Double.parseDouble(expectedValue);
        double a = o.number();
        return Math.abs(a - e) <= Math.max(1e-12, 1e-9 * Math.max(Math.abs(a), Math.abs(e)));
      }
      case "BOOLEAN":
      case "ERROR":
        return o.value().equalsIgnoreCase(expectedValue.trim());
      case "TEXT":
        return o.value().equals(expectedValue);
      case "BLANK":
        return true;
      default:
        return false;
    }
  }

  /**
   * Reads a golden file's expected cell: {@code "text"} (quoted) is TEXT, TRUE/FALSE BOOLEAN, {@code #...}
   * ERROR, empty BLANK, anything else a NUMBER.
   */
  static String[] parseGolden(String cell) {
    String s = cell.trim();
    if (s.isEmpty()) {
      return new String[] {"BLANK", ""};
    }
    if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
      return new String[] {"TEXT", s.substring(1, s.length() - 1).replace("\"\"", "\"")};
    }
    if (s.equalsIgnoreCase("TRUE") || s.equalsIgnoreCase("FALSE")) {
      return new String[] {"BOOLEAN", s.toUpperCase()};
    }
    if (s.startsWith("#")) {
      return new String[] {"ERROR", s};
    }
    return new String[] {"NUMBER", s};
  }
}

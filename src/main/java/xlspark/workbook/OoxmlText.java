package xlspark.workbook;

/**
 * OOXML's escape for characters XML cannot hold in text: {@code _xHHHH_} is the UTF-16 unit HHHH (a literal
 * {@code _x} sequence is itself written {@code _x005F_xHHHH_}).
 */
final class OoxmlText {
  private OoxmlText() {
  }

  static String decode(String s) {
    if (s.indexOf("_x") < 0) {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length());
    int i = 0;
    while (i < s.length()) {
      if (i + 6 < s.length() && s.charAt(i) == '_' && s.charAt(i + 1) == 'x' && s.charAt(i + 6) == '_'
          && isHex(s, i + 2, i + 6)) {
        out.append((char) Integer.parseInt(s.substring(i + 2, i + 6), 16));
        i += 7;
      } else {
        out.append(s.charAt(i++));
      }
    }
    return out.toString();
  }

  private static boolean isHex(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      if (Character.digit(s.charAt(i), 16) < 0) {
        return false;
      }
    }
    return true;
  }
}

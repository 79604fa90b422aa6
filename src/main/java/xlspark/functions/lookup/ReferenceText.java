package xlspark.functions.lookup;

import static xlspark.functions.ArgKind.ANY;
import static xlspark.functions.ArgKind.BOOLEAN;
import static xlspark.functions.ArgKind.NUMBER;
import static xlspark.functions.ArgKind.TEXT;

import java.util.List;
import xlspark.functions.Args;
import xlspark.functions.FunctionSpec;
import xlspark.value.ExcelError;
import xlspark.value.Value;

/** Reference functions that need no workbook: ADDRESS builds a reference's text, HYPERLINK shows a label. */
final class ReferenceText {
  private static final int MAX_ROW = 1_048_576;
  private static final int MAX_COL = 16_384;

  private ReferenceText() {
  }

  static List<FunctionSpec> specs() {
    return List.of(
        FunctionSpec.builder("ADDRESS", ReferenceText::address).args(NUMBER, NUMBER).skippableArg(NUMBER, 1)
            .skippableArg(BOOLEAN, true).skippableArg(TEXT, "").build(),
        FunctionSpec.builder("HYPERLINK", a -> a.given(1) ? a.get(1) : a.get(0)).arg(ANY).optionalArg(ANY)
            .build());
  }

  /**
   * ADDRESS(row, column, [abs=1], [a1=TRUE], [sheet]): abs 1 is $A$1, 2 A$1, 3 $A1, 4 A1 (R1C1 style uses
   * [n] for relative parts); a sheet name that is not a plain identifier is quoted.
   */
  static Value address(Args a) {
    double row = Math.floor(a.num(0));
    double col = Math.floor(a.num(1));
    double abs = Math.floor(a.num(2));
    if (row < 1 || row > MAX_ROW || col < 1 || col > MAX_COL || abs < 1 || abs > 4) {
      return Value.err(ExcelError.VALUE, "row, column or abs_num out of range");
    }
    boolean absRow = abs == 1 || abs == 2;
    boolean absCol = abs == 1 || abs == 3;
    boolean a1 = a.bool(3);
    StringBuilder sb = new StringBuilder();
    if (!a.text(4).isEmpty()) {
      sb.append(sheet(a.text(4))).append('!');
    }
    int r = (int) row;
    int c = (int) col;
    if (a1) {
      sb.append(absCol ? "$" : "").append(columnLetters(c)).append(absRow ? "$" : "").append(r);
    } else {
      sb.append('R').append(absRow ? String.valueOf(r) : "[" + r + "]");
      sb.append('C').append(absCol ? String.valueOf(c) : "[" + c + "]");
    }
    return Value.text(sb.toString());
  }

  /** Column number to letters: 1 is A, 27 is AA. */
  static String columnLetters(int col) {
    StringBuilder sb = new StringBuilder();
    for (int c = col; c > 0; c = (c - 1) / 26) {
      sb.append((char) ('A' + (c - 1) % 26));
    }
    return sb.reverse().toString();
  }

  /**
   * A sheet name as a reference prefix: quoted (with doubled apostrophes) unless a plain identifier, which
   * may carry a [Book] prefix (Excel's own example: [Book1]Sheet1!R2C3).
   */
  static String sheet(String name) {
    boolean plain = !Character.isDigit(name.charAt(0));
    for (int i = 0; i < name.length() && plain; i++) {
      char ch = name.charAt(i);
      plain = Character.isLetterOrDigit(ch) || ch == '_' || ch == '.' || ch == '[' || ch == ']';
    }
    if (plain && !looksLikeCell(name)) {
      return name;
    }
    return "'" + name.replace("'", "''") + "'";
  }

  /** True for names such as A1 or XFD10 that would read as a cell reference. */
  private static boolean looksLikeCell(String s) {
    int i = 0;
    while (i < s.length() && Character.isLetter(s.charAt(i))) {
      i++;
    }
    if (i == 0 || i > 3 || i == s.length()) {
      return false;
    }
    for (int j = i; j < s.length(); j++) {
      if (!Character.isDigit(s.charAt(j))) {
        return false;
      }
    }
    return true;
  }
}

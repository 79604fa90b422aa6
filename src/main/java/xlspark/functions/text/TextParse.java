package xlspark.functions.text;

import static xlspark.functions.text.TextFunctions.valueError;

import xlspark.functions.Args;
import xlspark.value.Coerce;
import xlspark.value.TextNumbers;
import xlspark.value.Value;
import xlspark.value.Value.Blank;
import xlspark.value.Value.Text;

/** VALUE and NUMBERVALUE: text to number. */
final class TextParse {
  private TextParse() {
  }

  /**
   * VALUE reads text as arithmetic does: numbers, percentages, currency, thousands separators, fractions,
   * dates and times.
   * Non-text values are returned as they are (a blank is 0), as the spreadsheets of the conformance corpus
   * agree: {@code VALUE(TRUE)} is TRUE.
   */
  static Value value(Args a) {
    Value v = a.get(0);
    if (v instanceof Text) {
      return Coerce.toNumber(v, a.ctx().dates());
    }
    if (v instanceof Value.Bool) {
      // Excel's cached VALUE(FALSE) is #VALUE! (LibreOffice and Gnumeric give the logical value back)
      return Value.err(xlspark.value.ExcelError.VALUE, "VALUE needs text or a number, not a logical value");
    }
    return v instanceof Blank ? Value.ZERO : v;
  }

  /**
   * NUMBERVALUE(text, [decimal], [group]): locale-independent reading. Whitespace anywhere is ignored, ""
   * is 0, only the first character of each separator counts, group separators before the decimal separator
   * are dropped (after it they are #VALUE!), and each trailing % divides by 100. Parentheses around the number
   * negate it, with percent signs inside and after them ({@code "(2.5%)%"} is -0.00025, as Excel caches it).
   */
  static Value numberValue(Args a) {
    if (a.text(1).isEmpty()) {
      return valueError("NUMBERVALUE needs a decimal separator");
    }
    if (a.text(2).isEmpty()) {
      return valueError("NUMBERVALUE needs a group separator");
    }
    char dec = a.text(1).charAt(0);
    char group = a.text(2).charAt(0);
    if (dec == group) {
      return valueError("NUMBERVALUE separators must differ");
    }
    String text = a.text(0);
    StringBuilder sb = new StringBuilder(text.length());
    int percents = 0;
    boolean seenDecimal = false;
    int parens = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c) && c != group && c != dec) {
        continue;
      }
      if (c == '(' && c != group && c != dec && parens == 0 && sb.length() == 0 && percents == 0) {
        parens = 1;
        continue;
      }
      if (c == ')' && c != group && c != dec && parens == 1 && sb.length() > 0) {
        parens = 2;
        continue;
      }
      if ((percents > 0 || parens == 2) && c != '%') {
        return valueError("NUMBERVALUE: % must come last");
      }
      if (c == '%') {
        percents++;
      } else if (c == dec) {
        if (seenDecimal) {
          return valueError("NUMBERVALUE: decimal separator used twice");
        }
        seenDecimal = true;
        sb.append('.');
      } else if (c == group) {
        if (seenDecimal) {
          return valueError("NUMBERVALUE: group separator after the decimal separator");
        }
      } else {
        sb.append(c);
      }
    }
    if (parens == 1) {
      return valueError("NUMBERVALUE: ( without )");
    }
    if (sb.length() == 0) {
      return percents == 0 && parens == 0 ? Value.ZERO : valueError("NUMBERVALUE cannot read \"" + text + "\"");
    }
    String s = sb.toString();
    double d = TextNumbers.parsePlain(s);
    if (Double.isNaN(d)) {
      d = TextNumbers.parse(s, a.ctx().dates());
    }
    if (Double.isNaN(d)) {
      return valueError("NUMBERVALUE cannot read \"" + text + "\"");
    }
    for (int i = 0; i < percents; i++) {
      d /= 100;
    }
    return Coerce.number(parens == 2 ? -d : d);
  }
}

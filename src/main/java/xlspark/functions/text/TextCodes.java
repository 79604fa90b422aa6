package xlspark.functions.text;

import static xlspark.functions.text.TextFunctions.valueError;
import static xlspark.functions.text.TextFunctions.count;

import xlspark.functions.Args;
import xlspark.value.ExcelError;
import xlspark.value.Value;
import xlspark.value.Value.Text;

/**
 * CHAR and CODE, which use the Windows-1252 code page as Excel for Windows does (CHAR(128) is the euro
 * sign), and UNICHAR and UNICODE, which use Unicode code points.
 */
final class TextCodes {
  /** Windows-1252 bytes 0x80..0x9F; the five undefined bytes map to the C1 control of the same number. */
  private static final char[] CP1252_HIGH = {
      '\u20AC', '\u0081', '\u201A', '\u0192', '\u201E', '\u2026', '\u2020', '\u2021',
      '\u02C6', '\u2030', '\u0160', '\u2039', '\u0152', '\u008D', '\u017D', '\u008F',
      '\u0090', '\u2018', '\u2019', '\u201C', '\u201D', '\u2022', '\u2013', '\u2014',
      '\u02DC', '\u2122', '\u0161', '\u203A', '\u0153', '\u009D', '\u017E', '\u0178'};
  /** What CODE reports for a character the code page lacks: '?'. */
  private static final int UNMAPPED = 63;

  private TextCodes() {
  }

  /** CHAR(1..255); other numbers are #VALUE!. */
  static Value charFn(Args a) {
    long n = count(a.num(0));
    if (n < 1 || n > 255) {
      return valueError("CHAR needs a number from 1 to 255");
    }
    char c = n >= 0x80 && n <= 0x9F ? CP1252_HIGH[(int) n - 0x80] : (char) n;
    return new Text(String.valueOf(c));
  }

  /** CODE of the first character; "" is #VALUE!. */
  static Value code(Args a) {
    String s = a.text(0);
    if (s.isEmpty()) {
      return valueError("CODE of empty text");
    }
    char c = s.charAt(0);
    if (c < 0x80 || (c >= 0xA0 && c <= 0xFF)) {
      return Value.num(c);
    }
    for (int i = 0; i < CP1252_HIGH.length; i++) {
      if (CP1252_HIGH[i] == c) {
        return Value.num(0x80 + i);
      }
    }
    return Value.num(UNMAPPED);
  }

  /** UNICHAR: 0 and numbers beyond U+10FFFF are #VALUE!; surrogate halves are #N/A. */
  static Value unichar(Args a) {
    long n = count(a.num(0));
    if (n < 1 || n > Character.MAX_CODE_POINT) {
      return valueError("UNICHAR needs a code point from 1 to 1114111");
    }
    if (n >= Character.MIN_SURROGATE && n <= Character.MAX_SURROGATE) {
      return Value.err(ExcelError.NA, "UNICHAR of a surrogate code unit");
    }
    return new Text(new String(Character.toChars((int) n)));
  }

  /** UNICODE: the code point of the first character; "" is #VALUE!. */
  static Value unicode(Args a) {
    String s = a.text(0);
    if (s.isEmpty()) {
      return valueError("UNICODE of empty text");
    }
    return Value.num(s.codePointAt(0));
  }
}

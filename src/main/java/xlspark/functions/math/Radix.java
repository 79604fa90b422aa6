package xlspark.functions.math;

import static xlspark.functions.ArgKind.ANY;
import static xlspark.functions.ArgKind.NUMBER;
import static xlspark.functions.ArgKind.NUMBER_NOT_LOGICAL;
import static xlspark.functions.ArgKind.TEXT;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import xlspark.functions.Args;
import xlspark.functions.FunctionSpec;
import xlspark.value.Coerce;
import xlspark.value.DateSystem;
import xlspark.value.ExcelError;
import xlspark.value.Value;
import xlspark.value.Value.Bool;
import xlspark.value.Value.Err;
import xlspark.value.Value.Num;
import xlspark.value.Value.Text;

/**
 * Numbers in other notations: ROMAN, ARABIC, BASE, DECIMAL and the engineering conversions between
 * binary, octal, decimal and hexadecimal (DEC2BIN, HEX2DEC, BIN2HEX...), which use ten-digit two's
 * complement for negative numbers.
 */
final class Radix {
  private static final char[] ROMAN_CHARS = {'M', 'D', 'C', 'L', 'X', 'V', 'I'};
  private static final int[] ROMAN_VALUES = {1000, 500, 100, 50, 10, 5, 1};
  private static final double MAX_BASE = 9_007_199_254_740_992d;
  private static final int ENG_DIGITS = 10;

  /** A notation of the engineering conversions: its name in function names and its radix. */
  private enum Notation {
    BIN(2), OCT(8), DEC(10), HEX(16);

    final int radix;
    /** radix^10: the modulus of the ten-digit two's complement. */
    final double modulus;

    Notation(int radix) {
      this.radix = radix;
      this.modulus = Math.pow(radix, ENG_DIGITS);
    }
  }

  private Radix() {
  }

  static List<FunctionSpec> specs() {
    List<FunctionSpec> l = new ArrayList<>(List.of(
        FunctionSpec.builder("ROMAN", Radix::roman).arg(NUMBER).skippableArg(ANY, 0).build(),
        FunctionSpec.builder("ARABIC", Radix::arabic).arg(TEXT).build(),
        FunctionSpec.builder("BASE", Radix::base).args(NUMBER, NUMBER).skippableArg(NUMBER, 0).build(),
        FunctionSpec.builder("DECIMAL", Radix::decimal).args(TEXT, NUMBER).build()));
    for (Notation from : Notation.values()) {
      for (Notation to : Notation.values()) {
        if (from != to) {
          l.add(conversion(from, to));
        }
      }
    }
    return l;
  }

  /** ROMAN(number, [form]): form 0 (classic, TRUE) to 4 (simplified, FALSE); 0 is "", 4000 and up #VALUE!. */
  static Value roman(Args a) {
    double n = Math.floor(a.num(0));
    Value f = a.get(1);
    Value num = f instanceof Bool b ? Value.num(b.b() ? 0 : 4) : Coerce.toNumber(f, a.ctx().dates());
    if (num instanceof Err) {
      return num;
    }
    double form = Math.floor(((Num) num).v());
    if (n < 0 || n >= 4000 || form < 0 || form > 4) {
      return Value.err(ExcelError.VALUE, "ROMAN needs 0-3999 and a form 0-4");
    }
    return Value.text(roman((int) n, (int) form));
  }

  /**
   * Writes {@code value} in roman numerals. Form 0 is classic (499 = CDXCIX); each higher form lets a
   * subtractive pair skip one more level (form 1: LDVLIV, 2: XDIX, 3: VDIV, 4: ID).
   */
  static String roman(int value, int form) {
    StringBuilder sb = new StringBuilder();
    int val = value;
    for (int idx = 0; idx < ROMAN_VALUES.length; idx += 2) {
      int digit = val / ROMAN_VALUES[idx];
      if (digit % 5 == 4) {
        int big = digit == 4 ? idx - 1 : idx - 2;
        int small = idx;
        for (int step = 0; step < form && small < ROMAN_VALUES.length - 1; step++) {
          if (ROMAN_VALUES[big] - ROMAN_VALUES[small + 1] > val) {
            break;
          }
          small++;
        }
        sb.append(ROMAN_CHARS[small]).append(ROMAN_CHARS[big]);
        val += ROMAN_VALUES[small] - ROMAN_VALUES[big];
      } else {
        if (digit > 4) {
          sb.append(ROMAN_CHARS[idx - 1]);
        }
        for (int p = 0; p < digit % 5; p++) {
          sb.append(ROMAN_CHARS[idx]);
        }
        val %= ROMAN_VALUES[idx];
      }
    }
    return sb.toString();
  }

  /** ARABIC(text): roman numerals to a number, case-insensitive, a leading "-" negates, "" is 0. */
  static Value arabic(Args a) {
    String s = a.text(0).trim().toUpperCase(Locale.ROOT);
    if (s.length() > 255) {
      return Value.err(ExcelError.VALUE, "text longer than 255 characters");
    }
    boolean negative = s.startsWith("-");
    if (negative) {
      s = s.substring(1);
    }
    int total = 0;
    int prev = 0;
    for (int i = s.length() - 1; i >= 0; i--) {
      int v = romanValue(s.charAt(i));
      if (v == 0) {
        return Value.err(ExcelError.VALUE, "not a roman numeral: " + a.text(0));
      }
      total += v < prev ? -v : v;
      prev = Math.max(prev, v);
    }
    return Value.num(negative ? -total : total);
  }

  private static int romanValue(char c) {
    for (int i = 0; i < ROMAN_CHARS.length; i++) {
      if (ROMAN_CHARS[i] == c) {
        return ROMAN_VALUES[i];
      }
    }
    return 0;
  }

  /** BASE(number, radix, [min_length]): 0 <= number < 2^53, radix 2-36, min_length 0-255. */
  static Value base(Args a) {
    double n = Math.floor(a.num(0));
    double radix = Math.floor(a.num(1));
    double minLength = Math.floor(a.num(2));
    if (n < 0 || n >= MAX_BASE || radix < 2 || radix > 36 || minLength < 0 || minLength > 255) {
      return Value.err(ExcelError.NUM, "BASE arguments out of range");
    }
    return Value.text(pad(Long.toString((long) n, (int) radix).toUpperCase(Locale.ROOT), (int) minLength));
  }

  /** DECIMAL(text, radix): digits of the radix (case-insensitive) to a number; other characters are #NUM!. */
  static Value decimal(Args a) {
    double radix = Math.floor(a.num(1));
    String s = a.text(0);
    if (radix < 2 || radix > 36 || s.length() > 255) {
      return Value.err(ExcelError.NUM, "DECIMAL needs a radix of 2-36 and at most 255 characters");
    }
    double r = parse(s, (int) radix);
    return Double.isNaN(r) || r >= MAX_BASE ? Value.err(ExcelError.NUM, "not a base-" + (int) radix + " number")
        : Value.num(r);
  }

  /** The digits of {@code s} in {@code radix}, or NaN when one is not a digit of it. */
  private static double parse(String s, int radix) {
    double r = 0;
    for (int i = 0; i < s.length(); i++) {
      int d = Character.digit(s.charAt(i), radix);
      if (d < 0) {
        return Double.NaN;
      }
      r = r * radix + d;
    }
    return r;
  }

  private static String pad(String digits, int length) {
    if (digits.length() >= length) {
      return digits;
    }
    return "0".repeat(length - digits.length()) + digits;
  }

  /**
   * FROM2TO(number, [places]), e.g. DEC2BIN(number, [places]) or HEX2DEC(number). Both are engineering numbers
   * ({@link xlspark.functions.ArgKind#NUMBER_NOT_LOGICAL}), taken as ANY and coerced here: Excel checks places
   * before the number's coercion, and the number of BIN/OCT/HEX is read as digits.
   */
  private static FunctionSpec conversion(Notation from, Notation to) {
    FunctionSpec.Builder b = FunctionSpec.builder(from.name() + "2" + to.name(), a -> convert(a, from, to)).arg(ANY);
    return (to == Notation.DEC ? b : b.optionalArg(ANY)).build();
  }

  private static Value convert(Args a, Notation from, Notation to) {
    if (to != Notation.DEC && a.given(1) && NUMBER_NOT_LOGICAL.coerce(a.get(1), a.ctx().dates()) instanceof Num p
        && (Math.floor(p.v()) < 1 || Math.floor(p.v()) > ENG_DIGITS)) {
      // Excel checks places before the number, and also when a negative number then ignores it
      return Value.err(ExcelError.NUM, "places out of range");
    }
    double n;
    if (from == Notation.DEC) {
      Value v = NUMBER_NOT_LOGICAL.coerce(a.get(0), a.ctx().dates());
      if (v instanceof Err) {
        return v;
      }
      n = ((Num) v).v();
      n = n < 0 ? Math.ceil(n) : Math.floor(n);
    } else {
      Value v = a.get(0);
      if (v instanceof Bool) {
        return Value.err(ExcelError.VALUE, "logical values are not accepted");
      }
      String s = ((Text) Coerce.toText(v)).s();
      n = s.length() > ENG_DIGITS ? Double.NaN : parse(s, from.radix);
      if (Double.isNaN(n)) {
        return Value.err(ExcelError.NUM, "not a " + ENG_DIGITS + "-digit base-" + from.radix + " number");
      }
      if (s.length() == ENG_DIGITS && n >= from.modulus / 2) {
        n -= from.modulus;
      }
    }
    if (to == Notation.DEC) {
      return Value.num(n);
    }
    return format(n, to, a.given(1) ? a.get(1) : null, a.ctx().dates());
  }

  /** Writes n in the target notation, ten-digit two's complement when negative (places then ignored). */
  private static Value format(double n, Notation to, Value placesArg, DateSystem dates) {
    double half = to.modulus / 2;
    if (n < -half || n >= half) {
      return Value.err(ExcelError.NUM, "number out of range for " + to.name());
    }
    if (n < 0) {
      return Value.text(Long.toString((long) (n + to.modulus), to.radix).toUpperCase(Locale.ROOT));
    }
    String digits = Long.toString((long) n, to.radix).toUpperCase(Locale.ROOT);
    if (placesArg == null) {
      return Value.text(digits);
    }
    Value p = NUMBER_NOT_LOGICAL.coerce(placesArg, dates);
    if (p instanceof Err) {
      return p;
    }
    double places = Math.floor(((Num) p).v());
    if (places < digits.length() || places > ENG_DIGITS) {
      return Value.err(ExcelError.NUM, "places out of range");
    }
    return Value.text(pad(digits, (int) places));
  }
}

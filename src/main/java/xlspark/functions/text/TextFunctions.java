package xlspark.functions.text;

import static xlspark.functions.ArgKind.ANY;
import static xlspark.functions.ArgKind.ARRAY;
import static xlspark.functions.ArgKind.BOOLEAN;
import static xlspark.functions.ArgKind.NUMBER;
import static xlspark.functions.ArgKind.TEXT;

import java.util.List;
import java.util.function.UnaryOperator;
import xlspark.functions.Args;
import xlspark.functions.ErrorPolicy;
import xlspark.functions.FunctionSpec;
import xlspark.functions.SpecList;
import xlspark.value.Coerce;
import xlspark.value.ExcelError;
import xlspark.value.Value;
import xlspark.value.Value.Text;

/**
 * Text functions (category "text"). Every declaration is here; the longer bodies live in package-private
 * classes: {@link TextSearch} (FIND, SEARCH, SUBSTITUTE, REPLACE), {@link TextCodes} (CHAR, CODE, UNICHAR,
 * UNICODE), {@link TextParse} (VALUE, NUMBERVALUE), {@link TextJoin} (CONCAT, TEXTJOIN) and {@link TextSplit}
 * (TEXTBEFORE, TEXTAFTER, TEXTSPLIT). Excel counts characters as UTF-16 code units, as Java does. The byte
 * variants (LENB, LEFTB...) behave as in a single-byte language, i.e. like their character versions.
 */
public final class TextFunctions {
  private TextFunctions() {
  }

  public static List<FunctionSpec> specs() {
    // The byte-count twins (LENB, LEFTB...) count characters, as Excel does outside double-byte locales.
    return new SpecList()
        .add(TextFunctions::length, "LEN", "LENB")
        .add(n -> sliceFn(n, TextFunctions::left), "LEFT", "LEFTB")
        .add(n -> sliceFn(n, TextFunctions::right), "RIGHT", "RIGHTB")
        .add(TextFunctions::midFn, "MID", "MIDB")
        .add(n -> findFn(n, TextSearch::find), "FIND", "FINDB")
        .add(n -> findFn(n, TextSearch::search), "SEARCH", "SEARCHB")
        .add(TextFunctions::replaceFn, "REPLACE", "REPLACEB")
        .addAll(List.of(
        mapText("UPPER", TextFunctions::upper),
        mapText("LOWER", TextFunctions::lower),
        mapText("PROPER", TextFunctions::proper),
        mapText("TRIM", TextFunctions::trim),
        mapText("CLEAN", TextFunctions::clean),
        mapText("ASC", UnaryOperator.identity()),
        mapText("DBCS", UnaryOperator.identity()),
        FunctionSpec.builder("REPT", TextFunctions::rept).args(TEXT, NUMBER).build(),
        FunctionSpec.builder("EXACT", a -> Value.bool(a.text(0).equals(a.text(1)))).args(TEXT, TEXT).build(),
        FunctionSpec.builder("T", TextFunctions::t).arg(ANY).build(),
        FunctionSpec.builder("CONCATENATE", TextFunctions::concatenate).repeating(TEXT).build(),
        FunctionSpec.builder("CONCAT", TextJoin::concat).arg(ARRAY).repeating(ARRAY, 253)
            .errorPolicy(ErrorPolicy.INSPECTS_ERRORS).build(),
        FunctionSpec.builder("TEXTJOIN", TextJoin::textJoin).args(ARRAY, BOOLEAN, ARRAY).repeating(ARRAY, 255)
            .errorPolicy(ErrorPolicy.INSPECTS_ERRORS).build(),
        FunctionSpec.builder("SUBSTITUTE", TextSearch::substitute).args(TEXT, TEXT, TEXT).optionalArg(NUMBER)
            .build(),
        FunctionSpec.builder("CHAR", TextCodes::charFn).arg(NUMBER).build(),
        FunctionSpec.builder("CODE", TextCodes::code).arg(TEXT).build(),
        FunctionSpec.builder("UNICHAR", TextCodes::unichar).arg(NUMBER).build(),
        FunctionSpec.builder("UNICODE", TextCodes::unicode).arg(TEXT).build(),
        FunctionSpec.builder("VALUE", TextParse::value).arg(ANY).build(),
        FunctionSpec.builder("NUMBERVALUE", TextParse::numberValue).arg(TEXT).skippableArg(TEXT, ".").skippableArg(TEXT, ",")
            .build(),
        cutFn("TEXTBEFORE", TextSplit::before),
        cutFn("TEXTAFTER", TextSplit::after),
        FunctionSpec.builder("TEXTSPLIT", TextSplit::split).args(TEXT, ARRAY).optionalArg(ARRAY)
            .skippableArg(BOOLEAN, false).skippableArg(NUMBER, 0).optionalArg(ANY)
            .errorPolicy(ErrorPolicy.INSPECTS_ERRORS)
            .build()))
        .build();
  }

  /** {@code NAME(text)} returning text transformed by {@code f}. */
  private static FunctionSpec mapText(String name, UnaryOperator<String> f) {
    return FunctionSpec.builder(name, a -> new Text(f.apply(a.text(0)))).arg(TEXT).build();
  }

  private static FunctionSpec length(String name) {
    return FunctionSpec.builder(name, a -> Value.num(a.text(0).length())).arg(TEXT).build();
  }

  private static FunctionSpec sliceFn(String name, FunctionSpec.Body body) {
    return FunctionSpec.builder(name, body).arg(TEXT).optionalArg(NUMBER, 1).build();
  }

  private static FunctionSpec midFn(String name) {
    return FunctionSpec.builder(name, TextFunctions::mid).args(TEXT, NUMBER, NUMBER).build();
  }

  private static FunctionSpec findFn(String name, FunctionSpec.Body body) {
    return FunctionSpec.builder(name, body).args(TEXT, TEXT).optionalArg(NUMBER, 1).build();
  }

  private static FunctionSpec replaceFn(String name) {
    return FunctionSpec.builder(name, TextSearch::replace).args(TEXT, NUMBER, NUMBER, TEXT).build();
  }

  private static FunctionSpec cutFn(String name, FunctionSpec.Body body) {
    return FunctionSpec.builder(name, body).args(TEXT, ARRAY).skippableArg(NUMBER, 1).skippableArg(NUMBER, 0)
        .skippableArg(NUMBER, 0).optionalArg(ANY).errorPolicy(ErrorPolicy.INSPECTS_ERRORS).build();
  }

  /** A number argument truncated toward zero (saturating for huge values). */
  static long whole(double d) {
    return (long) d;
  }

  /** A count or position argument: truncated, but any negative number (even -0.5) stays negative. */
  static long count(double d) {
    return d < 0 ? -1 : (long) d;
  }

  static Value valueError(String why) {
    return Value.err(ExcelError.VALUE, why);
  }

  /** Upper case character by character, so the length never changes (Excel keeps ß as ß). */
  static String upper(String s) {
    char[] c = s.toCharArray();
    for (int i = 0; i < c.length; i++) {
      c[i] = Character.toUpperCase(c[i]);
    }
    return new String(c);
  }

  static String lower(String s) {
    char[] c = s.toCharArray();
    for (int i = 0; i < c.length; i++) {
      c[i] = Character.toLowerCase(c[i]);
    }
    return new String(c);
  }

  /**
   * PROPER: a letter that follows a non-letter (digits and apostrophes included) is upper-cased, every other
   * letter lower-cased, so {@code PROPER("it's")} is "It'S" and {@code PROPER("2nd")} is "2Nd".
   */
  static String proper(String s) {
    char[] c = s.toCharArray();
    boolean afterLetter = false;
    for (int i = 0; i < c.length; i++) {
      if (Character.isLetter(c[i])) {
        c[i] = afterLetter ? Character.toLowerCase(c[i]) : Character.toUpperCase(c[i]);
        afterLetter = true;
      } else {
        afterLetter = false;
      }
    }
    return new String(c);
  }

  /** TRIM removes the ASCII spaces at both ends and collapses inner runs to one; tabs and NBSP stay. */
  static String trim(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && s.charAt(start) == ' ') {
      start++;
    }
    while (end > start && s.charAt(end - 1) == ' ') {
      end--;
    }
    int run = s.indexOf("  ", start);
    if (run < 0 || run >= end) {
      return s.substring(start, end);
    }
    StringBuilder sb = new StringBuilder(end - start);
    for (int i = start; i < end; i++) {
      char ch = s.charAt(i);
      if (ch != ' ' || s.charAt(i - 1) != ' ') {
        sb.append(ch);
      }
    }
    return sb.toString();
  }

  /** CLEAN removes the non-printable 7-bit characters 0..31. */
  static String clean(String s) {
    StringBuilder sb = null;
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch < 32) {
        if (sb == null) {
          sb = new StringBuilder(s.length()).append(s, 0, i);
        }
      } else if (sb != null) {
        sb.append(ch);
      }
    }
    return sb == null ? s : sb.toString();
  }

  /** LEFT: one character by default; a negative count is #VALUE!. */
  static Value left(Args a) {
    String s = a.text(0);
    long n = count(a.num(1));
    if (n < 0) {
      return valueError("LEFT needs a count of 0 or more");
    }
    return new Text(s.substring(0, (int) Math.min(n, s.length())));
  }

  static Value right(Args a) {
    String s = a.text(0);
    long n = count(a.num(1));
    if (n < 0) {
      return valueError("RIGHT needs a count of 0 or more");
    }
    return new Text(s.substring(s.length() - (int) Math.min(n, s.length())));
  }

  /** MID: the start is 1-based and must be at least 1; past the end gives "". */
  static Value mid(Args a) {
    String s = a.text(0);
    long start = count(a.num(1));
    long n = count(a.num(2));
    if (start < 1 || n < 0) {
      return valueError("MID needs a start of 1 or more and a count of 0 or more");
    }
    if (start > s.length()) {
      return new Text("");
    }
    int from = (int) start - 1;
    return new Text(s.substring(from, (int) Math.min(s.length(), from + n)));
  }

  /** REPT checks the result length before building it, so REPT("x",1E9) costs nothing. */
  static Value rept(Args a) {
    String s = a.text(0);
    long n = count(a.num(1));
    if (n < 0) {
      return valueError("REPT needs a count of 0 or more");
    }
    if (s.isEmpty() || n == 0) {
      return new Text("");
    }
    if (n > Coerce.MAX_TEXT / s.length()) {
      return valueError("text longer than 32,767 characters");
    }
    return new Text(s.repeat((int) n));
  }

  /** T: text stays, other values become "" (errors propagate). */
  static Value t(Args a) {
    Value v = a.get(0);
    return v instanceof Text ? v : new Text("");
  }

  static Value concatenate(Args a) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < a.size(); i++) {
      sb.append(a.text(i));
      if (sb.length() > Coerce.MAX_TEXT) {
        break;
      }
    }
    return Coerce.text(sb.toString());
  }
}

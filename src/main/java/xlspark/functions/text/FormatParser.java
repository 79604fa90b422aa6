package xlspark.functions.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import xlspark.functions.text.FormatToken.Kind;
import xlspark.value.TextNumbers;

/**
 * Splits an Excel format code into sections ({@code pos;neg;zero;text}) and each section into tokens.
 * Quoted strings, {@code \x} escapes and characters Excel shows as they are become literals; {@code _x} is
 * one space and {@code *x} fill is dropped (TEXT has no column to fill); colours such as {@code [Red]} are
 * ignored; {@code [>100]} is a condition and {@code [$€-407]} a currency symbol.
 */
final class FormatParser {
  private FormatParser() {
  }

  static List<FormatSection> parse(String code) {
    List<FormatSection> out = new ArrayList<>(4);
    for (String s : split(code)) {
      out.add(section(s));
    }
    return out;
  }

  /** Splits on ';' outside quotes, brackets and escapes. */
  static List<String> split(String code) {
    List<String> parts = new ArrayList<>(4);
    int start = 0;
    int n = code.length();
    for (int i = 0; i < n; i++) {
      char c = code.charAt(i);
      if (c == '"') {
        int j = code.indexOf('"', i + 1);
        i = j < 0 ? n : j;
      } else if (c == '\\' || c == '_' || c == '*') {
        i++;
      } else if (c == '[') {
        int j = code.indexOf(']', i);
        i = j < 0 ? n : j;
      } else if (c == ';') {
        parts.add(code.substring(start, i));
        start = i + 1;
      }
    }
    parts.add(code.substring(Math.min(start, n)));
    return parts;
  }

  private static FormatSection section(String s) {
    List<FormatToken> tokens = new ArrayList<>();
    FormatSection.Condition condition = null;
    boolean invalid = false;
    int n = s.length();
    int i = 0;
    while (i < n) {
      char c = s.charAt(i);
      char lower = Character.toLowerCase(c);
      if (c == '"') {
        int j = s.indexOf('"', i + 1);
        // a quote never closed makes the code invalid: Excel's TEXT(1.23,"#""°F""""") is #VALUE!
        invalid |= j < 0;
        int end = j < 0 ? n : j;
        tokens.add(FormatToken.literal(s.substring(i + 1, end)));
        i = end + 1;
      } else if (c == '\\') {
        if (i + 1 < n) {
          tokens.add(FormatToken.literal(String.valueOf(s.charAt(i + 1))));
        }
        i += 2;
      } else if (c == '_') {
        tokens.add(FormatToken.literal(" "));
        i += 2;
      } else if (c == '*') {
        i += 2;
      } else if (c == '[') {
        int j = s.indexOf(']', i);
        if (j < 0) {
          tokens.add(FormatToken.literal(s.substring(i)));
          break;
        }
        FormatSection.Condition cond = bracket(s.substring(i + 1, j), tokens);
        condition = cond != null ? cond : condition;
        i = j + 1;
      } else if (c == '0' || c == '#' || c == '?') {
        tokens.add(new FormatToken(Kind.DIGIT, String.valueOf(c)));
        i++;
      } else if ((c == 'E' || c == 'e') && i + 1 < n && (s.charAt(i + 1) == '+' || s.charAt(i + 1) == '-')) {
        tokens.add(new FormatToken(Kind.EXPONENT, s.substring(i, i + 2)));
        i += 2;
      } else if (s.regionMatches(true, i, "General", 0, 7)) {
        tokens.add(new FormatToken(Kind.GENERAL, "General"));
        i += 7;
      } else if (s.regionMatches(true, i, "AM/PM", 0, 5)) {
        tokens.add(new FormatToken(Kind.AMPM, s.substring(i, i + 5)));
        i += 5;
      } else if (s.regionMatches(true, i, "A/P", 0, 3)) {
        tokens.add(new FormatToken(Kind.AMPM, s.substring(i, i + 3)));
        i += 3;
      } else if (lower == 'y' || lower == 'm' || lower == 'd' || lower == 'h' || lower == 's') {
        int j = i;
        while (j < n && Character.toLowerCase(s.charAt(j)) == lower) {
          j++;
        }
        tokens.add(new FormatToken(Kind.DATE, String.valueOf(lower).repeat(j - i)));
        i = j;
      } else {
        tokens.add(single(c));
        i++;
      }
    }
    FormatSection section = new FormatSection(tokens, condition);
    section.invalid |= invalid;
    return section;
  }

  private static FormatToken single(char c) {
    return switch (c) {
      case '.' -> new FormatToken(Kind.POINT, ".");
      case ',' -> new FormatToken(Kind.COMMA, ",");
      case '%' -> new FormatToken(Kind.PERCENT, "%");
      case '/' -> new FormatToken(Kind.SLASH, "/");
      case '@' -> new FormatToken(Kind.AT, "@");
      default -> FormatToken.literal(String.valueOf(c));
    };
  }

  /** A bracketed part: returns a condition, or adds a currency/elapsed token, or ignores a colour. */
  private static FormatSection.Condition bracket(String content, List<FormatToken> tokens) {
    if (content.isEmpty()) {
      return null;
    }
    char c = content.charAt(0);
    if (c == '$') {
      int dash = content.indexOf('-');
      String symbol = content.substring(1, dash < 0 ? content.length() : dash);
      if (!symbol.isEmpty()) {
        tokens.add(FormatToken.literal(symbol));
      }
      return null;
    }
    if (c == '<' || c == '>' || c == '=') {
      int opLen = content.length() > 1 && (content.charAt(1) == '=' || content.charAt(1) == '>') ? 2 : 1;
      double v = TextNumbers.parsePlain(content.substring(opLen).trim());
      return Double.isNaN(v) ? null : new FormatSection.Condition(content.substring(0, opLen), v);
    }
    String lower = content.toLowerCase(Locale.ROOT);
    char l = lower.charAt(0);
    if ((l == 'h' || l == 'm' || l == 's') && lower.chars().allMatch(ch -> ch == l)) {
      tokens.add(new FormatToken(Kind.ELAPSED, "[" + lower + "]"));
    }
    return null;
  }
}

package xlspark.functions.text;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import xlspark.functions.text.FormatSection.Type;
import xlspark.functions.text.FormatToken.Kind;
import xlspark.value.NumberText;

/**
 * An Excel number format code, parsed once and cached (formats repeat across rows). Sections are
 * {@code positive;negative;zero;text}: with one section negatives get a minus sign, with two the second
 * shows negatives without one, a third shows zero, a fourth text. Conditions such as {@code [<1000]} replace
 * the sign tests. Text that has no text section is returned unchanged.
 */
public final class NumberFormat {
  private static final int CACHE_LIMIT = 4_096;
  private static final ConcurrentHashMap<String, NumberFormat> CACHE = new ConcurrentHashMap<>();

  private final List<FormatSection> sections;
  private final boolean conditional;
  private final FormatSection textSection;

  private NumberFormat(String code) {
    this.sections = FormatParser.parse(code);
    this.conditional = sections.stream().anyMatch(s -> s.condition != null);
    FormatSection text = sections.size() >= 4 ? sections.get(3) : null;
    for (int i = 0; text == null && i < sections.size(); i++) {
      text = sections.get(i).type == Type.TEXT ? sections.get(i) : null;
    }
    this.textSection = text;
  }

  /** The parsed format of a code, from the cache when it has been seen. */
  public static NumberFormat of(String code) {
    NumberFormat f = CACHE.get(code);
    if (f == null) {
      if (CACHE.size() >= CACHE_LIMIT) {
        CACHE.clear();
      }
      f = new NumberFormat(code);
      CACHE.putIfAbsent(code, f);
    }
    return f;
  }

  /** A number as the format shows it, or null when it cannot (a negative or too large date: #VALUE!). */
  public String format(double x) {
    int n = Math.min(sections.size(), 3);
    FormatSection s;
    boolean minus;
    if (conditional) {
      s = conditionalSection(x, n);
      minus = x < 0 && (s.condition == null || !s.condition.negativeOnly());
    } else if (n == 1 || x > 0 || x == 0 && n == 2) {
      s = sections.get(0);
      minus = x < 0;
    } else if (x < 0) {
      s = sections.get(1);
      minus = false;
    } else {
      s = sections.get(2);
      minus = false;
    }
    return render(s, x, minus);
  }

  private FormatSection conditionalSection(double x, int n) {
    FormatSection first = sections.get(0);
    if (first.condition == null ? x >= 0 : first.condition.test(x)) {
      return first;
    }
    if (n == 1) {
      return first;
    }
    FormatSection second = sections.get(1);
    if (second.condition != null ? second.condition.test(x) : n == 2 || x < 0) {
      return second;
    }
    return n >= 3 ? sections.get(2) : second;
  }

  private static String render(FormatSection s, double x, boolean minus) {
    double abs = Math.abs(x);
    String body;
    switch (s.type) {
      case DATE -> {
        if (minus) {
          return null;
        }
        body = DateRenderer.render(s, abs);
        if (body == null) {
          return null;
        }
      }
      case TEXT -> body = renderText(s, NumberText.general(abs));
      default -> body = hasGeneral(s) ? renderGeneral(s, abs) : NumberRenderer.render(s, abs);
    }
    return minus ? "-" + body : body;
  }

  private static boolean hasGeneral(FormatSection s) {
    return s.count(Kind.GENERAL, 0, s.tokens.length) > 0 && s.count(Kind.DIGIT, 0, s.tokens.length) == 0;
  }

  private static String renderGeneral(FormatSection s, double abs) {
    StringBuilder out = new StringBuilder();
    for (FormatToken t : s.tokens) {
      out.append(t.is(Kind.GENERAL) ? GeneralFormat.of(abs) : t.text());
    }
    return out.toString();
  }

  /** Text through the text section ({@code @} is the text), or unchanged when the format has none. */
  public String formatText(String text) {
    return textSection == null ? text : renderText(textSection, text);
  }

  private static String renderText(FormatSection s, String text) {
    StringBuilder out = new StringBuilder(text.length() + 8);
    for (FormatToken t : s.tokens) {
      if (t.is(Kind.AT)) {
        out.append(text);
      } else if (t.is(Kind.LITERAL)) {
        out.append(t.text());
      }
    }
    return out.toString();
  }
}

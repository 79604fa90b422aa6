package xlspark.functions.text;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import xlspark.functions.text.FormatSection.Type;
import xlspark.functions.text.FormatToken.Kind;
import xlspark.value.DateSystem;
import xlspark.value.NumberText;

/**
 * An Excel number format code, parsed once and cached (formats repeat across rows). The cache is bounded by
 * entries and by the estimated bytes of the parsed formats, at most {@link #CACHE_HEAP_SHARE} of the maximum
 * heap; a format estimated above {@link #HUGE_SHARE} of that bound is parsed for each use and not cached (a
 * 32,000-character code parses to 0.4 to 2.5 MB of tokens; 4,096 of them once filled any heap). Sections are
 * {@code positive;negative;zero;text}: with one section negatives get a minus sign, with two the second
 * shows negatives without one, a third shows zero, a fourth text. Conditions such as {@code [<1000]} replace
 * the sign tests. Text that has no text section is returned unchanged.
 */
public final class NumberFormat {
  private static final int CACHE_LIMIT = 4_096;
  /** Share of the maximum heap the cached formats may take, by their estimated bytes. */
  static final double CACHE_HEAP_SHARE = 1.0 / 64;
  /** A format estimated above this share of the cache's byte bound is not cached. */
  static final double HUGE_SHARE = 1.0 / 64;
  static final long CACHE_MAX_BYTES = xlspark.value.Heap.share(CACHE_HEAP_SHARE);
  private static final ConcurrentHashMap<String, NumberFormat> CACHE = new ConcurrentHashMap<>();
  private static long cachedBytes;

  private final List<FormatSection> sections;
  /** How many sections format numbers: a third section holding the text placeholder is the text section. */
  private final int numberSections;
  private final boolean invalid;
  private final boolean conditional;
  private final FormatSection textSection;

  private NumberFormat(String code) {
    this.sections = FormatParser.parse(code);
    this.invalid = sections.stream().anyMatch(s -> s.invalid);
    // Excel's TEXT(0,"w;x;z@") is "w": with pos;neg;text, zero takes the first section
    this.numberSections = sections.size() == 3 && sections.get(2).type == Type.TEXT ? 2 : Math.min(sections.size(), 3);
    this.conditional = sections.stream().anyMatch(s -> s.condition != null);
    FormatSection text = sections.size() >= 4 ? sections.get(3) : null;
    for (int i = 0; text == null && i < sections.size(); i++) {
      text = sections.get(i).type == Type.TEXT ? sections.get(i) : null;
    }
    this.textSection = text;
  }

  /** The parsed format of a code, from the cache when it has been seen (and is not huge). */
  public static NumberFormat of(String code) {
    NumberFormat f = CACHE.get(code);
    if (f == null) {
      f = new NumberFormat(code);
      long size = estimateBytes(code);
      if (size <= CACHE_MAX_BYTES * HUGE_SHARE) {
        cache(code, f, size);
      }
    }
    return f;
  }

  /**
   * The estimated bytes of a parsed code: a token record and its text per character at worst (measured 14 to
   * 77 bytes per character on 32,000-character codes of each kind), plus the key.
   */
  static long estimateBytes(String code) {
    return 256 + 96L * code.length();
  }

  private static synchronized void cache(String code, NumberFormat f, long size) {
    if (CACHE.size() >= CACHE_LIMIT || cachedBytes + size > CACHE_MAX_BYTES) {
      CACHE.clear();
      cachedBytes = 0;
    }
    if (CACHE.putIfAbsent(code, f) == null) {
      cachedBytes += size;
    }
  }

  /** The estimated bytes of the cached formats (for tests and reports). */
  static synchronized long cachedBytes() {
    return cachedBytes;
  }

  /**
   * A number as the format shows it, dates as serials of {@code dates} (the run's date system), or null when it
   * cannot (a negative or too large date: #VALUE!).
   */
  public String format(double x, DateSystem dates) {
    if (invalid) {
      return null;
    }
    int n = numberSections;
    FormatSection s;
    boolean minus;
    if (conditional && n == 1 && !sections.get(0).condition.test(x)) {
      // one section whose condition fails: Excel shows the number in General (TEXT(10,"[<10]#"" Wow""") is "10")
      return (x < 0 ? "-" : "") + GeneralFormat.of(Math.abs(x));
    }
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
    return render(s, x, minus, dates);
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

  private static String render(FormatSection s, double x, boolean minus, DateSystem dates) {
    double abs = Math.abs(x);
    String body;
    switch (s.type) {
      case DATE -> {
        if (minus && !elapsedOnly(s)) {
          return null;
        }
        body = DateRenderer.render(s, abs, dates);
        if (body == null) {
          return null;
        }
      }
      case TEXT -> body = renderText(s, NumberText.general(abs));
      default -> body = hasGeneral(s) ? renderGeneral(s, abs) : NumberRenderer.render(s, abs);
    }
    return minus ? "-" + body : body;
  }

  /** A section of one elapsed-time code and literals ("[s]"): Excel shows negatives with it (-1 is -86400). */
  private static boolean elapsedOnly(FormatSection s) {
    int elapsed = 0;
    for (FormatToken t : s.tokens) {
      if (t.is(Kind.DATE) || t.is(Kind.MINUTE) || t.is(Kind.AMPM) || t.is(Kind.SUBSECOND)) {
        return false;
      }
      elapsed += t.is(Kind.ELAPSED) ? 1 : 0;
    }
    return elapsed == 1;
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
    if (invalid) {
      return null;
    }
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

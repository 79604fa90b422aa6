package xlspark.functions.text;

import static xlspark.functions.ArgKind.NUMBER;
import static xlspark.functions.ArgKind.TEXT;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import xlspark.functions.Args;
import xlspark.functions.EvalContext;
import xlspark.functions.FunctionSpec;
import xlspark.value.Budget;
import xlspark.value.Coerce;
import xlspark.value.ExcelError;
import xlspark.value.Value;

/**
 * REGEXTEST, REGEXEXTRACT and REGEXREPLACE. Patterns are untrusted text run by {@code java.util.regex}, a
 * backtracking engine: a pattern such as {@code (a+)+$} takes exponential time on a long subject. The subject is
 * therefore handed to the matcher as a {@link CharSequence} that charges every character read to the row's budget,
 * so a runaway match ends at the row's deadline as an error row. Patterns are capped at {@link #MAX_PATTERN}
 * characters; a pattern that is not valid, or one whose matching overflows the stack, is #VALUE!.
 * Excel's flavour is PCRE2; Java's syntax agrees on everything but a few rarities (recursion, {@code \K},
 * callouts), which are then #VALUE!.
 */
public final class RegexFunctions {
  /** Longest pattern accepted (characters). */
  public static final int MAX_PATTERN = 1_000;
  private static final int CACHE = 64;

  /** Compiled patterns of this thread, most recently used last: rows of a column tend to share a pattern. */
  private static final ThreadLocal<Map<String, Pattern>> PATTERNS = ThreadLocal.withInitial(
      () -> new LinkedHashMap<>(CACHE * 2, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Pattern> e) {
          return size() > CACHE;
        }
      });

  private RegexFunctions() {
  }

  public static List<FunctionSpec> specs() {
    return List.of(
        FunctionSpec.builder("REGEXTEST", RegexFunctions::test).args(TEXT, TEXT).optionalArg(NUMBER, 0).build(),
        FunctionSpec.builder("REGEXEXTRACT", RegexFunctions::extract).args(TEXT, TEXT)
            .optionalArg(NUMBER, 0).optionalArg(NUMBER, 0).build(),
        FunctionSpec.builder("REGEXREPLACE", RegexFunctions::replace).args(TEXT, TEXT, TEXT)
            .optionalArg(NUMBER, 0).optionalArg(NUMBER, 0).build());
  }

  /** A compiled pattern, or the error value for a bad one. */
  private record Compiled(Pattern pattern, Value error) {
  }

  private static Compiled compile(String pattern, Args a, int caseArg) {
    int mode = (int) a.num(caseArg);
    if (mode != 0 && mode != 1) {
      return new Compiled(null, Value.err(ExcelError.VALUE, "case_sensitivity must be 0 or 1"));
    }
    if (pattern.length() > MAX_PATTERN) {
      return new Compiled(null, Value.err(ExcelError.VALUE, "pattern longer than " + MAX_PATTERN + " characters"));
    }
    String key = mode + pattern;
    Map<String, Pattern> cache = PATTERNS.get();
    Pattern p = cache.get(key);
    if (p == null) {
      a.ctx().spend((long) pattern.length() * 16);
      try {
        p = Pattern.compile(pattern, mode == 1 ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0);
      } catch (PatternSyntaxException | StackOverflowError e) {
        return new Compiled(null, Value.err(ExcelError.VALUE, "not a valid regular expression: "
            + (e instanceof PatternSyntaxException s ? s.getDescription() : "too deeply nested")));
      }
      cache.put(key, p);
    }
    return new Compiled(p, null);
  }

  /** A matcher over the subject whose every character read is charged to the row's budget. */
  private static Matcher matcher(Pattern p, String subject, EvalContext ctx) {
    return p.matcher(new Metered(subject, ctx));
  }

  private interface Match {
    Value run() throws StackOverflowError;
  }

  /** Runs a match; a stack overflow of the backtracking engine (a deeply nested match) is #VALUE!. */
  private static Value guarded(Match m) {
    try {
      return m.run();
    } catch (StackOverflowError e) {
      return Value.err(ExcelError.VALUE, "the regular expression needs too deep a backtracking stack");
    }
  }

  static Value test(Args a) {
    Compiled c = compile(a.text(1), a, 2);
    if (c.error() != null) {
      return c.error();
    }
    return guarded(() -> Value.bool(matcher(c.pattern(), a.text(0), a.ctx()).find()));
  }

  /** REGEXEXTRACT: 0 the first match, 1 every match (a column), 2 the first match's groups (a row). */
  static Value extract(Args a) {
    int mode = (int) a.num(2);
    if (mode < 0 || mode > 2) {
      return Value.err(ExcelError.VALUE, "return_mode must be 0, 1 or 2");
    }
    Compiled c = compile(a.text(1), a, 3);
    if (c.error() != null) {
      return c.error();
    }
    return guarded(() -> {
      Matcher m = matcher(c.pattern(), a.text(0), a.ctx());
      if (!m.find()) {
        return Value.err(ExcelError.NA, "no match");
      }
      if (mode == 0) {
        return Value.text(m.group());
      }
      List<Value> out = new ArrayList<>();
      if (mode == 1) {
        Budget budget = a.ctx().budget();
        do {
          out.add(Value.text(m.group()));
          if (!budget.spendArrayText(m.group().length())) {
            return budget.tooMuchText();
          }
        } while (m.find());
        return new Value.Arr(out.size(), 1, out.toArray(new Value[0]));
      }
      if (m.groupCount() == 0) {
        return Value.err(ExcelError.NA, "the pattern has no capturing groups");
      }
      for (int g = 1; g <= m.groupCount(); g++) {
        String s = m.group(g);
        out.add(Value.text(s == null ? "" : s));
      }
      return new Value.Arr(1, out.size(), out.toArray(new Value[0]));
    });
  }

  /**
   * REGEXREPLACE: occurrence 0 replaces every match, n the n-th, -n the n-th from the end. The replacement refers
   * to groups as {@code $1}, {@code ${name}}; {@code $$} is a dollar sign.
   */
  static Value replace(Args a) {
    int occurrence = (int) a.num(3);
    Compiled c = compile(a.text(1), a, 4);
    if (c.error() != null) {
      return c.error();
    }
    String text = a.text(0);
    String replacement = a.text(2);
    return guarded(() -> {
      Matcher m = matcher(c.pattern(), text, a.ctx());
      List<int[]> spans = new ArrayList<>();
      List<String> groups = new ArrayList<>();
      while (m.find()) {
        spans.add(new int[] {m.start(), m.end()});
        Value r = expand(replacement, m);
        if (r instanceof Value.Err) {
          return r;
        }
        groups.add(((Value.Text) r).s());
      }
      int only = -1;
      if (occurrence > 0) {
        only = occurrence - 1;
      } else if (occurrence < 0) {
        only = spans.size() + occurrence;
      }
      if (occurrence != 0 && (only < 0 || only >= spans.size())) {
        return Value.text(text);
      }
      StringBuilder sb = new StringBuilder();
      int at = 0;
      for (int i = 0; i < spans.size(); i++) {
        if (occurrence != 0 && i != only) {
          continue;
        }
        sb.append(text, at, spans.get(i)[0]).append(groups.get(i));
        at = spans.get(i)[1];
        if (sb.length() > Coerce.MAX_TEXT) {
          break;
        }
      }
      sb.append(text, at, text.length());
      return Coerce.text(sb.toString());
    });
  }

  /** The replacement text for one match: {@code $n}, {@code ${n}}, {@code ${name}}, {@code $$}. */
  private static Value expand(String replacement, Matcher m) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < replacement.length(); i++) {
      char ch = replacement.charAt(i);
      if (ch != '$' || i + 1 == replacement.length()) {
        sb.append(ch);
        continue;
      }
      char next = replacement.charAt(i + 1);
      if (next == '$') {
        sb.append('$');
        i++;
      } else if (Character.isDigit(next)) {
        int j = i + 1;
        int g = 0;
        // PCRE2 reads as many digits as there are; a group that does not exist is an error.
        while (j < replacement.length() && Character.isDigit(replacement.charAt(j)) && g < 1000) {
          g = g * 10 + replacement.charAt(j) - '0';
          j++;
        }
        if (g > m.groupCount()) {
          return Value.err(ExcelError.VALUE, "the replacement names group " + g + ", which the pattern lacks");
        }
        String s = m.group(g);
        sb.append(s == null ? "" : s);
        i = j - 1;
      } else if (next == '{') {
        int close = replacement.indexOf('}', i + 2);
        if (close < 0) {
          return Value.err(ExcelError.VALUE, "unclosed ${ in the replacement");
        }
        String name = replacement.substring(i + 2, close);
        String s;
        try {
          s = name.chars().allMatch(Character::isDigit) && !name.isEmpty()
              ? m.group(Integer.parseInt(name)) : m.group(name);
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
          return Value.err(ExcelError.VALUE, "the replacement names group " + name + ", which the pattern lacks");
        }
        sb.append(s == null ? "" : s);
        i = close;
      } else {
        sb.append(ch);
      }
      if (sb.length() > Coerce.MAX_TEXT) {
        break;
      }
    }
    return Value.text(sb.toString());
  }

  /**
   * The subject as the matcher sees it: every character read is one unit of the row's budget, so the deadline is
   * checked while a backtracking match runs, however long it would take.
   */
  static final class Metered implements CharSequence {
    private final String s;
    private final int from;
    private final int to;
    private final EvalContext ctx;

    Metered(String s, EvalContext ctx) {
      this(s, 0, s.length(), ctx);
    }

    private Metered(String s, int from, int to, EvalContext ctx) {
      this.s = s;
      this.from = from;
      this.to = to;
      this.ctx = ctx;
    }

    @Override
    public int length() {
      return to - from;
    }

    @Override
    public char charAt(int index) {
      ctx.spend(1);
      return s.charAt(from + index);
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      ctx.spend(end - start);
      return new Metered(s, from + start, from + end, ctx);
    }

    @Override
    public String toString() {
      ctx.spend(to - from);
      return s.substring(from, to);
    }
  }
}

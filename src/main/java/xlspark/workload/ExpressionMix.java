package xlspark.workload;

import java.util.SplittableRandom;

/**
 * Deterministic generator of realistic Excel expressions: arithmetic, ROUND, IF and nested IFs, AND/OR,
 * SUM/AVERAGE/MIN/MAX of a few numbers, text functions and comparisons. Expression {@code i} depends only
 * on (seed, i), so workloads can be generated in parallel and again identically. Each expression picks one
 * of {@link #SHAPES} shapes (its structure, built from the shape number alone) and fills it with its own
 * literals, so texts are practically all distinct while shapes number in the hundreds.
 *
 * <p>The {@link #divergent divergent} mix (workloads W1d and W4d) draws each expression's structure from the
 * row itself instead, adds random extra parentheses, negated sub-expressions and function wrappers around
 * numeric sub-expressions, and gives every number a random sign: most rows then have a shape of their own,
 * the input that a template cache cannot help.
 */
public final class ExpressionMix {
  /** Number of distinct expression structures the mix draws from. */
  public static final int SHAPES = 400;

  private static final String[] WORDS = {"alpha", "beta", "gamma", "delta", "north", "south", "east", "west",
      "red", "green", "blue", "Excel", "spark", "pool", "task"};

  private final long seed;
  private final boolean divergent;

  public ExpressionMix(long seed) {
    this(seed, false);
  }

  private ExpressionMix(long seed, boolean divergent) {
    this.seed = seed;
    this.divergent = divergent;
  }

  /** The mix of W1d and W4d: per-row structure, random nesting and random signs (see the class comment). */
  public static ExpressionMix divergent(long seed) {
    return new ExpressionMix(seed, true);
  }

  /** True for the {@link #divergent} mix. */
  public boolean isDivergent() {
    return divergent;
  }

  /** The i-th expression of this mix (with a leading '='). */
  public String expression(long i) {
    SplittableRandom lit = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + i * 0xC2B2AE3D27D4EB4FL + 1);
    int shape = lit.nextInt(SHAPES);
    SplittableRandom structure = divergent ? lit.split() : new SplittableRandom(seed * 31 + shape);
    StringBuilder sb = new StringBuilder("=");
    top(sb, structure, lit);
    return sb.toString();
  }

  /** The shape number of expression i (for reporting); meaningless for the divergent mix. */
  public int shapeOf(long i) {
    return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + i * 0xC2B2AE3D27D4EB4FL + 1).nextInt(SHAPES);
  }

  /**
   * An expression calling {@code function} with {@code args} numeric (or for CONCATENATE text) arguments,
   * e.g. 250-argument SUM calls for the long-task workloads.
   */
  public String wideCall(long i, String function, int args) {
    SplittableRandom lit = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + i * 0xC2B2AE3D27D4EB4FL + 7);
    StringBuilder sb = new StringBuilder("=").append(function).append('(');
    boolean text = function.equals("CONCATENATE");
    for (int a = 0; a < args; a++) {
      if (a > 0) {
        sb.append(',');
      }
      if (text) {
        sb.append('"').append((char) ('a' + lit.nextInt(26))).append('"');
      } else {
        number(sb, lit);
      }
    }
    return sb.append(')').toString();
  }

  private void top(StringBuilder sb, SplittableRandom s, SplittableRandom lit) {
    switch (s.nextInt(8)) {
      case 0 -> {
        sb.append("ROUND(");
        numeric(sb, s, lit, 2);
        sb.append(',').append(lit.nextInt(4)).append(')');
      }
      case 1 -> {
        sb.append("IF(");
        condition(sb, s, lit, 1);
        sb.append(',');
        value(sb, s, lit, 1);
        sb.append(',');
        value(sb, s, lit, 1);
        sb.append(')');
      }
      case 2 -> nestedIf(sb, s, lit, 2 + s.nextInt(3));
      case 3 -> condition(sb, s, lit, 2);
      case 4 -> text(sb, s, lit, 2);
      default -> numeric(sb, s, lit, 3);
    }
  }

  private void nestedIf(StringBuilder sb, SplittableRandom s, SplittableRandom lit, int depth) {
    sb.append("IF(");
    condition(sb, s, lit, 0);
    sb.append(',');
    string(sb, lit);
    sb.append(',');
    if (depth > 1) {
      nestedIf(sb, s, lit, depth - 1);
    } else {
      string(sb, lit);
    }
    sb.append(')');
  }

  private void value(StringBuilder sb, SplittableRandom s, SplittableRandom lit, int depth) {
    if (s.nextInt(3) == 0) {
      text(sb, s, lit, depth);
    } else {
      numeric(sb, s, lit, depth);
    }
  }

  private void numeric(StringBuilder sb, SplittableRandom s, SplittableRandom lit, int depth) {
    if (!divergent) {
      plainNumeric(sb, s, lit, depth);
      return;
    }
    // Divergent: one in two numeric sub-expressions gets a wrapper, which may itself be wrapped again.
    switch (s.nextInt(12)) {
      case 0, 1 -> {
        sb.append('(');
        numeric(sb, s, lit, depth);
        sb.append(')');
      }
      case 2, 3 -> {
        sb.append("-(");
        numeric(sb, s, lit, depth);
        sb.append(')');
      }
      case 4 -> {
        sb.append("ABS(");
        numeric(sb, s, lit, depth);
        sb.append(')');
      }
      case 5 -> {
        sb.append("ROUND(");
        numeric(sb, s, lit, depth);
        sb.append(',').append(lit.nextInt(3)).append(')');
      }
      default -> plainNumeric(sb, s, lit, s.nextInt(4) == 0 ? Math.min(depth + 1, 4) : depth);
    }
  }

  private void plainNumeric(StringBuilder sb, SplittableRandom s, SplittableRandom lit, int depth) {
    // divergent rows are never a lone number or LEN at the top, the rows that would share shapes most
    int pick = depth <= 0 ? 0 : divergent && depth >= 2 ? 1 + s.nextInt(5) : s.nextInt(7);
    switch (pick) {
      case 0 -> number(sb, lit);
      case 1, 2 -> {
        String[] ops = {"+", "-", "*", "/"};
        boolean paren = s.nextBoolean();
        if (paren) {
          sb.append('(');
        }
        numeric(sb, s, lit, depth - 1);
        sb.append(ops[s.nextInt(ops.length)]);
        numeric(sb, s, lit, depth - 1);
        if (paren) {
          sb.append(')');
        }
      }
      case 3 -> {
        String[] aggs = {"SUM", "AVERAGE", "MIN", "MAX"};
        sb.append(aggs[s.nextInt(aggs.length)]).append('(');
        int n = 2 + s.nextInt(4);
        for (int k = 0; k < n; k++) {
          if (k > 0) {
            sb.append(',');
          }
          if (k == 0 && depth > 1 && s.nextBoolean()) {
            numeric(sb, s, lit, depth - 1);
          } else {
            number(sb, lit);
          }
        }
        sb.append(')');
      }
      case 4 -> {
        sb.append("ROUND(");
        numeric(sb, s, lit, depth - 1);
        sb.append(',').append(lit.nextInt(3)).append(')');
      }
      case 5 -> {
        sb.append("ABS(");
        numeric(sb, s, lit, depth - 1);
        sb.append(')');
      }
      default -> {
        sb.append("LEN(");
        string(sb, lit);
        sb.append(')');
      }
    }
  }

  private void condition(StringBuilder sb, SplittableRandom s, SplittableRandom lit, int depth) {
    if (divergent) {
      switch (s.nextInt(8)) {
        case 0 -> {
          sb.append('(');
          condition(sb, s, lit, depth);
          sb.append(')');
          return;
        }
        case 1 -> {
          sb.append("NOT(");
          condition(sb, s, lit, depth);
          sb.append(')');
          return;
        }
        default -> {
        }
      }
    }
    int pick = depth <= 0 ? s.nextInt(2) : divergent && depth >= 2 ? 2 * s.nextInt(2) : s.nextInt(4);
    String[] cmp = {">", "<", ">=", "<=", "=", "<>"};
    switch (pick) {
      case 0 -> {
        numeric(sb, s, lit, Math.min(depth, 1));
        sb.append(cmp[s.nextInt(cmp.length)]);
        number(sb, lit);
      }
      case 1 -> {
        string(sb, lit);
        sb.append(s.nextBoolean() ? "=" : "<>");
        string(sb, lit);
      }
      default -> {
        sb.append(s.nextBoolean() ? "AND(" : "OR(");
        int n = 2 + s.nextInt(2);
        for (int k = 0; k < n; k++) {
          if (k > 0) {
            sb.append(',');
          }
          condition(sb, s, lit, depth - 1);
        }
        sb.append(')');
      }
    }
  }

  private void text(StringBuilder sb, SplittableRandom s, SplittableRandom lit, int depth) {
    if (divergent) {
      switch (s.nextInt(8)) {
        case 0 -> {
          sb.append('(');
          text(sb, s, lit, depth);
          sb.append(')');
          return;
        }
        case 1 -> {
          sb.append("UPPER(");
          text(sb, s, lit, depth);
          sb.append(')');
          return;
        }
        default -> {
        }
      }
    }
    switch (depth <= 0 ? 0 : divergent && depth >= 2 ? 1 + s.nextInt(3) : s.nextInt(4)) {
      case 0 -> string(sb, lit);
      case 1 -> {
        sb.append("UPPER(");
        text(sb, s, lit, depth - 1);
        sb.append(')');
      }
      case 2 -> {
        sb.append("LEFT(");
        text(sb, s, lit, depth - 1);
        sb.append(',').append(1 + lit.nextInt(4)).append(')');
      }
      default -> {
        text(sb, s, lit, depth - 1);
        sb.append('&');
        if (s.nextBoolean()) {
          number(sb, lit);
        } else {
          text(sb, s, lit, depth - 1);
        }
      }
    }
  }

  private void number(StringBuilder sb, SplittableRandom lit) {
    if (divergent && lit.nextBoolean()) {
      sb.append('-');
    }
    switch (lit.nextInt(3)) {
      case 0 -> sb.append(lit.nextInt(100_000));
      case 1 -> sb.append(lit.nextInt(10_000_000) / 100.0);
      default -> sb.append(lit.nextInt(1_000_000) / 1000.0);
    }
  }

  private static void string(StringBuilder sb, SplittableRandom lit) {
    sb.append('"').append(WORDS[lit.nextInt(WORDS.length)]).append(lit.nextInt(100_000)).append('"');
  }
}

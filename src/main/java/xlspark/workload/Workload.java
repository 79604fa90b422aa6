package xlspark.workload;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The benchmark workloads of the Pool-vs-Process study, as CSV tables of expressions generated from
 * {@link ExpressionMix}: deterministic for a seed, so every run of the benchmark evaluates the same table.
 */
public enum Workload {
  W1("1,000,000 distinct small mixed expressions", 1_000_000, 0),
  W1G("W1 with a group column of 16 groups", 1_000_000, 16),
  W1D("1,000,000 small mixed expressions, random nesting and signs: most rows a shape of their own", 1_000_000, 0),
  W2("100 small expressions", 100, 0),
  W3("100 expressions, each a call with 250 arguments", 100, 0),
  W4("100,000 expressions with 250 arguments", 100_000, 0),
  W4D("100,000 expressions with 250 arguments, numbers randomly negative", 100_000, 0),
  W5("200 WEBSERVICE calls to a slow local server, in 200 groups", 200, 200);

  /** Arguments of the wide calls of W3 and W4. */
  public static final int WIDE_ARGS = 250;
  private static final String[] WIDE_FUNCTIONS = {"SUM", "AVERAGE", "CONCATENATE"};

  private final String description;
  private final long rows;
  private final int groups;

  Workload(String description, long rows, int groups) {
    this.description = description;
    this.rows = rows;
    this.groups = groups;
  }

  public String description() {
    return description;
  }

  /** Rows of the full-size workload. */
  public long rows() {
    return rows;
  }

  /** Distinct values of the {@code group} column; 0 means the table has no group column. */
  public int groups() {
    return groups;
  }

  /** The command-line name: {@code W1}, {@code W1g}, {@code W1d}, ... */
  public String cliName() {
    return switch (this) {
      case W1G -> "W1g";
      case W1D -> "W1d";
      case W4D -> "W4d";
      default -> name();
    };
  }

  /** The expression mix this workload draws from: {@link ExpressionMix#divergent} for W1d and W4d. */
  public ExpressionMix mix(long seed) {
    return this == W1D || this == W4D ? ExpressionMix.divergent(seed) : new ExpressionMix(seed);
  }

  public static Workload parse(String text) {
    try {
      return valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown workload '" + text + "' (expected W1, W1g, W1d, W2, W3, W4, W4d or W5)");
    }
  }

  /**
   * Expression {@code i} of this workload, drawn from {@code mix} (normally {@link #mix(long)}); {@code url} is
   * the WEBSERVICE target of W5.
   */
  public String expression(ExpressionMix mix, long i, String url) {
    return switch (this) {
      case W1, W1G, W1D, W2 -> mix.expression(i);
      case W3, W4, W4D -> mix.wideCall(i, WIDE_FUNCTIONS[(int) (i % WIDE_FUNCTIONS.length)], WIDE_ARGS);
      case W5 -> "=WEBSERVICE(\"" + url + (url.contains("?") ? "&" : "?") + "i=" + i + "\")";
    };
  }

  /**
   * Writes the workload as a CSV file with a header: {@code expression}, plus {@code group} when the workload
   * has groups (row i is in group i mod groups). Quoting is Excel's: fields in double quotes, quotes doubled.
   *
   * @param count rows to write (the full size is {@link #rows()})
   * @param census counts the texts and shapes written; null for none
   */
  public void writeCsv(Path file, long seed, long count, String url, ShapeCensus census) throws IOException {
    if (file.toAbsolutePath().getParent() != null) {
      Files.createDirectories(file.toAbsolutePath().getParent());
    }
    ExpressionMix mix = mix(seed);
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write(groups > 0 ? "expression,group\n" : "expression\n");
      for (long i = 0; i < count; i++) {
        String e = expression(mix, i, url);
        if (census != null) {
          census.add(e);
        }
        w.write('"');
        w.write(e.indexOf('"') >= 0 ? e.replace("\"", "\"\"") : e);
        w.write('"');
        if (groups > 0) {
          w.write(",g");
          w.write(Long.toString(i % groups));
        }
        w.write('\n');
      }
    }
  }
}

package xlspark.notebook;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A horizontal grouped bar chart as SVG: one group per category (a mode), one bar per series (wall time, CPU,
 * ...), a linear axis from zero, the value printed at the end of each bar. Notebook cells that end with a chart
 * show it as an {@code image/svg+xml} output.
 * <pre>{@code
 * var chart = new BarChart("Modes", "seconds");
 * chart.add("serial", "wall", 5.2);
 * chart.add("pool", "wall", 3.1);
 * chart
 * }</pre>
 */
public final class BarChart {
  private static final String[] COLORS = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b"};
  private static final int WIDTH = 760;
  private static final int LEFT = 110;
  private static final int RIGHT = 70;
  private static final int TOP = 56;
  private static final int BAR = 16;
  private static final int GROUP_GAP = 14;

  private final String title;
  private final String unit;
  private final Map<String, Map<String, Double>> groups = new LinkedHashMap<>();
  private final List<String> series = new ArrayList<>();

  public BarChart(String title, String unit) {
    this.title = title;
    this.unit = unit;
  }

  /** Sets the bar of {@code seriesName} in group {@code category}; categories and series keep their first order. */
  public BarChart add(String category, String seriesName, double value) {
    if (!Double.isFinite(value) || value < 0) {
      throw new IllegalArgumentException("bar " + category + "/" + seriesName + " must be finite and >= 0: " + value);
    }
    groups.computeIfAbsent(category, k -> new LinkedHashMap<>()).put(seriesName, value);
    if (!series.contains(seriesName)) {
      series.add(seriesName);
    }
    return this;
  }

  public String svg() {
    double max = groups.values().stream().flatMap(m -> m.values().stream()).mapToDouble(Double::doubleValue)
        .max().orElse(1);
    double step = niceStep(max > 0 ? max : 1);
    double top = Math.ceil((max > 0 ? max : 1) / step) * step;
    int groupHeight = series.size() * BAR + GROUP_GAP;
    int plotHeight = Math.max(1, groups.size()) * groupHeight;
    int height = TOP + plotHeight + 60;
    double scale = (WIDTH - LEFT - RIGHT) / top;
    StringBuilder b = new StringBuilder();
    b.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
        + "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">%n", WIDTH, height, WIDTH, height));
    b.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
    b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"22\" font-size=\"15\" font-weight=\"bold\">%s</text>%n",
        LEFT, Table.escape(title)));
    for (double t = 0; t <= top * 1.0001; t += step) {
      double x = LEFT + t * scale;
      b.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#ddd\"/>"
          + "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" fill=\"#555\">%s</text>%n",
          x, TOP - 6, x, TOP + plotHeight, x, TOP + plotHeight + 16, label(t)));
    }
    b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" fill=\"#555\">%s</text>%n",
        LEFT + (WIDTH - LEFT - RIGHT) / 2, TOP + plotHeight + 34, Table.escape(unit)));
    int g = 0;
    for (Map.Entry<String, Map<String, Double>> group : groups.entrySet()) {
      int y0 = TOP + g * groupHeight;
      b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\" font-weight=\"bold\">%s</text>%n",
          LEFT - 8, y0 + series.size() * BAR / 2 + 4, Table.escape(group.getKey())));
      for (int s = 0; s < series.size(); s++) {
        Double v = group.getValue().get(series.get(s));
        if (v == null) {
          continue;
        }
        int y = y0 + s * BAR;
        double w = v * scale;
        b.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\">"
            + "<title>%s %s: %s</title></rect><text x=\"%.1f\" y=\"%d\" fill=\"#333\">%s</text>%n",
            LEFT, y + 1, w, BAR - 2, COLORS[s % COLORS.length], Table.escape(group.getKey()),
            Table.escape(series.get(s)), label(v), LEFT + w + 4, y + BAR - 4, label(v)));
      }
      g++;
    }
    for (int s = 0; s < series.size(); s++) {
      int x = LEFT + s * 150;
      b.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"32\" width=\"12\" height=\"12\" fill=\"%s\"/>"
          + "<text x=\"%d\" y=\"42\">%s</text>%n", x, COLORS[s % COLORS.length], x + 17, Table.escape(series.get(s))));
    }
    return b.append("</svg>\n").toString();
  }

  /** A step of 1, 2 or 5 times a power of ten giving four to ten grid lines. */
  static double niceStep(double max) {
    double raw = max / 5;
    double decade = Math.pow(10, Math.floor(Math.log10(raw)));
    for (int m : new int[] {1, 2, 5}) {
      if (m * decade >= raw) {
        return m * decade;
      }
    }
    return 10 * decade;
  }

  private static String label(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return String.format(Locale.ROOT, "%.0f", v);
    }
    return String.format(Locale.ROOT, Math.abs(v) >= 10 ? "%.1f" : "%.2f", v);
  }

  /** The values as text, one line per category. */
  @Override
  public String toString() {
    StringBuilder b = new StringBuilder(title).append(" (").append(unit).append(")");
    groups.forEach((category, bars) -> {
      b.append('\n').append(category).append(':');
      bars.forEach((s, v) -> b.append(' ').append(s).append('=').append(label(v)));
    });
    return b.toString();
  }
}

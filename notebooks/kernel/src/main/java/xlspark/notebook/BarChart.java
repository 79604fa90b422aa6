package xlspark.notebook;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * A horizontal grouped bar chart: one group per category (a mode), one bar per series (wall time, CPU, ...), a
 * linear axis from zero, the value printed at the end of each bar. A cell that ends with a chart shows it as a PNG
 * image; {@link #svg()} gives the same drawing as SVG. Both come from one list of marks.
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

  /** What is drawn, in drawing order; each mark writes itself as SVG and draws itself with Java2D. */
  sealed interface Mark {
    void svg(StringBuilder b);

    void draw(Graphics2D g);

    /** A filled rectangle; {@code tip} is its tooltip in SVG. */
    record Box(double x, double y, double w, double h, String color, String tip) implements Mark {
      public void svg(StringBuilder b) {
        b.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\">",
            x, y, w, h, color));
        b.append(tip == null ? "" : "<title>" + Table.escape(tip) + "</title>").append("</rect>\n");
      }

      public void draw(Graphics2D g) {
        g.setColor(Color.decode(color));
        g.fill(new Rectangle2D.Double(x, y, w, h));
      }
    }

    record Rule(double x1, double y1, double x2, double y2, String color) implements Mark {
      public void svg(StringBuilder b) {
        b.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\"/>%n",
            x1, y1, x2, y2, color));
      }

      public void draw(Graphics2D g) {
        g.setColor(Color.decode(color));
        g.draw(new Line2D.Double(x1, y1, x2, y2));
      }
    }

    /** Text with its baseline at y; anchor start, middle or end. */
    record Label(double x, double y, String text, int size, boolean bold, String anchor, String color)
        implements Mark {
      public void svg(StringBuilder b) {
        b.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%d\"%s%s fill=\"%s\">%s</text>%n",
            x, y, size, bold ? " font-weight=\"bold\"" : "",
            anchor.equals("start") ? "" : " text-anchor=\"" + anchor + "\"", color, Table.escape(text)));
      }

      public void draw(Graphics2D g) {
        g.setColor(Color.decode(color));
        g.setFont(new Font(Font.SANS_SERIF, bold ? Font.BOLD : Font.PLAIN, size));
        FontMetrics fm = g.getFontMetrics();
        double w = fm.stringWidth(text);
        double left = anchor.equals("middle") ? x - w / 2 : anchor.equals("end") ? x - w : x;
        g.drawString(text, (float) left, (float) y);
      }
    }
  }

  int height() {
    return TOP + Math.max(1, groups.size()) * groupHeight() + 60;
  }

  private int groupHeight() {
    return series.size() * BAR + GROUP_GAP;
  }

  List<Mark> marks() {
    double max = groups.values().stream().flatMap(m -> m.values().stream()).mapToDouble(Double::doubleValue)
        .max().orElse(1);
    double step = niceStep(max > 0 ? max : 1);
    double top = Math.ceil((max > 0 ? max : 1) / step) * step;
    int plotHeight = Math.max(1, groups.size()) * groupHeight();
    double scale = (WIDTH - LEFT - RIGHT) / top;
    List<Mark> m = new ArrayList<>();
    m.add(new Mark.Box(0, 0, WIDTH, height(), "#ffffff", null));
    m.add(new Mark.Label(LEFT, 22, title, 15, true, "start", "#000000"));
    for (int i = 0; i * step <= top * 1.0001; i++) {
      double x = LEFT + i * step * scale;
      m.add(new Mark.Rule(x, TOP - 6, x, TOP + plotHeight, "#dddddd"));
      m.add(new Mark.Label(x, TOP + plotHeight + 16, label(i * step), 12, false, "middle", "#555555"));
    }
    m.add(new Mark.Label(LEFT + (WIDTH - LEFT - RIGHT) / 2.0, TOP + plotHeight + 34, unit, 12, false, "middle",
        "#555555"));
    int g = 0;
    for (Map.Entry<String, Map<String, Double>> group : groups.entrySet()) {
      int y0 = TOP + g++ * groupHeight();
      m.add(new Mark.Label(LEFT - 8, y0 + series.size() * BAR / 2.0 + 4, group.getKey(), 12, true, "end", "#000000"));
      for (int s = 0; s < series.size(); s++) {
        Double v = group.getValue().get(series.get(s));
        if (v != null) {
          int y = y0 + s * BAR;
          m.add(new Mark.Box(LEFT, y + 1, v * scale, BAR - 2, COLORS[s % COLORS.length],
              group.getKey() + " " + series.get(s) + ": " + label(v)));
          m.add(new Mark.Label(LEFT + v * scale + 4, y + BAR - 4, label(v), 12, false, "start", "#333333"));
        }
      }
    }
    for (int s = 0; s < series.size(); s++) {
      int x = LEFT + s * 190;
      m.add(new Mark.Box(x, 32, 12, 12, COLORS[s % COLORS.length], null));
      m.add(new Mark.Label(x + 17, 42, series.get(s), 12, false, "start", "#000000"));
    }
    return m;
  }

  public String svg() {
    StringBuilder b = new StringBuilder();
    b.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
        + "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">%n", WIDTH, height(), WIDTH, height()));
    for (Mark mark : marks()) {
      mark.svg(b);
    }
    return b.append("</svg>\n").toString();
  }

  /** The chart drawn with Java2D (headless), at twice the SVG's size for sharp text. */
  public BufferedImage image() {
    int zoom = 2;
    BufferedImage img = new BufferedImage(WIDTH * zoom, height() * zoom, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.scale(zoom, zoom);
      g.setStroke(new BasicStroke(1f));
      for (Mark mark : marks()) {
        mark.draw(g);
      }
    } finally {
      g.dispose();
    }
    return img;
  }

  /** {@link #image()} as PNG bytes. */
  public byte[] png() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image(), "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
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

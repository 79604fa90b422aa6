package xlspark.bench;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * The benchmark as an SVG chart: grouped bars (one group per workload, one bar per mode and one for the POI
 * baseline) of the end-to-end
 * time on a logarithmic axis, so a 0.2 s and a 60 s run both stay readable. Refused and failed runs show as
 * a labelled mark instead of a bar.
 */
final class BenchChart {
  private static final String[] COLORS = {"#7f7f7f", "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728"};
  private static final int WIDTH = 920;
  private static final int HEIGHT = 440;
  private static final int LEFT = 70;
  private static final int RIGHT = 20;
  private static final int TOP = 50;
  private static final int BOTTOM = 70;

  private final List<String> workloads;
  private final BiFunction<String, String, Optional<BenchRun>> runs;
  private final String cores;

  BenchChart(List<String> workloads, BiFunction<String, String, Optional<BenchRun>> runs, String cores) {
    this.workloads = workloads;
    this.runs = runs;
    this.cores = cores;
  }

  String svg() {
    double min = Double.MAX_VALUE;
    double max = 0;
    for (String w : workloads) {
      for (String m : BenchReport.SERIES) {
        Optional<BenchRun> r = runs.apply(w, m).filter(BenchRun::ok);
        if (r.isPresent()) {
          min = Math.min(min, r.get().seconds());
          max = Math.max(max, r.get().seconds());
        }
      }
    }
    if (max == 0) {
      min = 1;
      max = 10;
    }
    double lo = Math.pow(10, Math.floor(Math.log10(min)));
    double hi = Math.pow(10, Math.ceil(Math.log10(max * 1.05)));
    StringBuilder b = new StringBuilder();
    b.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
        + "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">%n", WIDTH, HEIGHT, WIDTH, HEIGHT));
    b.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
    b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"24\" font-size=\"16\" font-weight=\"bold\">xlspark: "
        + "end-to-end time per mode (s, log scale, lower is better), %s cores</text>%n", LEFT, cores));
    axis(b, lo, hi);
    double groupWidth = (WIDTH - LEFT - RIGHT) / (double) Math.max(1, workloads.size());
    double barWidth = groupWidth * 0.8 / BenchReport.SERIES.size();
    for (int g = 0; g < workloads.size(); g++) {
      String w = workloads.get(g);
      double x0 = LEFT + g * groupWidth + groupWidth * 0.1;
      for (int k = 0; k < BenchReport.SERIES.size(); k++) {
        bar(b, runs.apply(w, BenchReport.SERIES.get(k)), x0 + k * barWidth, barWidth, COLORS[k], lo, hi);
      }
      b.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" font-weight=\"bold\">"
          + "%s</text>%n", LEFT + (g + 0.5) * groupWidth, HEIGHT - BOTTOM + 18, esc(w)));
    }
    for (int k = 0; k < BenchReport.SERIES.size(); k++) {
      int x = LEFT + k * 110;
      b.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"14\" height=\"14\" fill=\"%s\"/>"
          + "<text x=\"%d\" y=\"%d\">%s</text>%n", x, HEIGHT - 30, COLORS[k], x + 20, HEIGHT - 19,
          label(BenchReport.SERIES.get(k))));
    }
    return b.append("</svg>\n").toString();
  }

  private void axis(StringBuilder b, double lo, double hi) {
    int plotBottom = HEIGHT - BOTTOM;
    for (double decade = lo; decade <= hi * 1.0001; decade *= 10) {
      for (int m : new int[] {1, 2, 5}) {
        double v = decade * m;
        if (v > hi * 1.0001) {
          break;
        }
        double y = y(v, lo, hi);
        b.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"%s\"/>%n",
            LEFT, y, WIDTH - RIGHT, y, m == 1 ? "#bbbbbb" : "#eeeeee"));
        b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n", LEFT - 6,
            y + 4, label(v)));
      }
    }
    b.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>%n", LEFT,
        TOP, LEFT, plotBottom));
    b.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>%n", LEFT,
        plotBottom, WIDTH - RIGHT, plotBottom));
  }

  private void bar(StringBuilder b, Optional<BenchRun> run, double x, double width, String color, double lo,
                   double hi) {
    int plotBottom = HEIGHT - BOTTOM;
    double cx = x + width / 2;
    if (run.isEmpty()) {
      return;
    }
    BenchRun r = run.get();
    if (!r.ok()) {
      String what = r.refused() ? "refused" : "failed";
      b.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"start\" fill=\"%s\" "
          + "transform=\"rotate(-90 %.1f %d)\">%s</text>%n", cx + 4, plotBottom - 4, color, cx + 4, plotBottom - 4,
          what));
      return;
    }
    double top = y(r.seconds(), lo, hi);
    b.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\">"
        + "<title>%s %s: %.2f s</title></rect>%n", x + 1, top, width - 2, plotBottom - top, color, esc(r.workload()),
        r.mode(), r.seconds()));
    b.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" font-size=\"10\">%s</text>%n",
        cx, top - 3, String.format(Locale.ROOT, r.seconds() < 10 ? "%.1f" : "%.0f", r.seconds())));
  }

  private static double y(double v, double lo, double hi) {
    double f = (Math.log10(v) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo));
    return HEIGHT - BOTTOM - f * (HEIGHT - BOTTOM - TOP);
  }

  private static String label(double v) {
    return v >= 1 ? String.format(Locale.ROOT, "%.0f s", v) : String.format(Locale.ROOT, "%.1f s", v);
  }

  private static String label(String series) {
    return series.equals(BenchRun.POI) ? "POI, 2 threads" : series;
  }

  private static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}

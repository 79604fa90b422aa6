package xlspark.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import xlspark.workload.Workload;

/**
 * Turns the benchmark's runs into the study's table (time per mode, speedup over serial, expressions/s,
 * auto's choice, the POI baseline and pool's time over POI's), the targets with their measured figures, and a
 * chart ({@link BenchChart}).
 * Usage: {@code BenchReport results.tsv OUTPUT_PREFIX [key=value ...]}: writes PREFIX.md and PREFIX.svg and
 * prints the markdown.
 */
public final class BenchReport {
  static final List<String> MODES = List.of("serial", "pool", "tasks", "auto");
  /** The chart's bars: the modes, then the POI baseline. */
  static final List<String> SERIES = List.of("serial", "pool", "tasks", "auto", BenchRun.POI);
  /** Workloads whose pool time the targets hold against POI's. */
  private static final List<String> POI_TARGETS = List.of("W1", "W1d", "W4", "W4d");

  private final List<BenchRun> runs;
  private final Map<String, String> meta;

  BenchReport(List<BenchRun> runs, Map<String, String> meta) {
    this.runs = List.copyOf(runs);
    this.meta = meta;
  }

  public static void main(String[] args) throws IOException {
    Map<String, String> meta = new LinkedHashMap<>();
    for (int i = 2; i < args.length; i++) {
      int eq = args[i].indexOf('=');
      meta.put(args[i].substring(0, eq), args[i].substring(eq + 1));
    }
    BenchReport report = new BenchReport(BenchRun.read(Path.of(args[0])), meta);
    Path prefix = Path.of(args[1]);
    Path svg = Path.of(prefix + ".svg");
    String md = report.markdown(svg.getFileName().toString());
    Files.writeString(Path.of(prefix + ".md"), md, StandardCharsets.UTF_8);
    Files.writeString(svg, new BenchChart(report.workloads(), report::run, meta.getOrDefault("cores", "?")).svg(),
        StandardCharsets.UTF_8);
    System.out.print(md);
    System.out.println();
    System.out.println("saved " + prefix + ".md and " + svg);
  }

  List<String> workloads() {
    List<String> w = new ArrayList<>();
    for (BenchRun r : runs) {
      if (!w.contains(r.workload())) {
        w.add(r.workload());
      }
    }
    w.sort((a, b) -> Integer.compare(order(a), order(b)));
    return w;
  }

  Optional<BenchRun> run(String workload, String mode) {
    return runs.stream().filter(r -> r.workload().equals(workload) && r.mode().equals(mode)).findFirst();
  }

  /** The fastest xlspark mode (the POI baseline is not a mode). */
  private Optional<BenchRun> best(String workload) {
    return runs.stream().filter(r -> r.workload().equals(workload) && r.ok() && MODES.contains(r.mode()))
        .min((a, b) -> Double.compare(a.seconds(), b.seconds()));
  }

  private double ratio(String workload, String mode, String base) {
    Optional<BenchRun> a = run(workload, mode).filter(BenchRun::ok);
    Optional<BenchRun> b = run(workload, base).filter(BenchRun::ok);
    return a.isPresent() && b.isPresent() ? a.get().seconds() / b.get().seconds() : Double.NaN;
  }

  String markdown(String chartFile) {
    StringBuilder b = new StringBuilder();
    b.append(String.format(Locale.ROOT, "## xlspark benchmark: %s cores, %s%n%n", meta.getOrDefault("cores", "?"),
        meta.getOrDefault("date", "")));
    b.append("Each mode is its own `jobs/xlspark evaluate` process (CSV in, CSV out), timed from process start to "
        + "exit. Cells: seconds · speedup over serial · expressions/s. The POI baseline (`PoiBaseline`): Apache "
        + "POI's formula evaluator over the same file in one JVM on " + meta.getOrDefault("poiThreads", "2")
        + " threads, no Spark, timed the same way; "
        + "\"equal\" counts the rows whose POI result equals pool's. One run each.\n\n");
    b.append("| workload | rows | serial | pool | tasks | auto | auto chose | POI, 2 threads | pool / POI | equal |\n");
    b.append("|---|---:|---:|---:|---:|---:|---|---:|---:|---:|\n");
    for (String w : workloads()) {
      long rows = runs.stream().filter(r -> r.workload().equals(w)).mapToLong(BenchRun::rows).findFirst().orElse(0);
      b.append("| ").append(w).append(' ').append(describe(w)).append(String.format(Locale.ROOT, " | %,d", rows));
      for (String m : MODES) {
        b.append(" | ").append(run(w, m).map(r -> cell(r, w)).orElse("–"));
      }
      b.append(" | ").append(run(w, "auto").filter(BenchRun::ok).map(BenchRun::used).orElse("–"));
      Optional<BenchRun> poi = run(w, BenchRun.POI);
      b.append(" | ").append(poi.map(r -> r.ok() ? String.format(Locale.ROOT, "%.2f s · %s/s", r.seconds(),
          compact(r.expressionsPerSecond())) : "failed (exit " + r.exitCode() + ")").orElse("–"));
      double overPoi = ratio(w, "pool", BenchRun.POI);
      b.append(" | ").append(Double.isNaN(overPoi) ? "–" : String.format(Locale.ROOT, "%.2f×", overPoi));
      b.append(" | ").append(poi.map(BenchRun::agree).filter(a -> !a.isEmpty()).orElse("–")).append(" |\n");
    }
    b.append("\nInside the JVM (read → output in place, from `--timings`) and CPU time of the whole process "
        + "(user + system, all threads), seconds:\n\n");
    b.append("| workload | serial | pool | tasks | auto | POI |\n|---|---:|---:|---:|---:|---:|\n");
    for (String w : workloads()) {
      b.append("| ").append(w);
      for (String m : SERIES) {
        b.append(" | ").append(run(w, m).map(r -> seconds(r.jobSeconds()) + " (CPU " + seconds(r.cpuSeconds()) + ")")
            .orElse("–"));
      }
      b.append(" |\n");
    }
    b.append("\n").append(targets()).append('\n');
    b.append("![time per mode and workload, log scale](").append(chartFile).append(")\n\n");
    b.append("Machine: ").append(meta.getOrDefault("jvm", "")).append(", ").append(meta.getOrDefault("cores", "?"))
        .append(" cores; seed ").append(meta.getOrDefault("seed", "?")).append("; W5: server answers after ")
        .append(meta.getOrDefault("delayMs", "?")).append(" ms, tasks and auto with `--task-slots ")
        .append(meta.getOrDefault("taskSlots", "?")).append("`; load average before ")
        .append(meta.getOrDefault("loadBefore", "?")).append(", after ").append(meta.getOrDefault("loadAfter", "?"))
        .append("; whole benchmark ").append(meta.getOrDefault("benchSeconds", "?")).append(" s.\n");
    return b.toString();
  }

  private static String seconds(double s) {
    return Double.isNaN(s) ? "–" : String.format(Locale.ROOT, "%.2f", s);
  }

  private String cell(BenchRun r, String workload) {
    if (r.refused()) {
      return "refused (`--max-tasks`)";
    }
    if (!r.ok()) {
      return "failed (exit " + r.exitCode() + ")";
    }
    double speedup = 1 / ratio(workload, r.mode(), "serial");
    return String.format(Locale.ROOT, "%.2f s · %s · %s/s", r.seconds(),
        Double.isNaN(speedup) ? "–" : String.format(Locale.ROOT, "%.2f×", speedup), compact(r.expressionsPerSecond()));
  }

  private String targets() {
    StringBuilder b = new StringBuilder("| target | measured | met |\n|---|---|---|\n");
    for (String w : POI_TARGETS) {
      target(b, w + " pool ≤ 0.5 × POI", ratio(w, "pool", BenchRun.POI), 0.5);
    }
    target(b, "W1 pool ≤ 0.55 × serial", ratio("W1", "pool", "serial"), 0.55);
    target(b, "W4 pool ≤ 0.55 × serial", ratio("W4", "pool", "serial"), 0.55);
    target(b, "W5 tasks ≤ 0.2 × serial", ratio("W5", "tasks", "serial"), 0.2);
    for (String w : workloads()) {
      Optional<BenchRun> best = best(w);
      Optional<BenchRun> auto = run(w, "auto").filter(BenchRun::ok);
      if (best.isPresent() && auto.isPresent()) {
        double over = auto.get().seconds() / best.get().seconds();
        b.append(String.format(Locale.ROOT, "| %s auto within 10%% of the best (%s) | %.2f× the best | %s |%n", w,
            best.get().mode(), over, over <= 1.10 ? "yes" : "no"));
      }
    }
    best("W2").ifPresent(r -> b.append(String.format(Locale.ROOT, "| W2 end to end ≤ 4 s | %.2f s (%s) | %s |%n",
        r.seconds(), r.mode(), r.seconds() <= 4 ? "yes" : "no")));
    Optional<BenchRun> w1 = best("W1");
    w1.ifPresent(r -> b.append(String.format(Locale.ROOT, "| W1 end to end < 7 s | %.2f s (%s) | %s |%n",
        r.seconds(), r.mode(), r.seconds() < 7 ? "yes" : "no")));
    return b.toString();
  }

  private static void target(StringBuilder b, String name, double ratio, double limit) {
    if (!Double.isNaN(ratio)) {
      b.append(String.format(Locale.ROOT, "| %s | %.2f× | %s |%n", name, ratio, ratio <= limit ? "yes" : "no"));
    }
  }

  private static int order(String workload) {
    try {
      return Workload.parse(workload).ordinal();
    } catch (IllegalArgumentException e) {
      return Integer.MAX_VALUE;
    }
  }

  static String describe(String workload) {
    try {
      return "(" + Workload.parse(workload).description() + ")";
    } catch (IllegalArgumentException e) {
      return "";
    }
  }

  static String compact(double v) {
    if (v >= 1e6) {
      return String.format(Locale.ROOT, "%.2fM", v / 1e6);
    }
    return v >= 1e3 ? String.format(Locale.ROOT, "%.0fk", v / 1e3) : String.format(Locale.ROOT, "%.1f", v);
  }
}

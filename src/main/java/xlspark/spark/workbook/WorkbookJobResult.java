package xlspark.spark.workbook;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import xlspark.spark.io.DataFormat;
import xlspark.spark.strategy.StrategyKind;
import xlspark.workbook.WorkbookSummary;

/**
 * What one {@code workbook} run did: the mode and why, the per-workbook summaries in input order, totals,
 * and the workbooks that were too heavy for one task (reported with their size and time, never silently).
 */
public record WorkbookJobResult(StrategyKind requested, StrategyKind used, String reason, int parallelism,
                                List<WorkbookSummary> workbooks, String output, DataFormat outputFormat,
                                String writeValues, long wallNanos, double heavySeconds) {
  public WorkbookJobResult {
    workbooks = List.copyOf(workbooks);
  }

  public long formulaCells() {
    return workbooks.stream().mapToLong(WorkbookSummary::formulaCells).sum();
  }

  public long matched() {
    return workbooks.stream().mapToLong(WorkbookSummary::matched).sum();
  }

  public long mismatched() {
    return workbooks.stream().mapToLong(WorkbookSummary::mismatched).sum();
  }

  public long uncached() {
    return workbooks.stream().mapToLong(WorkbookSummary::uncached).sum();
  }

  public long errors() {
    return workbooks.stream().mapToLong(WorkbookSummary::errors).sum();
  }

  public long failed() {
    return workbooks.stream().filter(w -> w.failure() != null).count();
  }

  public double seconds() {
    return wallNanos / 1e9;
  }

  /** Matched among the cells that have a cached result, in percent; NaN when none has. */
  public double matchRate() {
    long compared = matched() + mismatched();
    return compared == 0 ? Double.NaN : 100.0 * matched() / compared;
  }

  /** Workbooks whose one task took longer than {@code heavySeconds}: a workbook cannot be split. */
  public List<String> heavy() {
    List<String> out = new ArrayList<>();
    for (WorkbookSummary w : workbooks) {
      if (w.failure() == null && w.seconds() > heavySeconds) {
        out.add(String.format(Locale.ROOT, "%s (%s, %d formula cells) took %.1f s in one task: a workbook is "
                + "evaluated in one piece, so it bounds the run's time whatever the mode",
            w.workbook(), WorkbookPlan.size(w.bytes()), w.formulaCells(), w.seconds()));
      }
    }
    return out;
  }

  public String modeText() {
    return requested == used ? used.cliName() : requested.cliName() + " -> " + used.cliName();
  }

  /** The one-line run summary. */
  public String summaryLine() {
    String where = output == null ? "no row output" : "written to " + output + " (" + outputFormat.cliName() + ")";
    String rate = Double.isNaN(matchRate()) ? "n/a" : String.format(Locale.ROOT, "%.2f%%", matchRate());
    return String.format(Locale.ROOT, "xlspark: %d workbooks, %d formula cells, %d matched, %d mismatched "
            + "(match rate %s), %d without cached value, %d errors, %d unreadable, mode %s, %.2f s; %s",
        workbooks.size(), formulaCells(), matched(), mismatched(), rate, uncached(), errors(), failed(), modeText(),
        seconds(), where);
  }

  /** The run as JSON ({@code --timings}): totals, mode, and one object per workbook. */
  public String toJson() {
    StringBuilder b = new StringBuilder("{");
    b.append("\"command\":\"workbook\",\"mode\":").append(q(requested.cliName())).append(",\"usedMode\":")
        .append(q(used.cliName())).append(",\"reason\":").append(q(reason)).append(",\"parallelism\":")
        .append(parallelism).append(",\"wallSeconds\":").append(num(seconds()))
        .append(",\"workbookCount\":").append(workbooks.size()).append(",\"formulaCells\":").append(formulaCells())
        .append(",\"matched\":").append(matched()).append(",\"mismatched\":").append(mismatched())
        .append(",\"uncached\":").append(uncached()).append(",\"errors\":").append(errors())
        .append(",\"unreadable\":").append(failed()).append(",\"matchRatePercent\":")
        .append(Double.isNaN(matchRate()) ? "null" : num(matchRate()))
        .append(",\"output\":").append(output == null ? "null" : q(output))
        .append(",\"writeValues\":").append(writeValues == null ? "null" : q(writeValues)).append(",\"workbooks\":[");
    for (int i = 0; i < workbooks.size(); i++) {
      WorkbookSummary w = workbooks.get(i);
      b.append(i > 0 ? "," : "").append("{\"workbook\":").append(q(w.workbook())).append(",\"bytes\":")
          .append(w.bytes()).append(",\"sheets\":").append(w.sheets()).append(",\"formulaCells\":")
          .append(w.formulaCells()).append(",\"matched\":").append(w.matched()).append(",\"mismatched\":")
          .append(w.mismatched()).append(",\"uncached\":").append(w.uncached()).append(",\"errors\":")
          .append(w.errors()).append(",\"readSeconds\":").append(num(w.readSeconds())).append(",\"seconds\":")
          .append(num(w.seconds())).append(",\"heavy\":").append(w.failure() == null && w.seconds() > heavySeconds)
          .append(",\"failure\":").append(w.failure() == null ? "null" : q(w.failure())).append(",\"warnings\":[");
      for (int j = 0; j < w.warnings().size(); j++) {
        b.append(j > 0 ? "," : "").append(q(w.warnings().get(j)));
      }
      b.append("]}");
    }
    return b.append("]}").toString();
  }

  private static String num(double d) {
    return String.format(Locale.ROOT, "%.6g", d);
  }

  private static String q(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> b.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
      }
    }
    return b.append('"').toString();
  }
}

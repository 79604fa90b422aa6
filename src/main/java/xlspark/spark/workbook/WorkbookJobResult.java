package xlspark.spark.workbook;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import xlspark.spark.core.RunRecord;
import xlspark.spark.io.DataFormat;
import xlspark.spark.strategy.StrategyKind;
import xlspark.workbook.WorkbookSummary;

/**
 * What one {@code workbook} run did: the mode and why, the per-workbook summaries in input order, totals,
 * and the workbooks that were too heavy for one task (reported with their size and time, never silently).
 */
public record WorkbookJobResult(StrategyKind requested, StrategyKind used, String reason, int parallelism,
                                List<WorkbookSummary> workbooks, String output, DataFormat outputFormat,
                                String writeValues, long wallNanos, double heavySeconds, List<String> warnings) {
  public WorkbookJobResult {
    workbooks = List.copyOf(workbooks);
    warnings = List.copyOf(warnings);
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
    ObjectNode o = RunRecord.object();
    o.put("command", "workbook");
    o.put("mode", requested.cliName());
    o.put("usedMode", used.cliName());
    o.put("reason", reason);
    o.put("parallelism", parallelism);
    o.put("wallSeconds", RunRecord.figure(seconds()));
    o.put("workbookCount", workbooks.size());
    o.put("formulaCells", formulaCells());
    o.put("matched", matched());
    o.put("mismatched", mismatched());
    o.put("uncached", uncached());
    o.put("errors", errors());
    o.put("unreadable", failed());
    if (Double.isNaN(matchRate())) {
      o.putNull("matchRatePercent");
    } else {
      o.put("matchRatePercent", RunRecord.figure(matchRate()));
    }
    o.put("output", output);
    o.put("writeValues", writeValues);
    warnings.forEach(o.putArray("warnings")::add);
    ArrayNode list = o.putArray("workbooks");
    for (WorkbookSummary w : workbooks) {
      ObjectNode b = list.addObject();
      b.put("workbook", w.workbook());
      b.put("bytes", w.bytes());
      b.put("sheets", w.sheets());
      b.put("formulaCells", w.formulaCells());
      b.put("matched", w.matched());
      b.put("mismatched", w.mismatched());
      b.put("uncached", w.uncached());
      b.put("errors", w.errors());
      b.put("readSeconds", RunRecord.figure(w.readSeconds()));
      b.put("seconds", RunRecord.figure(w.seconds()));
      b.put("heavy", w.failure() == null && w.seconds() > heavySeconds);
      b.put("failure", w.failure());
      w.warnings().forEach(b.putArray("warnings")::add);
    }
    return RunRecord.text(o);
  }
}

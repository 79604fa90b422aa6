package xlspark.workbook;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import xlspark.eval.EngineOptions;
import xlspark.eval.FormulaEvaluator;
import xlspark.value.DateSystem;

/**
 * Reads one workbook file (.xlsx/.xlsm streamed with SAX, .xls with HSSF), recalculates every formula and
 * compares each with the result the file carries. The unit of work of the {@code workbook} command.
 */
public final class WorkbookRun {
  /** The cell rows and the summary of one workbook; {@code model} kept only when asked (write-back). */
  public record Outcome(List<CellResult> cells, WorkbookSummary summary, WorkbookModel model) {
  }

  private WorkbookRun() {
  }

  /** True for the extensions the command reads. */
  public static boolean isWorkbook(String fileName) {
    String n = fileName.toLowerCase(Locale.ROOT);
    return n.endsWith(".xlsx") || n.endsWith(".xlsm") || n.endsWith(".xls");
  }

  /** Reads a workbook from a local file; the format is taken from its first bytes. */
  public static WorkbookModel read(Path file, String name) throws IOException {
    return read(file, name, ReadBudget.defaults());
  }

  static WorkbookModel read(Path file, String name, ReadBudget budget) throws IOException {
    byte[] head = new byte[8];
    int n;
    try (InputStream in = Files.newInputStream(file)) {
      n = in.readNBytes(head, 0, 8);
    }
    if (n >= 4 && head[0] == 'P' && head[1] == 'K') {
      return XlsxReader.read(file, name, budget);
    }
    if (n == 8 && (head[0] & 0xFF) == 0xD0 && (head[1] & 0xFF) == 0xCF && (head[2] & 0xFF) == 0x11) {
      return XlsReader.read(file, name, budget);
    }
    throw new IOException("not an .xlsx or .xls workbook (unknown file signature)");
  }

  /**
   * Reads, evaluates and compares one workbook; an unreadable file gives a summary with its failure, and so does
   * one too large for the memory one workbook may take ({@link ReadBudget}): it fails alone, and the JVM goes on
   * with the other workbooks. An OutOfMemoryError while reading or evaluating (a heap shared with other work)
   * fails this workbook the same way; its model is garbage once this returns.
   */
  public static Outcome run(Path file, String name, long bytes, EngineOptions options, boolean keepModel) {
    return run(file, name, bytes, options, keepModel, ReadBudget.defaults());
  }

  static Outcome run(Path file, String name, long bytes, EngineOptions options, boolean keepModel,
                     ReadBudget budget) {
    long t0 = System.nanoTime();
    WorkbookModel wb;
    try {
      wb = read(file, name, budget);
    } catch (IOException | RuntimeException e) {
      String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      return failed(name, bytes, t0, why);
    } catch (OutOfMemoryError e) {
      return failed(name, bytes, t0, "out of memory while reading (" + (budget.bytes() >> 20) + " MB read)");
    }
    long t1 = System.nanoTime();
    String why;
    try {
      return evaluate(wb, bytes, options, (t1 - t0) / 1e9, keepModel);
    } catch (OutOfMemoryError e) {
      why = "out of memory while evaluating";
    } catch (RuntimeException | StackOverflowError e) {
      // Cells fail alone inside the evaluator; this is the last boundary, so one workbook never fails a task.
      why = "evaluation failed: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }
    try {
      return unfinished(wb, bytes, (t1 - t0) / 1e9, (System.nanoTime() - t1) / 1e9, keepModel, why);
    } catch (OutOfMemoryError e) {
      return failed(name, bytes, t0, why);
    }
  }

  /**
   * A workbook whose evaluation stopped still gives one row per formula cell: what was computed, and #ERROR! with
   * the reason for the rest; the summary's warnings say how many.
   */
  static Outcome unfinished(WorkbookModel wb, long bytes, double readSeconds, double evalSeconds,
                                    boolean keepModel, String why) {
    int left = 0;
    for (SheetModel s : wb.sheets()) {
      for (CellModel c : s.cells()) {
        if (c.computed() && c.state != CellModel.DONE) {
          c.value = xlspark.value.Value.err(xlspark.value.ExcelError.ERROR, "not computed: " + why);
          c.state = CellModel.DONE;
          left += c.isFormula() ? 1 : 0;
        }
      }
    }
    wb.warnings().add("evaluation stopped (" + why + "): " + left + " formula cells not computed");
    return rows(wb, bytes, readSeconds, evalSeconds, keepModel);
  }

  private static Outcome failed(String name, long bytes, long t0, String why) {
    return new Outcome(List.of(), new WorkbookSummary(name, bytes, 0, 0, 0, 0, 0, 0,
        (System.nanoTime() - t0) / 1e9, 0, why, List.of()), null);
  }

  /** Evaluates a workbook already read. */
  public static Outcome evaluate(WorkbookModel wb, long bytes, EngineOptions options, double readSeconds,
                                 boolean keepModel) {
    long t1 = System.nanoTime();
    new WorkbookEvaluator(wb, new FormulaEvaluator(options, DateSystem.of(wb.date1904()))).evaluateAll();
    return rows(wb, bytes, readSeconds, (System.nanoTime() - t1) / 1e9, keepModel);
  }

  private static Outcome rows(WorkbookModel wb, long bytes, double readSeconds, double evalSeconds,
                              boolean keepModel) {
    List<CellResult> rows = new ArrayList<>();
    long matched = 0;
    long mismatched = 0;
    long uncached = 0;
    long errors = 0;
    for (SheetModel s : wb.sheets()) {
      for (CellModel c : s.cells()) {
        if (!c.isFormula()) {
          continue;
        }
        CellResult row = CellResult.of(wb.name(), s.name(), c, wb.note(c));
        rows.add(row);
        if (row.matchesCached() == null) {
          uncached++;
        } else if (row.matchesCached()) {
          matched++;
        } else {
          mismatched++;
        }
        if ("ERROR".equals(row.type())) {
          errors++;
        }
      }
      for (SheetModel.Outside o : s.outside()) {
        rows.add(CellResult.outside(wb.name(), s.name(), o.ref(), o.formula()));
        uncached++;
        errors++;
      }
    }
    WorkbookSummary summary = new WorkbookSummary(wb.name(), bytes, wb.sheets().size(), rows.size(), matched,
        mismatched, uncached, errors, readSeconds, evalSeconds, null, wb.warnings());
    return new Outcome(rows, summary, keepModel ? wb : null);
  }
}

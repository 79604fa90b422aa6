package xlspark.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import xlspark.value.ExcelError;
import xlspark.value.Value;
import xlspark.workbook.CellResult;
import xlspark.eval.EngineOptions;
import xlspark.workbook.WorkbookModel;
import xlspark.workbook.WorkbookRun;

/**
 * One thread, no Spark: Apache POI's own {@code FormulaEvaluator.evaluateAll()} (load with the XSSF user model,
 * then evaluate) against xlspark's workbook evaluation (SAX read, then evaluate) on the same files, in the same
 * JVM, with the heap each holds once the (first) workbook is read (the collection that measures it is not timed). Usage: {@code WorkbookBench FILE-OR-DIR [poi|xlspark|both]}.
 * Prints one line per engine: {@code workbook-bench <label> <engine> files=.. cells=.. seconds=.. heapMB=..};
 * with both, POI's line also says how many formula cells the two engines agree on ({@code agree=N/M}).
 */
public final class WorkbookBench {
  private WorkbookBench() {
  }

  public static void main(String[] args) throws IOException {
    Path in = Path.of(args[0]);
    String which = args.length > 1 ? args[1] : "both";
    List<Path> files;
    try (Stream<Path> s = Files.isDirectory(in) ? Files.list(in) : Stream.of(in)) {
      files = s.filter(p -> WorkbookRun.isWorkbook(p.getFileName().toString())).sorted().toList();
    }
    String label = in.getFileName().toString();
    // warm-up on the first file so class loading and JIT are not billed to either engine
    Map<String, CellResult> ours = new HashMap<>();
    if (which.equals("both") || which.equals("xlspark")) {
      xlspark(files.subList(0, 1), new HashMap<>());
      report(label, "xlspark", xlspark(files, ours), "");
    }
    if (which.equals("both") || which.equals("poi")) {
      poi(files.subList(0, 1), Map.of(), new long[2]);
      long[] agree = new long[2];
      Run r = poi(files, ours, agree);
      report(label, "poi", r, ours.isEmpty() ? "" : " agree=" + agree[0] + "/" + agree[1]);
    }
  }

  private record Run(int files, long cells, double seconds, double cpuSeconds, double heapMb) {
  }

  private static long cpu() {
    return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
  }

  private static void report(String label, String engine, Run r, String extra) {
    System.out.println(String.format(Locale.ROOT,
        "workbook-bench %s %s files=%d cells=%d seconds=%.3f cpuSeconds=%.3f heapMB=%.0f%s",
        label, engine, r.files(), r.cells(), r.seconds(), r.cpuSeconds(), r.heapMb(), extra));
  }

  private static Run xlspark(List<Path> files, Map<String, CellResult> results) throws IOException {
    EngineOptions options = EngineOptions.defaults();
    long cells = 0;
    double heap = 0;
    long t0 = System.nanoTime();
    long c0 = cpu();
    for (Path f : files) {
      WorkbookModel wb = WorkbookRun.read(f, f.getFileName().toString());
      if (f == files.get(0)) {
        long g = System.nanoTime();
        heap = usedMb();
        t0 += System.nanoTime() - g;
      }
      WorkbookRun.Outcome o = WorkbookRun.evaluate(wb, Files.size(f), options, 0, false);
      cells += o.summary().formulaCells();
      for (CellResult c : o.cells()) {
        results.put(c.workbook() + "!" + c.sheet() + "!" + c.cell(), c);
      }
    }
    return new Run(files.size(), cells, (System.nanoTime() - t0) / 1e9, (cpu() - c0) / 1e9, heap);
  }

  /** POI's run; {@code agree[0]} of {@code agree[1]} formula cells compared equal to xlspark's {@code ours}. */
  private static Run poi(List<Path> files, Map<String, CellResult> ours, long[] agree) throws IOException {
    long cells = 0;
    double heap = 0;
    long t0 = System.nanoTime();
    long c0 = cpu();
    for (Path f : files) {
      try (InputStream in = Files.newInputStream(f); XSSFWorkbook wb = new XSSFWorkbook(in)) {
        if (f == files.get(0)) {
          long g = System.nanoTime();
          long gc = cpu();
          heap = usedMb();
          t0 += System.nanoTime() - g;
          c0 += cpu() - gc;
        }
        wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
        for (var sheet : wb) {
          for (var row : sheet) {
            for (var cell : row) {
              if (cell.getCellType() == CellType.FORMULA) {
                cells++;
                CellResult c = ours.get(f.getFileName() + "!" + sheet.getSheetName() + "!" + cell.getAddress());
                if (c != null) {
                  agree[1]++;
                  if (CellResult.matches(value(c), poiValue(cell))) {
                    agree[0]++;
                  }
                }
              }
            }
          }
        }
      }
    }
    return new Run(files.size(), cells, (System.nanoTime() - t0) / 1e9, (cpu() - c0) / 1e9, heap);
  }

  private static Value value(CellResult c) {
    return switch (c.type()) {
      case "NUMBER" -> Value.num(c.number());
      case "TEXT" -> Value.text(c.value());
      case "BOOLEAN" -> Value.bool(c.value().equals("TRUE"));
      case "ERROR" -> ExcelError.fromText(c.value()) == null ? Value.err(ExcelError.ERROR)
          : Value.err(ExcelError.fromText(c.value()));
      default -> Value.BLANK;
    };
  }

  private static Value poiValue(Cell cell) {
    return switch (cell.getCachedFormulaResultType()) {
      case NUMERIC -> Value.num(cell.getNumericCellValue());
      case STRING -> Value.text(cell.getStringCellValue());
      case BOOLEAN -> Value.bool(cell.getBooleanCellValue());
      case ERROR -> ExcelError.fromText(FormulaError.forInt(cell.getErrorCellValue()).getString()) == null
          ? Value.err(ExcelError.ERROR) : Value.err(ExcelError.fromText(FormulaError.forInt(cell.getErrorCellValue()).getString()));
      default -> Value.BLANK;
    };
  }

  /** Heap in use after a collection, in MB: what the loaded workbook holds. */
  private static double usedMb() {
    Runtime rt = Runtime.getRuntime();
    System.gc();
    return (rt.totalMemory() - rt.freeMemory()) / 1048576.0;
  }
}

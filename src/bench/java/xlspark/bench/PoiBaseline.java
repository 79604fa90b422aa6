package xlspark.bench;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.formula.FormulaParseException;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellValue;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import xlspark.spark.core.CellTyping;
import xlspark.value.NumberText;

/**
 * The benchmark's baseline: Apache POI's formula evaluator over the same CSV table as {@code jobs/xlspark
 * evaluate}, in one JVM on N threads (2 by default), no Spark. The input has an {@code expression} column, an
 * optional {@code id} and variable columns; every other column is a variable, as for xlspark. Each thread owns
 * one workbook whose first row holds one cell per variable column, each with a defined name of the column's
 * name (so {@code price*qty} resolves); per row it sets the formula cell, sets the variable cells, tells the
 * evaluator which cells changed (so it drops their cached results) and evaluates. The workbook is an .xls
 * one (POI's cheaper path: it parses a formula once, where .xlsx stores the text and parses it again to
 * evaluate), and an .xlsx one for a formula .xls refuses (more than 30 arguments to a function, as in W3/W4);
 * {@code --workbook xls|xlsx} forces one kind. A formula POI cannot parse or evaluate (an unknown or
 * unimplemented function, a syntax it lacks) is an {@code ERROR} row with POI's message, never a crash.
 * Writes {@code id,type,value,message} in input order, numbers as xlspark writes them, and prints one summary
 * line {@code poi-baseline rows=.. seconds=.. cpuSeconds=.. ...}.
 *
 * <p>Usage: {@code PoiBaseline --input IN.csv --output OUT.csv [--threads 2] [--workbook auto|xls|xlsx]}. The
 * whole process is what is timed (as {@code jobs/bench.sh} times xlspark: start to exit); {@code seconds} is
 * read to written inside the JVM and {@code sinceStart} the JVM's uptime at the end.
 */
public final class PoiBaseline {
  /** Rows a thread takes at a time. */
  private static final int CHUNK = 1024;

  private PoiBaseline() {
  }

  /** The input table: expressions, ids and variable columns, as text. */
  record Table(List<String> variables, String[] ids, String[] expressions, String[][] values) {
  }

  /** One row's result. */
  record Result(String type, String value, String message, boolean poiFailure) {
  }

  /** What a run did; {@code xlsRows} and {@code xlsxRows} count the rows each workbook kind evaluated. */
  record Summary(int rows, long errors, long poiFailures, long xlsRows, long xlsxRows, double seconds) {
  }

  private static final String USAGE =
      "usage: PoiBaseline --input IN.csv --output OUT.csv [--threads N] [--workbook auto|xls|xlsx]";

  public static void main(String[] args) throws Exception {
    Path input = null;
    Path output = null;
    int threads = 2;
    Kind kind = Kind.AUTO;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--input" -> input = Path.of(args[i + 1]);
        case "--output" -> output = Path.of(args[i + 1]);
        case "--threads" -> threads = Integer.parseInt(args[i + 1]);
        case "--workbook" -> kind = Kind.valueOf(args[i + 1].toUpperCase(Locale.ROOT));
        default -> throw new IllegalArgumentException("unknown argument " + args[i] + " (" + USAGE + ")");
      }
    }
    if (input == null || output == null || threads < 1 || args.length % 2 != 0) {
      throw new IllegalArgumentException(USAGE);
    }
    Summary s = run(input, output, threads, kind);
    double cpu = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime() / 1e9;
    double sinceStart = ManagementFactory.getRuntimeMXBean().getUptime() / 1e3;
    System.out.printf(Locale.ROOT, "poi-baseline rows=%d errors=%d poiFailures=%d threads=%d xlsRows=%d xlsxRows=%d "
            + "seconds=%.3f sinceStart=%.3f cpuSeconds=%.3f rowsPerSecond=%.0f%n", s.rows(), s.errors(),
        s.poiFailures(), threads, s.xlsRows(), s.xlsxRows(), s.seconds(), sinceStart, cpu,
        s.rows() / Math.max(1e-9, s.seconds()));
  }

  /** Reads {@code input}, evaluates every row with POI on {@code threads} threads and writes {@code output}. */
  static Summary run(Path input, Path output, int threads, Kind kind) throws IOException, InterruptedException {
    long t0 = System.nanoTime();
    Table table = read(input);
    Result[] results = new Result[table.expressions().length];
    AtomicInteger next = new AtomicInteger();
    List<Thread> workers = new ArrayList<>();
    List<Throwable> failures = new ArrayList<>();
    long[] kinds = new long[2];
    for (int t = 0; t < threads; t++) {
      Thread w = new Thread(() -> {
        try (PoiThread poi = new PoiThread(table.variables(), kind)) {
          for (int from = next.getAndAdd(CHUNK); from < results.length; from = next.getAndAdd(CHUNK)) {
            for (int r = from; r < Math.min(results.length, from + CHUNK); r++) {
              results[r] = poi.evaluate(table.expressions()[r], table.values()[r]);
            }
          }
          synchronized (kinds) {
            kinds[0] += poi.xlsRows;
            kinds[1] += poi.xlsxRows;
          }
        } catch (IOException | RuntimeException e) {
          synchronized (failures) {
            failures.add(e);
          }
        }
      }, "poi-" + t);
      workers.add(w);
      w.start();
    }
    for (Thread w : workers) {
      w.join();
    }
    if (!failures.isEmpty()) {
      throw new IllegalStateException("a POI thread failed", failures.get(0));
    }
    long errors = 0;
    long poiFailures = 0;
    if (output.toAbsolutePath().getParent() != null) {
      Files.createDirectories(output.toAbsolutePath().getParent());
    }
    try (Writer w = Files.newBufferedWriter(output, StandardCharsets.UTF_8);
         CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').build())) {
      p.printRecord("id", "type", "value", "message");
      for (int r = 0; r < results.length; r++) {
        Result res = results[r];
        errors += res.type().equals("ERROR") ? 1 : 0;
        poiFailures += res.poiFailure() ? 1 : 0;
        p.printRecord(table.ids()[r], res.type(), res.value(), res.message());
      }
    }
    return new Summary(results.length, errors, poiFailures, kinds[0], kinds[1], (System.nanoTime() - t0) / 1e9);
  }

  /** The CSV table (Excel-style quoting, header first); ids default to the 1-based row number, as in xlspark. */
  static Table read(Path input) throws IOException {
    try (Reader r = Files.newBufferedReader(input, StandardCharsets.UTF_8);
         CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(r)) {
      List<String> header = parser.getHeaderNames();
      int expression = -1;
      int id = -1;
      List<Integer> varColumns = new ArrayList<>();
      List<String> variables = new ArrayList<>();
      for (int c = 0; c < header.size(); c++) {
        String h = header.get(c).trim();
        if (h.equalsIgnoreCase("expression")) {
          expression = c;
        } else if (h.equalsIgnoreCase("id")) {
          id = c;
        } else {
          varColumns.add(c);
          variables.add(h);
        }
      }
      if (expression < 0) {
        throw new IllegalArgumentException(input + " has no 'expression' column");
      }
      List<String> ids = new ArrayList<>();
      List<String> expressions = new ArrayList<>();
      List<String[]> values = new ArrayList<>();
      for (CSVRecord rec : parser) {
        ids.add(id >= 0 && id < rec.size() ? rec.get(id) : Long.toString(rec.getRecordNumber()));
        expressions.add(expression < rec.size() ? rec.get(expression) : "");
        String[] v = new String[varColumns.size()];
        for (int k = 0; k < v.length; k++) {
          int c = varColumns.get(k);
          v[k] = c < rec.size() ? rec.get(c) : "";
        }
        values.add(v);
      }
      return new Table(List.copyOf(variables), ids.toArray(new String[0]), expressions.toArray(new String[0]),
          values.toArray(new String[0][]));
    }
  }

  /** Which workbook kinds a thread evaluates in. */
  enum Kind {
    /**
     * .xls first (POI's cheaper path), .xlsx for what .xls refuses (e.g. more than 30 arguments); once .xls has
     * refused most of a thread's rows (at least 100 seen), .xlsx alone, so wide calls are not parsed twice.
     */
    AUTO,
    XLS,
    XLSX
  }

  /** One thread's evaluator: an .xls and/or an .xlsx {@link PoiSheet}, made when first needed. */
  static final class PoiThread implements AutoCloseable {
    private final List<String> variables;
    private final Kind kind;
    private PoiSheet xls;
    private PoiSheet xlsx;
    long xlsRows;
    long xlsxRows;
    private long xlsRefused;

    PoiThread(List<String> variables, Kind kind) {
      this.variables = variables;
      this.kind = kind;
    }

    Result evaluate(String expression, String[] values) {
      String f = expression == null ? "" : expression.strip();
      if (f.startsWith("=")) {
        f = f.substring(1).strip();
      }
      if (f.isEmpty()) {
        return new Result("BLANK", "", "", false);
      }
      long seen = xlsRows + xlsxRows;
      if (kind == Kind.XLS || kind == Kind.AUTO && (seen < 100 || xlsRefused * 2 <= seen)) {
        if (xls == null) {
          xls = new PoiSheet(new HSSFWorkbook(), variables);
        }
        Result r = xls.evaluate(f, values, kind == Kind.AUTO);
        if (r != null) {
          xlsRows++;
          return r;
        }
        xlsRefused++;
      }
      if (xlsx == null) {
        xlsx = new PoiSheet(new XSSFWorkbook(), variables);
      }
      xlsxRows++;
      return xlsx.evaluate(f, values, false);
    }

    @Override
    public void close() throws IOException {
      if (xls != null) {
        xls.close();
      }
      if (xlsx != null) {
        xlsx.close();
      }
    }
  }

  /** One workbook: the variable cells with their names, one formula cell, one evaluator. */
  static final class PoiSheet implements AutoCloseable {
    private final Workbook workbook;
    private final Cell[] variableCells;
    private final Cell formulaCell;
    private final FormulaEvaluator evaluator;

    PoiSheet(Workbook workbook, List<String> variables) {
      this.workbook = workbook;
      Sheet sheet = workbook.createSheet("vars");
      Row row = sheet.createRow(0);
      variableCells = new Cell[variables.size()];
      for (int k = 0; k < variableCells.length; k++) {
        variableCells[k] = row.createCell(k);
        Name name = workbook.createName();
        try {
          name.setNameName(variables.get(k));
          name.setRefersToFormula(new CellReference("vars", 0, k, true, true).formatAsString());
        } catch (IllegalArgumentException e) {
          // not a valid Excel name (e.g. it reads as a cell reference): formulas cannot name this column
          workbook.removeName(name);
        }
      }
      formulaCell = sheet.createRow(1).createCell(0);
      evaluator = workbook.getCreationHelper().createFormulaEvaluator();
    }

    /**
     * Evaluates formula {@code f} (no leading '=') with the row's variable texts; null when POI cannot parse
     * it and {@code nullIfUnparsed} (so the caller may try the other workbook kind).
     */
    /** An error literal typed from a CSV cell (#N/A...); one POI does not know (#SPILL!...) stays text. */
    private static void setError(Cell c, String code) {
      try {
        c.setCellErrorValue(FormulaError.forString(code).getCode());
      } catch (IllegalArgumentException unknown) {
        c.setCellValue(code);
      }
    }

    Result evaluate(String f, String[] values, boolean nullIfUnparsed) {
      try {
        formulaCell.setCellFormula(f);
      } catch (FormulaParseException | IllegalStateException e) {
        return nullIfUnparsed ? null : new Result("ERROR", "#ERROR!", "POI cannot parse: " + firstLine(e), true);
      }
      evaluator.notifySetFormula(formulaCell);
      for (int k = 0; k < variableCells.length; k++) {
        Object v = CellTyping.fromText(values[k]);
        Cell c = variableCells[k];
        if (v instanceof Double d) {
          c.setCellValue(d);
        } else if (v instanceof Boolean b) {
          c.setCellValue(b);
        } else if (v instanceof String s) {
          c.setCellValue(s);
        } else if (v instanceof xlspark.value.Value.Err e) {
          setError(c, e.code().text());
        } else {
          c.setBlank();
        }
        evaluator.notifyUpdateCell(c);
      }
      CellValue v;
      try {
        v = evaluator.evaluate(formulaCell);
      } catch (RuntimeException | StackOverflowError e) {
        return new Result("ERROR", "#ERROR!", "POI cannot evaluate: " + firstLine(e), true);
      }
      if (v == null) {
        return new Result("BLANK", "", "", false);
      }
      return switch (v.getCellType()) {
        case NUMERIC -> new Result("NUMBER", NumberText.shortest(v.getNumberValue()), "", false);
        case STRING -> new Result("TEXT", v.getStringValue(), "", false);
        case BOOLEAN -> new Result("BOOLEAN", v.getBooleanValue() ? "TRUE" : "FALSE", "", false);
        case ERROR -> new Result("ERROR", FormulaError.forInt(v.getErrorValue()).getString(), "", false);
        default -> new Result("BLANK", "", "", false);
      };
    }

    /** The first line of the innermost cause's message (POI wraps the reason in "Error evaluating cell"). */
    private static String firstLine(Throwable e) {
      Throwable root = e;
      while (root.getCause() != null && root.getCause() != root) {
        root = root.getCause();
      }
      String m = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
      int nl = m.indexOf('\n');
      // POI's parse messages show its end-of-input marker as a NUL character
      return (nl < 0 ? m : m.substring(0, nl)).replace('\0', '?');
    }

    @Override
    public void close() throws IOException {
      workbook.close();
    }
  }
}

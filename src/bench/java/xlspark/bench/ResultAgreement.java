package xlspark.bench;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import xlspark.value.ExcelError;
import xlspark.value.Value;
import xlspark.workbook.CellResult;

/**
 * Counts the rows on which {@link PoiBaseline}'s results and {@code jobs/xlspark evaluate}'s CSV output agree:
 * same type and same value (numbers within the relative 1e-9 of {@link CellResult#matches}). Both are in input
 * order, so the two files are read side by side without holding either; rows are paired by {@code id}.
 * Usage: {@code ResultAgreement POI.csv XLSPARK_OUTPUT} (the output folder of CSV part files, or one CSV file).
 * Prints {@code agreement compared=.. agree=.. poiFailures=..} and the first differences.
 */
public final class ResultAgreement {
  private static final int SHOWN = 5;

  private ResultAgreement() {
  }

  /** Counts of one comparison; {@code differences} holds the first few, one line each. */
  record Counts(long compared, long agree, long poiFailures, List<String> differences) {
    String line() {
      return String.format(Locale.ROOT, "agreement compared=%d agree=%d poiFailures=%d", compared, agree,
          poiFailures);
    }
  }

  public static void main(String[] args) throws IOException {
    Counts c = compare(Path.of(args[0]), Path.of(args[1]));
    System.out.println(c.line());
    for (String d : c.differences()) {
      System.out.println("  differs: " + d);
    }
  }

  static Counts compare(Path poiCsv, Path xlsparkOutput) throws IOException {
    List<Path> parts;
    if (Files.isDirectory(xlsparkOutput)) {
      try (Stream<Path> s = Files.list(xlsparkOutput)) {
        parts = s.filter(p -> p.getFileName().toString().startsWith("part-")
            && p.getFileName().toString().endsWith(".csv")).sorted().toList();
      }
    } else {
      parts = List.of(xlsparkOutput);
    }
    long compared = 0;
    long agree = 0;
    long poiFailures = 0;
    List<String> differences = new ArrayList<>();
    try (Reader pr = Files.newBufferedReader(poiCsv, StandardCharsets.UTF_8);
         CSVParser poi = header().parse(pr)) {
      Iterator<CSVRecord> pi = poi.iterator();
      for (Path part : parts) {
        try (Reader xr = Files.newBufferedReader(part, StandardCharsets.UTF_8);
             CSVParser x = header().parse(xr)) {
          int type = x.getHeaderNames().lastIndexOf("type");
          int value = x.getHeaderNames().lastIndexOf("value");
          int id = x.getHeaderNames().indexOf("id");
          for (CSVRecord xs : x) {
            if (!pi.hasNext()) {
              differences.add("POI's file ends before xlspark's output (at id " + xs.get(id) + ")");
              return new Counts(compared, agree, poiFailures, differences);
            }
            CSVRecord ps = pi.next();
            if (!ps.get("id").equals(xs.get(id))) {
              differences.add("rows out of step: xlspark id " + xs.get(id) + ", POI id " + ps.get("id"));
              return new Counts(compared, agree, poiFailures, differences);
            }
            compared++;
            poiFailures += ps.get("message").startsWith("POI cannot") ? 1 : 0;
            if (same(xs.get(type), xs.get(value), ps.get("type"), ps.get("value"))) {
              agree++;
            } else if (differences.size() < SHOWN) {
              differences.add(String.format(Locale.ROOT, "id %s: xlspark %s %s, POI %s %s %s", xs.get(id),
                  xs.get(type), xs.get(value), ps.get("type"), ps.get("value"), ps.get("message")));
            }
          }
        }
      }
      if (pi.hasNext()) {
        differences.add("xlspark's output ends before POI's file (at id " + pi.next().get("id") + ")");
      }
    }
    return new Counts(compared, agree, poiFailures, differences);
  }

  private static CSVFormat header() {
    return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build();
  }

  static boolean same(String xType, String xValue, String pType, String pValue) {
    if (!xType.equals(pType)) {
      return false;
    }
    return switch (xType) {
      case "NUMBER" -> CellResult.matches(Value.num(Double.parseDouble(xValue)), Value.num(Double.parseDouble(pValue)));
      case "ERROR" -> ExcelError.fromText(xValue) != null && ExcelError.fromText(xValue) == ExcelError.fromText(pValue);
      default -> xValue.equals(pValue);
    };
  }
}

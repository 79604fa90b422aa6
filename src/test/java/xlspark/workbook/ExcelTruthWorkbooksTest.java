package xlspark.workbook;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import xlspark.eval.EngineOptions;

/**
 * The public workbooks Excel saved (../shared/excel-truth/books, 59,763 formula cells with the value Excel cached):
 * every compared cell matches, or is listed in {@code excel-truth/workbook-differences.csv} with its reason; a listed
 * cell that matches must be removed. Compared as {@code check_workbooks.py} compares: numbers within 1e-12 absolute or
 * 1e-9 relative, text exactly, booleans and errors by name. Skipped (with this message) where ../shared is absent:
 * the books are not part of the repository. Writes {@code target/excel-truth/workbooks-report.txt}.
 */
class ExcelTruthWorkbooksTest {
  static final Path TRUTH = Path.of("..", "shared", "excel-truth");
  /** A fixed clock: cells that depend on TODAY() through other cells differ from Excel's the same way every day. */
  static final EngineOptions OPTIONS = new EngineOptions(Instant.parse("2024-06-15T12:00:00Z"), ZoneId.of("UTC"),
      7, 10_000, 5_000, List.of(), Map.of());

  record Key(String book, String sheet, String cell) {
    static Key of(String book, String sheet, String cell) {
      return new Key(book, sheet.toLowerCase(Locale.ROOT), cell.replace("$", "").toUpperCase(Locale.ROOT));
    }
  }

  @Test
  void everyPublicBookCellMatchesExcelOrIsListedWithItsReason() throws IOException {
    Path books = TRUTH.resolve("books");
    Path expectedCsv = TRUTH.resolve("expected-cells.csv");
    Assumptions.assumeTrue(Files.isDirectory(books) && Files.isRegularFile(expectedCsv),
        "skipped: " + TRUTH + " is not present (the public Excel-saved books are not part of the repository)");
    Map<Key, String> allowed = new HashMap<>();
    try (Reader r = Files.newBufferedReader(Path.of("src/test/resources/excel-truth/workbook-differences.csv"))) {
      for (CSVRecord rec : CSVFormat.DEFAULT.builder().setCommentMarker('#').setHeader().setSkipHeaderRecord(true)
          .build().parse(r)) {
        allowed.put(Key.of(rec.get("book"), rec.get("sheet"), rec.get("cell")), rec.get("kind"));
      }
    }
    Map<String, List<CSVRecord>> expected = new LinkedHashMap<>();
    try (Reader r = Files.newBufferedReader(expectedCsv)) {
      for (CSVRecord rec : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(r)) {
        if (rec.get("skip").isEmpty()) {
          expected.computeIfAbsent(rec.get("book"), k -> new java.util.ArrayList<>()).add(rec);
        }
      }
    }
    int compared = 0;
    int matched = 0;
    int poi = 0;
    Map<String, Integer> differences = new TreeMap<>();
    StringBuilder unexpected = new StringBuilder();
    StringBuilder nowMatching = new StringBuilder();
    for (Map.Entry<String, List<CSVRecord>> book : expected.entrySet()) {
      Path file = books.resolve(book.getKey());
      WorkbookRun.Outcome o = WorkbookRun.run(file, book.getKey(), Files.size(file), OPTIONS, false);
      Map<Key, CellResult> ours = new HashMap<>();
      for (CellResult c : o.cells()) {
        ours.put(Key.of(book.getKey(), c.sheet(), c.cell()), c);
      }
      for (CSVRecord e : book.getValue()) {
        compared++;
        poi += e.get("poi_match").equals("1") ? 1 : 0;
        Key k = Key.of(book.getKey(), e.get("sheet"), e.get("cell"));
        CellResult c = ours.get(k);
        boolean same = c != null && same(e.get("expected_type"), e.get("expected_value"), c.type(), c.value());
        String kind = allowed.get(k);
        if (same) {
          matched++;
          if (kind != null) {
            nowMatching.append(String.format("  %s %s!%s matches now: remove it from workbook-differences.csv%n",
                k.book(), e.get("sheet"), e.get("cell")));
          }
        } else if (kind != null) {
          differences.merge(kind, 1, Integer::sum);
        } else {
          unexpected.append(String.format("  %s %s!%s =%s  excel: %s %s  got: %s%n", k.book(), e.get("sheet"),
              e.get("cell"), e.get("formula"), e.get("expected_type"), e.get("expected_value"),
              c == null ? "(missing)" : c.type() + " " + c.value() + (c.message() == null ? "" : " (" + c.message() + ")")));
        }
      }
    }
    String line = String.format(Locale.ROOT, "workbook excel-truth (in process): %d/%d cells match (%.2f%%); "
        + "POI 5.4.1: %d (%.2f%%); listed differences by kind: %s", matched, compared, 100.0 * matched / compared,
        poi, 100.0 * poi / compared, differences);
    Path out = Path.of("target", "excel-truth");
    Files.createDirectories(out);
    Files.writeString(out.resolve("workbooks-report.txt"), line + "\n\nunexpected differences:\n" + unexpected
        + "\nlisted cells that match:\n" + nowMatching);
    System.out.println(line);
    assertTrue(unexpected.length() == 0 && nowMatching.length() == 0, line + "\n" + unexpected + nowMatching);
  }

  /** check_workbooks.py's comparison. */
  static boolean same(String expectedType, String expectedValue, String type, String value) {
    if (!expectedType.equals(type)) {
      return false;
    }
    String v = value == null ? "" : value;
    return switch (expectedType) {
      case "NUMBER" -> {
        try {
          double a = Double.parseDouble(v);
          double e = Double.parseDouble(expectedValue);
          yield !Double.isNaN(a) && (a == e || Math.abs(a - e) <= 1e-12
              || Math.abs(a - e) <= 1e-9 * Math.max(Math.abs(a), Math.abs(e)));
        } catch (NumberFormatException x) {
          yield false;
        }
      }
      case "TEXT" -> v.equals(expectedValue);
      default -> v.trim().equalsIgnoreCase(expectedValue);
    };
  }
}

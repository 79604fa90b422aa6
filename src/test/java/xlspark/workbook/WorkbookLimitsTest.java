package xlspark.workbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16 section 3: the workbook reader does not trust sizes from the file. Coordinates beyond Excel's grid
 * are errors for that cell, memory follows the cells present (not an array formula's claimed range), a
 * workbook larger than its share of the heap fails alone, and inline-string runs are read in linear time.
 */
class WorkbookLimitsTest {
  @TempDir
  Path dir;

  /** A one-sheet .xlsx whose sheet XML is {@code sheetData} as given: the file says what it likes. */
  static Path xlsx(Path file, String sheetData) throws IOException {
    try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
      put(zip, "[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/"
          + "package/2006/content-types\"/>");
      put(zip, "_rels/.rels", "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/"
          + "package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/"
          + "officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
      put(zip, "xl/workbook.xml", "<?xml version=\"1.0\"?><workbook xmlns=\"http://schemas.openxmlformats.org/"
          + "spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/"
          + "relationships\"><sheets><sheet name=\"S\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
      put(zip, "xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas."
          + "openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas."
          + "openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
          + "</Relationships>");
      put(zip, "xl/worksheets/sheet1.xml", "<?xml version=\"1.0\"?><worksheet xmlns=\"http://schemas."
          + "openxmlformats.org/spreadsheetml/2006/main\"><sheetData>" + sheetData + "</sheetData></worksheet>");
    }
    return file;
  }

  /** Stored, not deflated: repetitive test XML would otherwise trip the reader's zip-bomb guard. */
  private static void put(ZipOutputStream zip, String name, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    ZipEntry e = new ZipEntry(name);
    e.setMethod(ZipEntry.STORED);
    e.setSize(bytes.length);
    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
    crc.update(bytes);
    e.setCrc(crc.getValue());
    zip.putNextEntry(e);
    zip.write(bytes);
    zip.closeEntry();
  }

  static Map<String, CellResult> byCell(WorkbookRun.Outcome o) {
    Map<String, CellResult> m = new HashMap<>();
    for (CellResult r : o.cells()) {
      m.put(r.cell(), r);
    }
    return m;
  }

  static Path giantCoordinates(Path dir) throws IOException {
    return xlsx(dir.resolve("giant-coordinates.xlsx"), "<row r=\"1\"><c r=\"A1\"><f>2+2</f></c>"
        + "<c r=\"B1\"><f>A1*10</f></c></row>"
        + "<row r=\"2000000000\"><c r=\"A2000000000\"><f>1+1</f></c><c r=\"B2000000000\"><v>7</v></c></row>"
        + "<row r=\"3\"><c r=\"XFE3\"><f>3</f></c><c r=\"A0\"><f>4</f></c><c r=\"1A\"><v>1</v></c>"
        + "<c r=\"A99999999999999999999\"><f>5</f></c><c r=\"C3\"><f>B1+1</f></c></row>"
        + "<row r=\"99999999999\"><c><f>6</f></c></row>");
  }

  /** An array formula claiming the whole grid, with a few cells present inside it. */
  static Path wholeGridArray(Path dir) throws IOException {
    return xlsx(dir.resolve("whole-grid-array.xlsx"), "<row r=\"1\"><c r=\"A1\"><f t=\"array\" ref=\"A1:XFD1048576\">"
        + "1</f></c><c r=\"B1\"/></row><row r=\"2\"><c r=\"B2\"><v>5</v></c></row>"
        + "<row r=\"1048576\"><c r=\"XFD1048576\"><v>9</v></c></row>");
  }

  @Test
  void issue16_coordinatesBeyondTheGridAreErrorsForThoseCells() throws IOException {
    WorkbookRun.Outcome o = WorkbookRun.run(giantCoordinates(dir), "giant.xlsx", 0, WorkbookEvaluatorTest.OPTIONS,
        false);
    assertNull(o.summary().failure());
    Map<String, CellResult> c = byCell(o);
    assertEquals("4", c.get("A1").value());
    assertEquals("40", c.get("B1").value());
    assertEquals("41", c.get("C3").value());
    for (String bad : List.of("A2000000000", "XFE3", "A0", "A99999999999999999999")) {
      CellResult r = c.get(bad);
      assertTrue(r != null, bad + " in " + c.keySet());
      assertEquals("#REF!", r.value(), r::toString);
      assertTrue(r.message().contains("outside Excel's grid"), r::toString);
    }
    assertTrue(c.keySet().stream().anyMatch(k -> k.startsWith("row 99999999999")), c.keySet()::toString);
    assertEquals(8, o.cells().size(), c.keySet()::toString);
    assertTrue(o.summary().warnings().stream().anyMatch(w -> w.contains("2 value cells outside Excel's grid")),
        o.summary().warnings()::toString);
  }

  @Test
  void issue16_anArrayFormulaOverTheWholeGridCostsTheCellsPresent() throws Exception {
    Path file = wholeGridArray(dir);
    WorkbookModel wb = WorkbookRun.read(file, "array.xlsx");
    assertEquals(4, wb.sheet(0).size(), "A1, B1 (empty in the file), B2, XFD1048576");
    assertTrue(wb.budget().bytes() < 4_096, wb.budget().bytes() + " bytes");
    Path withSum = xlsx(dir.resolve("array-sum.xlsx"), "<row r=\"1\"><c r=\"A1\"><f t=\"array\" ref=\"A1:XFD1048576\">"
        + "7</f></c><c r=\"B1\"/><c r=\"C1\"><f>B2+1</f></c></row><row r=\"2\"><c r=\"B2\"><v>5</v></c></row>"
        + "<row r=\"5\"><c r=\"A5\"><f>SUM(A1:B2)</f></c></row>");
    Map<String, CellResult> c = byCell(WorkbookRun.run(withSum, "sum.xlsx", 0, WorkbookEvaluatorTest.OPTIONS, false));
    assertEquals("7", c.get("A1").value());
    assertEquals("8", c.get("C1").value(), "B2 is a member of the array formula: 7");
    assertEquals("21", c.get("A5").value(), "A1, B1 and B2 hold 7; A2 is not in the file");
  }

  /**
   * A workbook whose cells need more than its share of the heap fails alone with the reason, before it takes
   * more; the same file is read with a larger share.
   */
  @Test
  void issue16_aWorkbookTooLargeForItsShareFailsAlone() throws IOException {
    StringBuilder rows = new StringBuilder();
    for (int r = 1; r <= 2_000; r++) {
      rows.append("<row r=\"").append(r).append("\"><c r=\"A").append(r).append("\"><v>").append(r)
          .append("</v></c><c r=\"B").append(r).append("\"><f>A").append(r).append("*2</f></c></row>");
    }
    Path file = xlsx(dir.resolve("big.xlsx"), rows.toString());
    WorkbookRun.Outcome small = WorkbookRun.run(file, "big.xlsx", 0, WorkbookEvaluatorTest.OPTIONS, false,
        new ReadBudget(256 * 1024));
    System.out.println("4,000 cells with 256 KB for the workbook: " + small.summary().line());
    assertTrue(small.summary().failure().startsWith("workbook too large for memory"), small.summary()::toString);
    assertEquals(0, small.cells().size());
    WorkbookRun.Outcome enough = WorkbookRun.run(file, "big.xlsx", 0, WorkbookEvaluatorTest.OPTIONS, false,
        new ReadBudget(4L << 20));
    assertNull(enough.summary().failure());
    assertEquals(2_000, enough.cells().size());
    assertEquals("4000", byCell(enough).get("B2000").value());
  }

  /** A value split into 400,000 runs of text: joined in linear time (the runs were concatenated one by one). */
  @Test
  void issue16_inlineStringRunsAreReadInLinearTime() throws IOException {
    int runs = 400_000;
    String data = "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is>" + "<r><t>ab</t></r>".repeat(runs) + "</is></c>"
        + "<c r=\"B1\"><f>LEN(A1)</f></c></row>";
    Path file = xlsx(dir.resolve("runs.xlsx"), data);
    long t0 = System.nanoTime();
    WorkbookModel wb = WorkbookRun.read(file, "runs.xlsx");
    long ms = (System.nanoTime() - t0) / 1_000_000;
    System.out.println(runs + " inline-string runs read in " + ms + " ms");
    assertEquals(2 * runs, ((xlspark.value.Value.Text) wb.sheet(0).get(0, 0).value).s().length());
    assertTrue(ms < 5_000, ms + " ms");
  }

  /**
   * Before the fix the first file made the reader allocate a row table for two billion rows and the second
   * created a cell for every position of the grid: either ended the JVM (and the job) with OutOfMemoryError.
   * In a JVM of 256 MB both are now read and evaluated.
   */
  @Test
  void issue16_hostileSizesInASmallHeap() throws Exception {
    giantCoordinates(dir);
    wholeGridArray(dir);
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m", "-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
        Child.class.getName(), dir.resolve("giant-coordinates.xlsx").toString(),
        dir.resolve("whole-grid-array.xlsx").toString()));
    Path out = dir.resolve("child.out");
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile()).start();
    assertTrue(p.waitFor(3, TimeUnit.MINUTES), "child did not end");
    List<String> lines = Files.readAllLines(out);
    System.out.println("hostile sizes in 256 MB: " + lines);
    assertEquals(0, p.exitValue(), lines::toString);
    assertTrue(lines.get(0).startsWith("giant-coordinates.xlsx: 8 formula cells"), lines::toString);
    assertTrue(lines.get(1).startsWith("whole-grid-array.xlsx: 1 formula cells"), lines::toString);
  }

  /** Reads and evaluates each file given, printing its summary line. */
  public static final class Child {
    public static void main(String[] args) {
      for (String f : args) {
        Path p = Path.of(f);
        System.out.println(WorkbookRun.run(p, p.getFileName().toString(), 0, WorkbookEvaluatorTest.OPTIONS, false)
            .summary().line());
      }
    }
  }

  /**
   * Issue 15: a range read larger than the run's --max-array-cells is cut to the sheet's used range before it is
   * refused, as one larger than the default was (the cut used the default limit, whatever the run's).
   */
  @Test
  void issue15_rangeReadsAreCutByTheRunsArrayLimit() throws IOException {
    Path file = Workbooks.xlsx().sheet("Data").set("A1", 1).set("A2", 2).set("A3", 3)
        .sheet("F").set("A1", "=SUM(Data!A1:C200)").save(dir, "cut.xlsx");
    xlspark.eval.EngineOptions small = WorkbookEvaluatorTest.OPTIONS.withLimits(100, 1_000);
    WorkbookRun.Outcome o = WorkbookRun.run(file, "cut.xlsx", 0, small, false);
    assertNull(o.summary().failure());
    CellResult r = o.cells().stream().filter(c -> c.sheet().equals("F")).findFirst().orElseThrow();
    assertEquals("6", r.value(), r::toString);
  }
}

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16 section 2: one bad table definition or one bad structured reference fails the cells that depend on it,
 * each with a message, and every other cell of the workbook is evaluated (it used to make the whole workbook
 * unreadable, or stop its evaluation).
 */
class BrokenTablesTest {
  @TempDir
  Path dir;

  /** A good table over A1:A3 (header Amount, 10 and 20), used by the harmless cells. */
  static final String GOOD = "<table xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" id=\"1\" "
      + "name=\"Good\" displayName=\"Good\" ref=\"A1:A3\"><tableColumns count=\"1\"><tableColumn id=\"1\" "
      + "name=\"Amount\"/></tableColumns></table>";

  static String table(String name, String attributes, String... columns) {
    StringBuilder cols = new StringBuilder();
    for (String c : columns) {
      cols.append("<tableColumn id=\"1\"").append(c == null ? "" : " name=\"" + c + "\"").append("/>");
    }
    return "<table xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" id=\"2\" name=\"" + name
        + "\" displayName=\"" + name + "\" " + attributes + "><tableColumns count=\"" + columns.length + "\">" + cols
        + "</tableColumns></table>";
  }

  /** One sheet "S" with the given cells (row XML) and table parts. */
  static Path xlsx(Path file, String sheetData, List<String> tables) throws IOException {
    try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
      put(zip, "[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/"
          + "package/2006/content-types\"/>");
      put(zip, "_rels/.rels", rels("rId1", "officeDocument", "xl/workbook.xml"));
      put(zip, "xl/workbook.xml", "<?xml version=\"1.0\"?><workbook xmlns=\"http://schemas.openxmlformats.org/"
          + "spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/"
          + "relationships\"><sheets><sheet name=\"S\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
      put(zip, "xl/_rels/workbook.xml.rels", rels("rId1", "worksheet", "worksheets/sheet1.xml"));
      put(zip, "xl/worksheets/sheet1.xml", "<?xml version=\"1.0\"?><worksheet xmlns=\"http://schemas."
          + "openxmlformats.org/spreadsheetml/2006/main\"><sheetData>" + sheetData + "</sheetData></worksheet>");
      StringBuilder r = new StringBuilder();
      for (int i = 0; i < tables.size(); i++) {
        r.append(relationship("rIdT" + i, "table", "../tables/table" + i + ".xml"));
        put(zip, "xl/tables/table" + i + ".xml", "<?xml version=\"1.0\"?>" + tables.get(i));
      }
      put(zip, "xl/worksheets/_rels/sheet1.xml.rels", "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas."
          + "openxmlformats.org/package/2006/relationships\">" + r + "</Relationships>");
    }
    return file;
  }

  private static String rels(String id, String type, String target) {
    return "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/"
        + "relationships\">" + relationship(id, type, target) + "</Relationships>";
  }

  private static String relationship(String id, String type, String target) {
    return "<Relationship Id=\"" + id + "\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
        + "relationships/" + type + "\" Target=\"" + target + "\"/>";
  }

  private static void put(ZipOutputStream zip, String name, String text) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(text.getBytes(StandardCharsets.UTF_8));
    zip.closeEntry();
  }

  static String cell(String ref, String formula) {
    return "<c r=\"" + ref + "\"><f>" + formula.replace("&", "&amp;").replace("<", "&lt;").replace("\"", "&quot;")
        + "</f></c>";
  }

  /** Data A1:A3 and C1:C3, two harmless formulas (one over the good table), then one cell per formula given. */
  static String sheet(List<String> formulas) {
    StringBuilder s = new StringBuilder("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Amount</t></is></c>"
        + "<c r=\"C1\" t=\"inlineStr\"><is><t>x</t></is></c>" + cell("E1", "SUM(Good[Amount])") + "</row>"
        + "<row r=\"2\"><c r=\"A2\"><v>10</v></c><c r=\"C2\"><v>1</v></c>" + cell("E2", "1+1") + "</row>"
        + "<row r=\"3\"><c r=\"A3\"><v>20</v></c><c r=\"C3\"><v>2</v></c>" + cell("E3", "E1*2") + "</row>");
    for (int i = 0; i < formulas.size(); i++) {
      s.append("<row r=\"").append(i + 5).append("\">").append(cell("E" + (i + 5), formulas.get(i))).append("</row>");
    }
    return s.toString();
  }

  static Map<String, CellResult> byCell(WorkbookRun.Outcome o) {
    Map<String, CellResult> m = new HashMap<>();
    for (CellResult r : o.cells()) {
      m.put(r.cell(), r);
    }
    return m;
  }

  /** The harmless cells have their values, each dependent cell is an error naming the reason; no cell unfinished. */
  static void check(String what, WorkbookRun.Outcome o, Map<String, String> dependentReasons, List<String> fails) {
    if (o.summary().failure() != null) {
      fails.add(what + ": the whole workbook failed: " + o.summary().failure());
      return;
    }
    Map<String, CellResult> c = byCell(o);
    if (!"30".equals(c.get("E1").value()) || !"2".equals(c.get("E2").value()) || !"60".equals(c.get("E3").value())) {
      fails.add(what + ": harmless cells " + c.get("E1") + " " + c.get("E2") + " " + c.get("E3"));
    }
    int i = 5;
    for (Map.Entry<String, String> e : dependentReasons.entrySet()) {
      CellResult r = c.get("E" + i++);
      if (r == null || !"ERROR".equals(r.type()) || r.message() == null || !r.message().contains(e.getValue())) {
        fails.add(what + ": " + e.getKey() + " gave " + r + ", expected an error saying '" + e.getValue() + "'");
      }
    }
    if (o.summary().warnings().stream().anyMatch(w -> w.contains("evaluation stopped"))) {
      fails.add(what + ": " + o.summary().warnings());
    }
  }

  @Test
  void issue16_aBadTableFailsOnlyTheCellsThatUseIt() throws IOException {
    Map<String, String[]> bad = new LinkedHashMap<>();
    // name -> {table part, a formula using it, what its error says}
    bad.put("ref wider than the sheet", new String[] {table("Wide", "ref=\"XFC1:XFD3\"", "a", "b", "c"),
        "SUM(Wide[c])", "it names 3 columns for its range XFC1:XFD3, 2 wide"});
    bad.put("ref outside the grid", new String[] {table("Outside", "ref=\"A1:XFE3\"", "a"), "ROWS(Outside[a])",
        "its range 'A1:XFE3' is not a range inside the sheet"});
    bad.put("negative header count", new String[] {table("Negative", "ref=\"C1:C3\" headerRowCount=\"-1\"", "x"),
        "SUM(Negative[x])", "header row count '-1' is not a count of rows"});
    bad.put("header count not a number", new String[] {table("Text", "ref=\"C1:C3\" headerRowCount=\"one\"", "x"),
        "SUM(Text[x])", "header row count 'one' is not a count of rows"});
    bad.put("more header and totals rows than rows", new String[] {
        table("Tall", "ref=\"C1:C3\" headerRowCount=\"2\" totalsRowCount=\"2\"", "x"), "SUM(Tall)",
        "2 header and 2 totals rows do not fit"});
    bad.put("a column without a name", new String[] {table("Nameless", "ref=\"C1:C3\"", (String) null),
        "SUM(Nameless[#All])", "a column has no name"});
    bad.put("no range", new String[] {table("Nowhere", "", "x"), "SUM(Nowhere[x])", "its range is missing"});
    List<String> fails = new ArrayList<>();
    List<String> allTables = new ArrayList<>(List.of(GOOD));
    Map<String, String> allReasons = new LinkedHashMap<>();
    for (Map.Entry<String, String[]> e : bad.entrySet()) {
      String[] t = e.getValue();
      Path file = xlsx(dir.resolve("t" + allTables.size() + ".xlsx"), sheet(List.of(t[1])), List.of(GOOD, t[0]));
      WorkbookRun.Outcome o = WorkbookRun.run(file, file.getFileName().toString(), 0, WorkbookEvaluatorTest.OPTIONS,
          false);
      check(e.getKey(), o, Map.of(t[1], t[2]), fails);
      if (o.summary().failure() == null
          && o.summary().warnings().stream().noneMatch(w -> w.contains(" ignored: ") && w.contains(t[2]))) {
        fails.add(e.getKey() + ": no warning in " + o.summary().warnings());
      }
      allTables.add(t[0]);
      allReasons.put(t[1], t[2]);
    }
    Path all = xlsx(dir.resolve("all.xlsx"), sheet(new ArrayList<>(allReasons.keySet())), allTables);
    check("all in one workbook", WorkbookRun.run(all, "all.xlsx", 0, WorkbookEvaluatorTest.OPTIONS, false),
        allReasons, fails);
    assertEquals(List.of(), fails, () -> String.join("\n", fails));
  }

  @Test
  void issue16_aBadStructuredReferenceFailsOnlyItsCell() throws IOException {
    Map<String, String> refs = new LinkedHashMap<>();
    refs.put("SUM(Good[#Bogus])", "unknown column #Bogus in table Good");
    refs.put("SUM(Good[[#This Row],[Nope]])", "unknown column Nope");
    refs.put("SUM(Good[[Amount]:[Amount]:[Nope]])", "unknown column");
    refs.put("SUM(Missing[Amount])", "unknown table Missing");
    refs.put("SUM([@Amount])", "no table around the cell");
    refs.put("SUM(INDIRECT(\"[\"))", "");
    refs.put("SUM(INDIRECT(\"Good[\"))", "");
    refs.put("SUM(INDIRECT(\"Good[]]\"))", "");
    refs.put("Good[[#Headers],[#Totals]]", "has no such rows");
    Path file = xlsx(dir.resolve("refs.xlsx"), sheet(new ArrayList<>(refs.keySet())), List.of(GOOD));
    WorkbookRun.Outcome o = WorkbookRun.run(file, "refs.xlsx", 0, WorkbookEvaluatorTest.OPTIONS, false);
    List<String> fails = new ArrayList<>();
    check("structured references", o, refs, fails);
    assertEquals(List.of(), fails);
    assertNull(o.summary().failure());
  }
}

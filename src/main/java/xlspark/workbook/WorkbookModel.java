package xlspark.workbook;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import xlspark.formula.Names;

/**
 * A workbook as read from a file: its sheets in order, defined names (workbook scope and sheet scope) and
 * tables. Built by {@link XlsxReader} or {@link XlsReader}; evaluated by {@link WorkbookEvaluator}.
 */
public final class WorkbookModel {
  /** A defined name's definition: the formula text (without '='); {@code sheet} -1 for workbook scope. */
  public record DefinedName(String name, int sheet, String formula) {
  }

  /**
   * Excel's calculation options saved with the workbook: iterative calculation of circular references
   * ({@code calcPr iterate}, {@code iterateCount}, {@code iterateDelta}; the .xls ITERATION, CALCCOUNT and DELTA
   * records), off by default with Excel's defaults of 100 iterations and a maximum change of 0.001.
   */
  public record CalcSettings(boolean iterate, int count, double maxChange) {
    public static final CalcSettings DEFAULT = new CalcSettings(false, 100, 0.001);
  }

  private final String name;
  private final ReadBudget budget;
  private CalcSettings calc = CalcSettings.DEFAULT;
  private final List<SheetModel> sheets = new ArrayList<>();
  private final List<SheetModel> externalSheets = new ArrayList<>();
  private boolean date1904;
  /** Names of the workbook's macro functions (.xls function names), upper case; and whether it carries VBA. */
  private final java.util.Set<String> macroFunctions = new java.util.HashSet<>();
  private boolean vba;
  /**
   * Why a cell's result is what it is when that is not the formula's own doing (a circular reference, a linked
   * workbook, a VBA function), for its message. A map: few cells have one, and a field would cost every cell.
   */
  private final Map<CellModel, String> notes = new HashMap<>();
  private final Map<String, SheetModel> sheetsByKey = new HashMap<>();
  private final Map<String, DefinedName> names = new HashMap<>();
  private final Map<String, TableModel> tables = new HashMap<>();
  private final Map<String, String> brokenTables = new HashMap<>();
  private final List<String> warnings = new ArrayList<>();

  public WorkbookModel(String name) {
    this(name, ReadBudget.defaults());
  }

  WorkbookModel(String name, ReadBudget budget) {
    this.name = name;
    this.budget = budget;
  }

  /** What reading this workbook may still take from the heap. */
  ReadBudget budget() {
    return budget;
  }

  public String name() {
    return name;
  }

  public SheetModel addSheet(String sheetName) {
    SheetModel s = new SheetModel(sheets.size(), sheetName, budget);
    sheets.add(s);
    sheetsByKey.putIfAbsent(Names.fold(sheetName), s);
    return s;
  }

  public CalcSettings calc() {
    return calc;
  }

  public void setCalc(CalcSettings calc) {
    this.calc = calc;
  }

  public List<SheetModel> sheets() {
    return Collections.unmodifiableList(sheets);
  }

  public SheetModel sheet(int index) {
    return index < sheets.size() ? sheets.get(index) : externalSheets.get(index - sheets.size());
  }

  /**
   * A sheet of another workbook this one links to, named as formulas write it ({@code [1]Sheet1} in .xlsx,
   * {@code [book.xls]Sheet1} as POI writes .xls formulas), holding the values Excel saved for it in this file.
   * Add them after the workbook's own sheets. {@code book} says which workbook, for messages.
   */
  public SheetModel addExternalSheet(String sheetName, String book) {
    SheetModel s = new SheetModel(sheets.size() + externalSheets.size(), sheetName, budget);
    s.external = book;
    externalSheets.add(s);
    sheetsByKey.putIfAbsent(Names.fold(sheetName), s);
    return s;
  }

  String note(CellModel c) {
    return notes.isEmpty() ? null : notes.get(c);
  }

  void setNote(CellModel c, String note) {
    notes.put(c, note);
  }

  void addMacroFunction(String functionName) {
    macroFunctions.add(Names.fold(functionName));
  }

  void setVba(boolean vba) {
    this.vba = vba;
  }

  /** True when a function the registry does not know is one of the workbook's own (VBA) functions. */
  boolean isMacroFunction(String upperName) {
    return vba || macroFunctions.contains(upperName);
  }

  /** True for a workbook in the 1904 date system (serial 0 is 1904-01-01). */
  public boolean date1904() {
    return date1904;
  }

  public void setDate1904(boolean date1904) {
    this.date1904 = date1904;
  }

  /** The sheet of a name (case-insensitive), or null. */
  public SheetModel sheet(String sheetName) {
    return sheetsByKey.get(Names.fold(sheetName));
  }

  /** Adds a defined name; {@code sheet} is the scope's sheet index, -1 for the workbook. */
  public void addName(String nameText, int sheet, String formula) {
    String f = formula.startsWith("=") ? formula.substring(1) : formula;
    names.put(key(sheet, nameText), new DefinedName(nameText, sheet, f));
  }

  /** A name as seen from a sheet: the sheet's own name first, then the workbook's; null when unknown. */
  public DefinedName name(String upperName, int fromSheet) {
    DefinedName d = names.get(key(fromSheet, upperName));
    return d != null ? d : names.get(key(-1, upperName));
  }

  public int nameCount() {
    return names.size();
  }

  public void addTable(TableModel t) {
    tables.put(t.key(), t);
  }

  /** A table the file defines in a way that cannot be used, and why: formulas naming it fail with the reason. */
  void addBrokenTable(String tableName, String why) {
    brokenTables.put(Names.fold(tableName), why);
  }

  /** Why a table named in a formula cannot be used, or null when no table of that name was refused. */
  String tableProblem(String tableName) {
    String why = brokenTables.get(Names.fold(tableName));
    return why == null ? null : "table " + tableName + " cannot be used: " + why;
  }

  /** A table by name (case-insensitive), or null. */
  public TableModel table(String tableName) {
    return tables.get(Names.fold(tableName));
  }

  /** The table whose area holds a cell, or null. */
  public TableModel tableAt(String sheetName, int row, int col) {
    for (TableModel t : tables.values()) {
      if (Names.same(t.sheet(), sheetName) && t.area().contains(row, col)) {
        return t;
      }
    }
    return null;
  }

  public int tableCount() {
    return tables.size();
  }

  /** Things the reader skipped or could not read, reported with the workbook. */
  public List<String> warnings() {
    return warnings;
  }

  private static String key(int sheet, String name) {
    return sheet + "!" + Names.fold(name);
  }

  /** Indexes every sheet's computed cells; the readers call it once the file is read. */
  void finish() {
    for (SheetModel s : sheets) {
      s.index();
    }
    for (SheetModel s : externalSheets) {
      s.index();
    }
  }
}

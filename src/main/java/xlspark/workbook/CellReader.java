package xlspark.workbook;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import xlspark.compile.Slot;
import xlspark.compile.Template;
import xlspark.eval.FormulaEvaluator;
import xlspark.eval.FormulaEvaluator.Prepared;
import xlspark.formula.RefSyntax;
import xlspark.functions.WorkbookAccess;
import xlspark.value.Area;
import xlspark.value.ExcelError;
import xlspark.value.Value;

/**
 * What a workbook formula's references read, seen from the cell being evaluated: cell values, ranges as
 * arrays (blank cells blank, whole rows and columns cut at the used range), implicit intersection of a range
 * used as one value, defined names, structured references and INDIRECT's text references. Ranges read once
 * all their formulas are done never change again, so larger ones are cached as arrays (lookup tables read by
 * thousands of formulas). Reading a formula cell that is not done yet (INDIRECT, OFFSET) evaluates it first.
 */
final class CellReader implements Template.References, WorkbookAccess {
  private static final int CACHE_MIN_CELLS = 16;
  private static final long CACHE_MAX_CELLS = 4_000_000;
  private static final int MAX_NAME_DEPTH = 8;
  private static final java.util.regex.Pattern STORAGE_PREFIX = java.util.regex.Pattern.compile("(?i)_xl(fn|ws)\\.");

  private final WorkbookModel wb;
  private final FormulaEvaluator engine;
  private final WorkbookEvaluator evaluator;
  private final Map<Area, Value.Arr> arrays = new LinkedHashMap<>(64, 0.75f, true);
  private final Map<String, Object> names = new HashMap<>();
  /** The defined names being evaluated, innermost last ({@code sheet!NAME}), to catch names that refer in a circle. */
  private final List<String> namesRunning = new ArrayList<>();
  private long cachedCells;
  private boolean incomplete;
  private CellModel current;
  /** The first cell of a cycle the current formula read (see {@link WorkbookEvaluator}), or null. */
  private CellModel cycleSource;
  private CellModel lastCycleSource;
  /** The first sheet of a linked workbook the current formula read, or null. */
  private SheetModel externalSource;
  private SheetModel lastExternalSource;
  /** Cells of a cycle read as {@link WorkbookEvaluator#CYCLE_PROBE} instead of their shown value. */
  private boolean probe;

  CellReader(WorkbookModel wb, FormulaEvaluator engine, WorkbookEvaluator evaluator) {
    this.wb = wb;
    this.engine = engine;
    this.evaluator = evaluator;
  }

  /**
   * Runs a cell's prepared formula with this reader as its view of the workbook; with {@code probe}, cells of a
   * cycle read as {@link WorkbookEvaluator#CYCLE_PROBE}. {@link #lastCycleSource} then tells whether it read one.
   */
  Value evaluateCell(CellModel c, Prepared p, boolean probe) {
    CellModel saved = current;
    CellModel savedSource = cycleSource;
    SheetModel savedExternal = externalSource;
    boolean savedProbe = this.probe;
    current = c;
    cycleSource = null;
    externalSource = null;
    this.probe = probe;
    try {
      Value v = engine.evaluateWorkbook(p, this, this, rowId(c));
      v = v instanceof Value.Ref r ? read(r.area(), c.arrayRange == null) : v;
      lastCycleSource = cycleSource;
      lastExternalSource = externalSource;
      return v;
    } finally {
      current = saved;
      cycleSource = savedSource;
      externalSource = savedExternal;
      this.probe = savedProbe;
    }
  }

  /** The first sheet of a linked workbook the last {@link #evaluateCell} read, or null. */
  SheetModel lastExternalSource() {
    return lastExternalSource;
  }

  /** The first cell of a cycle the last {@link #evaluateCell} read, or null when it read none. */
  CellModel lastCycleSource() {
    return lastCycleSource;
  }

  @Override
  public Value ref(Area a, Slot.Use use) {
    if (RefSyntax.DELETED_SHEET.equals(a.sheet())) {
      return deleted();
    }
    return switch (use) {
      case REFERENCE -> new Value.Ref(a.sheet() == null ? a.withSheet(sheet()) : a);
      case ARRAY -> read(a, false);
      case VALUE -> read(a, true);
    };
  }

  @Override
  public Value name(String upperName, Slot.Use use) {
    Object d = nameDef(upperName, current.sheet);
    if (d instanceof Area a) {
      return ref(a, use);
    }
    if (d instanceof Prepared p) {
      String key = current.sheet + "!" + upperName;
      int at = namesRunning.indexOf(key);
      if (at >= 0) {
        return circularNames(at, upperName);
      }
      // A row out of time stops here, not after evaluating each of its remaining names on the way out.
      engine.budget().check();
      namesRunning.add(key);
      Value v;
      try {
        // Same row id as the cell: the name's RAND() draws continue the cell's stream, and its budget is the cell's.
        v = engine.evaluateWorkbook(p, this, this, rowId(current));
      } finally {
        namesRunning.remove(namesRunning.size() - 1);
      }
      return v instanceof Value.Ref r && use != Slot.Use.REFERENCE ? read(r.area(), use == Slot.Use.VALUE) : v;
    }
    return (Value) d;
  }

  /** The row id of a cell: seeds its RAND() draws, whatever the order cells are evaluated in. */
  private static long rowId(CellModel c) {
    return ((long) c.sheet << 40) | ((long) c.row << 14) | c.col;
  }

  /** The error of a defined name met again while it is being evaluated, with the circle of names. */
  private Value circularNames(int from, String upperName) {
    StringBuilder path = new StringBuilder("circular defined names: ");
    for (int i = from; i < namesRunning.size(); i++) {
      String k = namesRunning.get(i);
      path.append(k, k.indexOf('!') + 1, k.length()).append(" -> ");
    }
    return Value.err(ExcelError.ERROR, path.append(upperName).toString());
  }

  @Override
  public Value structured(String text, Slot.Use use) {
    Object r = StructuredRef.resolve(text, wb, sheet(), current.row, current.col);
    return r instanceof Area a ? ref(a, use) : Value.err(ExcelError.REF, (String) r);
  }

  @Override
  public int sheetNumber(String name) {
    SheetModel s = wb.sheet(name);
    return s == null ? 0 : s.index + 1;
  }

  @Override
  public int sheetCount() {
    return wb.sheets().size();
  }

  @Override
  public String formulaText(Area a) {
    SheetModel s = a.sheet() == null ? wb.sheet(current.sheet) : wb.sheet(a.sheet());
    CellModel c = s == null ? null : s.get(a.firstRow(), a.firstCol());
    if (c != null && c.formula == null && c.master != null) {
      c = c.master;
    }
    if (c == null || c.formula == null) {
      return null;
    }
    // Files spell newer functions with their storage prefixes; the formula bar does not show them.
    return "=" + STORAGE_PREFIX.matcher(c.formula).replaceAll("");
  }

  @Override
  public String bookName() {
    return wb.name();
  }

  @Override
  public String sheet() {
    return wb.sheet(current.sheet).name();
  }

  @Override
  public int row() {
    return current.row;
  }

  @Override
  public int column() {
    return current.col;
  }

  @Override
  public Value read(Area a, boolean single) {
    SheetModel s = a.sheet() == null ? wb.sheet(current.sheet) : wb.sheet(a.sheet());
    if (s == null) {
      if (RefSyntax.DELETED_SHEET.equals(a.sheet())) {
        return deleted();
      }
      List<SheetModel> sheets = threeD(a.sheet());
      if (sheets == null) {
        return Value.err(ExcelError.REF, "unknown sheet " + a.sheet());
      }
      if (single) {
        return Value.err(ExcelError.VALUE, "a 3-D reference (" + a + ") is not one value");
      }
      return stack(sheets, a);
    }
    if (s.external != null && externalSource == null) {
      externalSource = s;
    }
    if (single && a.isCell()) {
      return cellValue(s, a.firstRow(), a.firstCol());
    }
    if (single && current.arrayRange == null) {
      if (a.cols() == 1 && current.row >= a.firstRow() && current.row <= a.lastRow()) {
        return cellValue(s, current.row, a.firstCol());
      }
      if (a.rows() == 1 && current.col >= a.firstCol() && current.col <= a.lastCol()) {
        return cellValue(s, a.firstRow(), current.col);
      }
      return Value.err(ExcelError.VALUE, "the range " + a + " does not intersect the formula's row or column");
    }
    return array(s, a);
  }

  /** The sheets of a 3-D reference's {@code First:Last} in workbook order, or null when it is none. */
  private List<SheetModel> threeD(String sheets) {
    int colon = sheets == null ? -1 : sheets.indexOf(':');
    if (colon <= 0) {
      return null;
    }
    SheetModel first = wb.sheet(sheets.substring(0, colon));
    SheetModel last = wb.sheet(sheets.substring(colon + 1));
    if (first == null || last == null || first.external != null || last.external != null) {
      return null;
    }
    int from = Math.min(first.index, last.index);
    int to = Math.max(first.index, last.index);
    return wb.sheets().subList(from, to + 1);
  }

  /** A 3-D reference's values: the area on each sheet, stacked top to bottom (what SUM, COUNT, MAX... read). */
  private Value stack(List<SheetModel> sheets, Area a) {
    List<Value> cells = new java.util.ArrayList<>();
    int cols = -1;
    for (SheetModel s : sheets) {
      Value v = array(s, a);
      if (v instanceof Value.Arr arr) {
        if (cols >= 0 && arr.cols() != cols) {
          // whole rows stop at each sheet's used range: pad to one width
          return Value.err(ExcelError.VALUE, "a 3-D reference over whole rows of sheets of different widths");
        }
        cols = arr.cols();
        cells.addAll(java.util.Arrays.asList(arr.cells()));
      }
    }
    return cols <= 0 ? new Value.Arr(1, 1, new Value[] {Value.BLANK})
        : new Value.Arr(cells.size() / cols, cols, cells.toArray(new Value[0]));
  }

  @Override
  public Value readAggregated(Area a, boolean allHidden, boolean nested) {
    Value v = read(a, false);
    SheetModel s = a.sheet() == null ? wb.sheet(current.sheet) : wb.sheet(a.sheet());
    if (s == null || !(v instanceof Value.Arr arr) || !nested && !s.hasHiddenRows()) {
      return v;
    }
    Value[] cells = null;
    for (int r = 0; r < arr.rows(); r++) {
      int row = a.firstRow() + r;
      boolean hide = allHidden ? s.rowHidden(row) : s.rowFiltered(row);
      for (int c = 0; c < arr.cols(); c++) {
        if (hide || nested && aggregates(s.get(row, a.firstCol() + c))) {
          if (cells == null) {
            cells = arr.cells().clone();
          }
          cells[r * arr.cols() + c] = Value.BLANK;
        }
      }
    }
    return cells == null ? arr : new Value.Arr(arr.rows(), arr.cols(), cells);
  }

  @Override
  public Area spillRange(Area anchor) {
    SheetModel s = anchor.sheet() == null ? wb.sheet(current.sheet) : wb.sheet(anchor.sheet());
    CellModel c = s == null ? null : s.get(anchor.firstRow(), anchor.firstCol());
    if (c == null || !c.isFormula()) {
      return null;
    }
    Area r = c.arrayRange;
    return r == null ? Area.cell(s.name, c.row, c.col) : new Area(s.name, r.firstRow(), r.firstCol(), r.lastRow(),
        r.lastCol());
  }

  /** True for a cell whose formula is a SUBTOTAL or AGGREGATE (which SUBTOTAL does not count twice). */
  private static boolean aggregates(CellModel c) {
    CellModel f = c == null ? null : c.master != null ? c.master : c;
    if (f == null || f.formula == null) {
      return false;
    }
    String u = f.formula.toUpperCase(java.util.Locale.ROOT);
    return u.contains("SUBTOTAL(") || u.contains("AGGREGATE(");
  }

  private static Value deleted() {
    return Value.err(ExcelError.REF, "reference to a deleted sheet (#REF! in the formula)");
  }

  private Value array(SheetModel s, Area a) {
    int r2 = a.lastRow();
    int c2 = a.lastCol();
    if (a.wholeColumns() || (long) a.rows() * a.cols() > engineMaxCells()) {
      r2 = Math.min(r2, s.lastRow());
    }
    if (a.wholeRows() || (long) a.rows() * a.cols() > engineMaxCells()) {
      c2 = Math.min(c2, s.lastCol());
    }
    if (r2 < a.firstRow() || c2 < a.firstCol()) {
      return new Value.Arr(1, 1, new Value[] {Value.BLANK});
    }
    int rows = r2 - a.firstRow() + 1;
    int cols = c2 - a.firstCol() + 1;
    // Still larger than an array may be once cut to the used range (a sheet with a cell at XFD1048576): refused
    // before anything is allocated.
    Value.Err tooLarge = engine.budget().tooLarge(rows, cols);
    if (tooLarge != null) {
      return tooLarge;
    }
    Area key = new Area(s.name, a.firstRow(), a.firstCol(), r2, c2);
    Value.Arr cached = arrays.get(key);
    if (cached != null) {
      return cached;
    }
    boolean savedIncomplete = incomplete;
    incomplete = false;
    Value[] cells = new Value[rows * cols];
    engine.budget().spend(cells.length);
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        cells[r * cols + c] = cellValue(s, a.firstRow() + r, a.firstCol() + c);
      }
    }
    Value.Arr arr = new Value.Arr(rows, cols, cells);
    if (!incomplete && cells.length >= CACHE_MIN_CELLS) {
      cache(key, arr);
    }
    incomplete |= savedIncomplete;
    return arr;
  }

  private long engineMaxCells() {
    return engine.budget().maxArrayCells();
  }

  private void cache(Area key, Value.Arr arr) {
    arrays.put(key, arr);
    cachedCells += arr.size();
    var it = arrays.entrySet().iterator();
    while (cachedCells > CACHE_MAX_CELLS && it.hasNext()) {
      cachedCells -= it.next().getValue().size();
      it.remove();
    }
  }

  private Value cellValue(SheetModel s, int row, int col) {
    CellModel cell = s.get(row, col);
    if (cell == null) {
      return Value.BLANK;
    }
    if (!cell.computed()) {
      return cell.value == null ? Value.BLANK : cell.value;
    }
    CellModel target = cell.master != null ? cell.master : cell;
    if (target.state == CellModel.NEW) {
      engine.budget().check();
      evaluator.evaluate(target);
    }
    if (target.state == CellModel.IN_PROGRESS || target.circular()) {
      // a cell of a cycle: never cached in an array, and noted so that the evaluator can tell whether it mattered
      incomplete = true;
      if (target.state == CellModel.IN_PROGRESS) {
        evaluator.onDynamicCycle(target, current);
      }
      if (cycleSource == null) {
        cycleSource = target;
      }
      return probe ? WorkbookEvaluator.CYCLE_PROBE : WorkbookEvaluator.shown(cell);
    }
    return cell.value == null ? Value.BLANK : cell.value;
  }

  @Override
  public Area resolve(String text, boolean a1) {
    String t = text.trim();
    if (!a1) {
      return WorkbookText.r1c1(t, current.row, current.col);
    }
    Area a = WorkbookText.area(t);
    if (a != null) {
      return a;
    }
    String n = WorkbookText.name(t);
    if (n != null && nameDef(n, current.sheet) instanceof Area named) {
      return named;
    }
    if (t.indexOf('[') >= 0 && StructuredRef.resolve(t, wb, sheet(), current.row, current.col) instanceof Area s) {
      return s;
    }
    return null;
  }

  /** A name's meaning from a sheet: an Area, a Prepared formula, or an error Value. Cached. */
  Object nameDef(String upperName, int sheet) {
    String key = sheet + "!" + upperName;
    Object d = names.get(key);
    if (d == null) {
      d = defineName(upperName, sheet);
      names.put(key, d);
    }
    return d;
  }

  private Object defineName(String upperName, int sheet) {
    String name = upperName;
    int scope = sheet;
    int bang = upperName.lastIndexOf('!');
    if (bang > 0) {
      String sheetText = upperName.substring(0, bang);
      if (sheetText.startsWith("'") && sheetText.endsWith("'") && sheetText.length() >= 2) {
        sheetText = sheetText.substring(1, sheetText.length() - 1).replace("''", "'");
      }
      name = upperName.substring(bang + 1);
      if (sheetText.equals("[0]")) {
        scope = -1; // [0]!Name: the workbook itself
      } else {
        SheetModel s = wb.sheet(sheetText);
        if (s == null) {
          return Value.err(ExcelError.REF, (sheetText.startsWith("[") ? "no values saved for the linked workbook "
              : "unknown sheet ") + sheetText);
        }
        scope = s.index;
      }
    }
    WorkbookModel.DefinedName d = wb.name(name, scope);
    if (d == null) {
      TableModel t = wb.table(name);
      if (t != null) {
        return t.firstDataRow() > t.lastDataRow() ? Value.err(ExcelError.REF, "the table " + t.name() + " has no data rows")
            : new Area(t.sheet(), t.firstDataRow(), t.area().firstCol(), t.lastDataRow(), t.area().lastCol());
      }
      String why = wb.tableProblem(name);
      return why != null ? Value.err(ExcelError.REF, why) : Value.err(ExcelError.NAME, "unknown name " + name);
    }
    Area a = WorkbookText.area(d.formula());
    if (a != null) {
      return a.sheet() == null ? a.withSheet(wb.sheet(scope < 0 ? sheet : scope).name()) : a;
    }
    Prepared p = engine.prepareWorkbook(d.formula());
    return p.error() != null ? Value.err(ExcelError.NAME, "name " + name + ": " + p.error()) : p;
  }

  /** Adds the areas a name covers to {@code out} (for the dependency walk). */
  void nameAreas(String upperName, int sheet, List<Area> out, int depth) {
    Object d = nameDef(upperName, sheet);
    if (d instanceof Area a) {
      out.add(a);
    } else if (d instanceof Prepared p && depth < MAX_NAME_DEPTH) {
      for (Slot s : p.template().slots()) {
        if (s instanceof Slot.Ref r && r.use() != Slot.Use.REFERENCE) {
          Area a = p.lexed().refs()[r.index()];
          out.add(a.sheet() == null ? a.withSheet(wb.sheet(sheet).name()) : a);
        } else if (s instanceof Slot.Name n) {
          nameAreas(n.name(), sheet, out, depth + 1);
        }
      }
    }
  }
}

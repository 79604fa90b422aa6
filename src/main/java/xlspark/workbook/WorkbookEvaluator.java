package xlspark.workbook;

import java.util.ArrayList;
import java.util.List;
import xlspark.compile.Slot;
import xlspark.eval.FormulaEvaluator;
import xlspark.eval.FormulaEvaluator.Prepared;
import xlspark.value.Area;
import xlspark.value.ExcelError;
import xlspark.value.Value;

/**
 * Recalculates every formula of a workbook once, in dependency order. A depth-first walk with an explicit
 * stack (no recursion, so a 100,000-cell chain cannot overflow): a cell is computed when every formula cell
 * its references, names and structured references cover is done. Formulas inside a range are found through
 * the sheet's per-column index. References known only when running (INDIRECT, OFFSET) evaluate what they reach
 * on demand. A cell that cannot be read or parsed fails alone.
 *
 * <p>Circular references are what Excel finds while calculating, not what the formulas spell: a precedent met
 * while it is still on the stack closes a cycle on paper, but the cell is computed anyway, reading each cell of
 * the cycle as its shown value (the value saved in the file, 0 without one); if the result also stays the same
 * when those cells read as an error, the cycle was never used ({@code IF(FALSE,B1,1)}) and the result stands
 * (not for array formulas: over arrays Excel evaluates every branch, so reading a cell of a cycle is using it).
 * Otherwise the cell depends on the cycle. Without iterative calculation Excel does not calculate such cells: they
 * show the last value saved in the file, which is what they get here, with the cycle in the message. With
 * iterative calculation ({@link WorkbookModel.CalcSettings}) they are recalculated in order, as Excel does, until
 * no value changes by the maximum change or the iteration count is spent.
 */
public final class WorkbookEvaluator {
  private static final int MAX_CYCLE_TEXT = 8;
  /** How a cell of a cycle reads on the second try: a value no cell holds. */
  static final Value.Err CYCLE_PROBE = Value.err(ExcelError.ERROR, "circular reference");

  private final WorkbookModel wb;
  private final FormulaEvaluator engine;
  private final CellReader reader;
  private final List<Frame> stack = new ArrayList<>();
  /** Cells whose result depends on a circular reference, in the order they were computed. */
  private final List<CellModel> circular = new ArrayList<>();
  private final List<Prepared> circularFormulas = new ArrayList<>();
  /** The circular reference each cell is on or depends on, as text ({@code S!A1 -> S!B1 -> S!A1}). */
  private final java.util.Map<CellModel, String> cycles = new java.util.HashMap<>();

  public WorkbookEvaluator(WorkbookModel wb, FormulaEvaluator engine) {
    this.wb = wb;
    this.engine = engine;
    this.reader = new CellReader(wb, engine, this);
  }

  /** Evaluates every formula cell that is not evaluated yet, sheet by sheet, row by row. */
  public void evaluateAll() {
    for (SheetModel s : wb.sheets()) {
      for (CellModel c : s.cells()) {
        if (c.isFormula() && c.state == CellModel.NEW) {
          evaluate(c);
        }
      }
    }
    if (!circular.isEmpty() && wb.calc().iterate()) {
      iterate(wb.calc());
    }
  }

  /**
   * Excel's iterative calculation: the cells that depend on a cycle are recalculated in the order they were first
   * computed, each reading the others' latest values, until an iteration changes no number by
   * {@code maxChange} or more (a value that changes type always counts as a change), or {@code count} iterations
   * are done. They start from the values saved in the file; when those already agree with the first iteration
   * within the maximum change they are kept: they are Excel's own converged result, and Excel does not
   * recalculate a cycle whose inputs have not changed.
   */
  private void iterate(WorkbookModel.CalcSettings calc) {
    int n = circular.size();
    Value[] start = new Value[n];
    for (int i = 0; i < n; i++) {
      start[i] = circular.get(i).value;
    }
    int done = 0;
    double change;
    do {
      done++;
      change = 0;
      for (int i = 0; i < n; i++) {
        CellModel c = circular.get(i);
        Value before = c.value;
        store(c, reader.evaluateCell(c, circularFormulas.get(i), false));
        change = Math.max(change, change(before, c.value));
      }
    } while (done < calc.count() && change >= calc.maxChange());
    boolean kept = done == 1 && change < calc.maxChange();
    for (int i = 0; i < n; i++) {
      CellModel c = circular.get(i);
      if (kept) {
        c.value = start[i];
      }
      wb.setNote(c, wb.note(c) + (kept ? "; iterative calculation: the values saved in the file already agree within "
          + calc.maxChange() + " and are kept"
          : "; iterative calculation: " + done + " iterations, last change " + change));
    }
  }

  private static double change(Value a, Value b) {
    if (a instanceof Value.Num x && b instanceof Value.Num y) {
      return Math.abs(x.v() - y.v());
    }
    return same(a, b) ? 0 : Double.POSITIVE_INFINITY;
  }

  /** One pending cell on the walk, with how far the scan of its precedents got. */
  private final class Frame {
    final CellModel cell;
    final Prepared prepared;
    final List<Area> precedents;
    int next;
    int col = -1;
    int k;

    Frame(CellModel cell) {
      this.cell = cell;
      this.prepared = cell.readError != null
          ? new Prepared(null, null, Value.err(ExcelError.ERROR, "unreadable cell: " + cell.readError))
          : engine.prepareWorkbook(cell.formula);
      this.precedents = prepared.template() == null ? List.of() : precedents(cell, prepared);
    }

    /**
     * The next precedent formula cell that is not computed yet, or null when none is left. A precedent still on
     * the stack closes a cycle: it is noted and passed over.
     */
    CellModel pending() {
      while (next < precedents.size()) {
        Area a = precedents.get(next);
        SheetModel s = wb.sheet(a.sheet());
        if (s != null) {
          if (col < 0) {
            col = a.firstCol();
            k = -1;
          }
          for (; col <= Math.min(a.lastCol(), s.lastCol()); col++, k = -1) {
            int[] rows = s.computedRows(col);
            if (k < 0) {
              k = lowerBound(rows, a.firstRow());
            }
            for (; k < rows.length && rows[k] <= a.lastRow(); k++) {
              CellModel c = s.get(rows[k], col);
              CellModel target = c.master != null ? c.master : c;
              if (target.state == CellModel.NEW) {
                return target;
              }
              if (target.state == CellModel.IN_PROGRESS) {
                onCycle(target);
                if (resolveEarly(target)) {
                  return null;
                }
              }
            }
          }
        }
        next++;
        col = -1;
      }
      return null;
    }
  }

  /** Evaluates one cell and, first, the formula cells it depends on. */
  void evaluate(CellModel root) {
    int base = stack.size();
    push(root);
    while (stack.size() > base) {
      Frame f = stack.get(stack.size() - 1);
      CellModel p = f.cell.state == CellModel.DONE ? null : f.pending();
      if (p == null) {
        stack.remove(stack.size() - 1);
        f.cell.depth = -1;
        if (f.cell.state != CellModel.DONE) {
          compute(f);
        }
      } else {
        push(p);
      }
    }
  }

  private void push(CellModel c) {
    c.state = CellModel.IN_PROGRESS;
    c.depth = stack.size();
    stack.add(new Frame(c));
  }

  /**
   * Computes a cell. When it read a cell of a cycle (on the stack, or itself depending on a cycle), it is computed
   * again with those cells reading as {@link #CYCLE_PROBE}: a different result means it depends on the cycle.
   */
  private void compute(Frame f) {
    CellModel c = f.cell;
    Value v = reader.evaluateCell(c, f.prepared, false);
    CellModel source = reader.lastCycleSource();
    // An array formula evaluates every branch over its arrays (IF over arrays reads both), so any read counts.
    if (source == null || c.arrayRange == null && same(v, reader.evaluateCell(c, f.prepared, true))) {
      store(c, v);
      explainUnknownFunction(c);
      SheetModel linked = reader.lastExternalSource();
      if (linked != null && wb.note(c) == null) {
        wb.setNote(c, "uses the values of the linked workbook " + linked.external + " as saved in this file (the link"
            + " is not refreshed)" + (c.value instanceof Value.Err e && e.message() != null ? "; " + e.message() : ""));
      }
      return;
    }
    boolean on = cycles.get(c) != null;
    if (!on) {
      cycles.put(c, cycles.get(source));
    }
    wb.setNote(c, (on ? "circular reference: " : "depends on the circular reference ") + cycles.get(c)
        + (wb.calc().iterate() ? "" : "; Excel does not calculate it without iterative calculation and shows the"
        + " value saved in the file"));
    circular.add(c);
    circularFormulas.add(f.prepared);
    c.flags |= CellModel.CIRCULAR;
    c.value = shown(c);
    c.state = CellModel.DONE;
    if (c.arrayRange != null) {
      forMembers(c, m -> {
        m.value = shown(m);
        m.state = CellModel.DONE;
      });
    }
  }

  /**
   * A cycle on paper may not be one when calculating: {@code B1=IF(A1,C1,1)} with A1 FALSE never reads C1, even
   * if C1 is {@code =B1}. So the cell the cycle leads back to (on the stack, its precedents not all done) is
   * tried first, with the cells of the cycle reading as their shown value and then as {@link #CYCLE_PROBE}: when
   * both give the same result it does not use them, and is done; the cells above it then read its real value.
   * Tried once per cell. True when the current frame's cell was resolved that way (its scan ends).
   */
  private boolean resolveEarly(CellModel target) {
    if ((target.flags & CellModel.PROBED) != 0 || target.arrayRange != null) {
      return false;
    }
    target.flags |= CellModel.PROBED;
    Frame t = stack.get(target.depth);
    Value v = reader.evaluateCell(target, t.prepared, false);
    if (reader.lastCycleSource() != null && !same(v, reader.evaluateCell(target, t.prepared, true))) {
      return false;
    }
    store(target, v);
    return stack.get(stack.size() - 1).cell == target;
  }

  /**
   * Names a cycle met while calculating ({@code INDIRECT}, {@code OFFSET} reaching a cell on the stack, or the
   * cell itself): the stack from that cell up, then the cell being calculated.
   */
  void onDynamicCycle(CellModel target, CellModel current) {
    if (cycles.get(target) != null && cycles.get(current) != null) {
      return;
    }
    List<CellModel> cells = new ArrayList<>();
    if (target.depth >= 0) {
      for (int i = target.depth; i < stack.size() && i - target.depth < MAX_CYCLE_TEXT; i++) {
        cells.add(stack.get(i).cell);
      }
    }
    if (!cells.contains(current)) {
      cells.add(current);
    }
    StringBuilder path = new StringBuilder();
    for (CellModel c : cells) {
      path.append(address(c)).append(" -> ");
    }
    String text = path.append(address(target)).toString();
    cycles.putIfAbsent(target, text);
    cycles.putIfAbsent(current, text);
  }

  private static final String UNKNOWN = "unknown function ";

  /**
   * Says why a function the engine does not know is not there when the workbook tells: its own VBA function (a
   * macro-function name in .xls, a VBA project in the file) or a function of an add-in ({@code [1]!HsGetValue}).
   */
  private void explainUnknownFunction(CellModel c) {
    if (wb.note(c) != null || !(c.value instanceof Value.Err e) || e.code() != ExcelError.NAME || e.message() == null
        || !e.message().startsWith(UNKNOWN)) {
      return;
    }
    String fn = e.message().substring(UNKNOWN.length());
    if (fn.startsWith("[")) {
      wb.setNote(c, e.message() + ": a function of an add-in or another workbook, not available outside Excel");
    } else if (wb.isMacroFunction(fn)) {
      wb.setNote(c, e.message() + ": a user-defined (VBA) function of the workbook; xlspark does not run macros");
    }
  }

  /** What a cell of a cycle shows before (or without) iterating: its value saved in the file, else 0. */
  static Value shown(CellModel c) {
    if (c.value != null) {
      return c.value;
    }
    return c.cached != null ? c.cached : Value.ZERO;
  }

  /** Stores a cell's result; an array formula's result is spread over its range. */
  void store(CellModel c, Value v) {
    if (c.arrayRange != null) {
      Value.Arr arr = v instanceof Value.Arr a ? a : new Value.Arr(1, 1, new Value[] {v});
      Area r = c.arrayRange;
      forMembers(c, m -> {
        m.value = result(arr.broadcastGet(m.row - r.firstRow(), m.col - r.firstCol()));
        m.state = CellModel.DONE;
      });
      v = arr.cells()[0];
    }
    c.value = result(v);
    c.state = CellModel.DONE;
  }

  /** The cells of an array formula's range that the file holds (not every position the range claims). */
  private void forMembers(CellModel c, java.util.function.Consumer<CellModel> action) {
    wb.sheet(c.sheet).forEachIn(c.arrayRange, m -> {
      if (m.master == c) {
        action.accept(m);
      }
    });
  }

  /** A cell shows one value: an array's top-left, and 0 for a formula that yields an empty cell. */
  static Value result(Value v) {
    if (v instanceof Value.Arr a) {
      v = a.cells()[0];
    }
    return v instanceof Value.Blank ? Value.ZERO : v;
  }

  /** Two results are the same value (arrays cell by cell, errors with their message). */
  static boolean same(Value a, Value b) {
    if (a instanceof Value.Arr x && b instanceof Value.Arr y) {
      if (x.rows() != y.rows() || x.cols() != y.cols()) {
        return false;
      }
      for (int i = 0; i < x.cells().length; i++) {
        if (!same(x.cells()[i], y.cells()[i])) {
          return false;
        }
      }
      return true;
    }
    return a.equals(b);
  }

  /**
   * Notes the cycle closed by {@code target} (on the stack) from the top frame: every cell from it up to the top
   * is on the cycle, and keeps the first cycle found through it for its message.
   */
  private void onCycle(CellModel target) {
    int start = target.depth;
    StringBuilder path = new StringBuilder();
    int n = stack.size() - start;
    for (int i = start; i < stack.size(); i++) {
      if (i - start == MAX_CYCLE_TEXT && n > MAX_CYCLE_TEXT + 1) {
        path.append("... (").append(n).append(" cells) -> ");
        break;
      }
      path.append(address(stack.get(i).cell)).append(" -> ");
    }
    String text = path.append(address(target)).toString();
    for (int i = start; i < stack.size(); i++) {
      CellModel c = stack.get(i).cell;
      cycles.putIfAbsent(c, text);
    }
  }

  /**
   * The precedent areas of a cell, sheets resolved; names and structured references included. A name or reference
   * that cannot be resolved adds nothing: the cell meets the same problem when it runs, and fails alone with it.
   */
  private List<Area> precedents(CellModel cell, Prepared p) {
    List<Area> out = new ArrayList<>();
    String sheet = wb.sheet(cell.sheet).name();
    for (Slot s : p.template().slots()) {
      try {
        precedent(cell, sheet, s, p, out);
      } catch (RuntimeException e) {
        // left to the cell's own evaluation, inside its catch boundary
      }
    }
    return out;
  }

  private void precedent(CellModel cell, String sheet, Slot s, Prepared p, List<Area> out) {
    if (s instanceof Slot.Ref r) {
      // references taken as references count too: SUBTOTAL and the reference operators read their cells (for
      // ROW(A1) in A1 that is a cycle on paper only, which the evaluator resolves ahead)
      Area a = p.lexed().refs()[r.index()];
      out.add(a.sheet() == null ? a.withSheet(sheet) : a);
    } else if (s instanceof Slot.Name n) {
      reader.nameAreas(n.name(), cell.sheet, out, 0);
    } else if (s instanceof Slot.Structured st) {
      Object a = StructuredRef.resolve(st.text(), wb, sheet, cell.row, cell.col);
      if (a instanceof Area area) {
        out.add(area);
      }
    }
  }

  static int lowerBound(int[] rows, int row) {
    int lo = 0;
    int hi = rows.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (rows[mid] < row) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  String address(CellModel c) {
    return Area.quoteSheet(wb.sheet(c.sheet).name()) + "!" + Area.a1(c.row, c.col);
  }
}

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
 * the sheet's per-column index. A cell met again while on the stack closes a cycle: every cell of the cycle
 * becomes {@code #ERROR!} with the cycle in the message. References known only when running (INDIRECT,
 * OFFSET) evaluate what they reach on demand. A cell that cannot be read or parsed fails alone.
 */
public final class WorkbookEvaluator {
  private static final int MAX_CYCLE_TEXT = 8;

  private final WorkbookModel wb;
  private final FormulaEvaluator engine;
  private final CellReader reader;
  private final List<Frame> stack = new ArrayList<>();

  public WorkbookEvaluator(WorkbookModel wb, FormulaEvaluator engine) {
    this.wb = wb;
    this.engine = engine;
    this.reader = new CellReader(wb, engine, this);
  }

  /** Evaluates every formula cell that is not evaluated yet, sheet by sheet, row by row. */
  public void evaluateAll() {
    for (SheetModel s : wb.sheets()) {
      for (int r = 0; r <= s.lastRow(); r++) {
        for (CellModel c : s.row(r)) {
          if (c != null && c.isFormula() && c.state == CellModel.NEW) {
            evaluate(c);
          }
        }
      }
    }
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

    /** The next precedent formula cell that is not done, or null when all are. */
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
              if (target.state != CellModel.DONE) {
                return target;
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
      CellModel p = f.pending();
      if (p == null) {
        stack.remove(stack.size() - 1);
        f.cell.depth = -1;
        compute(f);
      } else if (p.state == CellModel.IN_PROGRESS) {
        cycle(p.depth, base);
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

  private void compute(Frame f) {
    store(f.cell, reader.evaluateCell(f.cell, f.prepared));
  }

  /** Stores a cell's result; an array formula's result is spread over its range. */
  private void store(CellModel c, Value v) {
    if (c.arrayRange != null) {
      Value.Arr arr = v instanceof Value.Arr a ? a : new Value.Arr(1, 1, new Value[] {v});
      Area r = c.arrayRange;
      SheetModel s = wb.sheet(c.sheet);
      for (int i = r.firstRow(); i <= r.lastRow(); i++) {
        for (int j = r.firstCol(); j <= r.lastCol(); j++) {
          CellModel m = s.get(i, j);
          if (m != null && m.master == c) {
            m.value = result(arr.broadcastGet(i - r.firstRow(), j - r.firstCol()));
            m.state = CellModel.DONE;
          }
        }
      }
      v = arr.cells()[0];
    }
    c.value = result(v);
    c.state = CellModel.DONE;
  }

  /** A cell shows one value: an array's top-left, and 0 for a formula that yields an empty cell. */
  private static Value result(Value v) {
    if (v instanceof Value.Arr a) {
      v = a.cells()[0];
    }
    return v instanceof Value.Blank ? Value.ZERO : v;
  }

  /** Marks the cells on the stack from {@code from} up (a cycle) as #ERROR!, and takes them off. */
  private void cycle(int from, int base) {
    int start = Math.max(from, base);
    StringBuilder path = new StringBuilder(from < base ? "circular reference through INDIRECT/OFFSET: " : "circular reference: ");
    int n = stack.size() - start;
    for (int i = start; i < stack.size(); i++) {
      if (i - start == MAX_CYCLE_TEXT && n > MAX_CYCLE_TEXT + 1) {
        path.append("... (").append(n).append(" cells) -> ");
        break;
      }
      path.append(address(stack.get(i).cell)).append(" -> ");
    }
    path.append(address(stack.get(start).cell));
    Value err = Value.err(ExcelError.ERROR, path.toString());
    while (stack.size() > start) {
      store(stack.remove(stack.size() - 1).cell, err);
    }
  }

  /** The precedent areas of a cell, sheets resolved; names and structured references included. */
  private List<Area> precedents(CellModel cell, Prepared p) {
    List<Area> out = new ArrayList<>();
    String sheet = wb.sheet(cell.sheet).name();
    for (Slot s : p.template().slots()) {
      if (s instanceof Slot.Ref r) {
        if (r.use() != Slot.Use.REFERENCE) {
          Area a = p.lexed().refs()[r.index()];
          out.add(a.sheet() == null ? a.withSheet(sheet) : a);
        }
      } else if (s instanceof Slot.Name n) {
        reader.nameAreas(n.name(), cell.sheet, out, 0);
      } else if (s instanceof Slot.Structured st) {
        Object a = StructuredRef.resolve(st.text(), wb, sheet, cell.row, cell.col);
        if (a instanceof Area area) {
          out.add(area);
        }
      }
    }
    return out;
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

package xlspark.functions.reference;

import static xlspark.functions.ArgKind.ARRAY;
import static xlspark.functions.ArgKind.BOOLEAN;
import static xlspark.functions.ArgKind.REFERENCE;
import static xlspark.functions.ArgKind.TEXT;

import java.util.List;
import xlspark.functions.Args;
import xlspark.functions.FunctionSpec;
import xlspark.functions.WorkbookAccess;
import xlspark.value.Area;
import xlspark.value.Coerce;
import xlspark.value.ExcelError;
import xlspark.value.Value;

/**
 * Functions that take or return references rather than values: ROW, COLUMN, OFFSET, INDIRECT. They need the
 * workbook (workbook mode, {@link WorkbookAccess}); in expression mode there are no references, so they
 * give #VALUE! (ROW, COLUMN, OFFSET) or #REF! (INDIRECT). OFFSET and INDIRECT return a {@code Value.Ref},
 * which whatever consumes it reads as cells.
 */
public final class ReferenceFunctions {
  private ReferenceFunctions() {
  }

  public static List<FunctionSpec> specs() {
    return List.of(
        FunctionSpec.builder("ROW", a -> position(a, true)).optionalArg(REFERENCE).build(),
        FunctionSpec.builder("COLUMN", a -> position(a, false)).optionalArg(REFERENCE).build(),
        FunctionSpec.builder("OFFSET", ReferenceFunctions::offset)
            .args(REFERENCE, ARRAY, ARRAY).optionalArg(ARRAY).optionalArg(ARRAY).volatileFn().build(),
        FunctionSpec.builder("INDIRECT", ReferenceFunctions::indirect)
            .arg(TEXT).optionalArg(BOOLEAN, true).volatileFn().build());
  }

  /** ROW/COLUMN: of the formula's cell without argument; of a reference (an array for an area). */
  static Value position(Args a, boolean row) {
    String fn = row ? "ROW" : "COLUMN";
    if (!a.given(0)) {
      WorkbookAccess wb = a.ctx().workbook();
      if (wb == null) {
        return Value.err(ExcelError.VALUE, fn + "() needs a workbook cell (workbook mode)");
      }
      return Value.num((row ? wb.row() : wb.column()) + 1.0);
    }
    if (!(a.get(0) instanceof Value.Ref r)) {
      return Value.err(ExcelError.VALUE, fn + " needs a reference");
    }
    Area area = r.area();
    if (area.isCell() || (row ? area.rows() == 1 : area.cols() == 1)) {
      return Value.num((row ? area.firstRow() : area.firstCol()) + 1.0);
    }
    int n = row ? Math.min(area.rows(), a.ctx().maxArrayCells()) : Math.min(area.cols(), a.ctx().maxArrayCells());
    Value[] cells = new Value[n];
    for (int i = 0; i < n; i++) {
      cells[i] = Value.num((row ? area.firstRow() : area.firstCol()) + i + 1.0);
    }
    return row ? new Value.Arr(n, 1, cells) : new Value.Arr(1, n, cells);
  }

  /** OFFSET(reference, rows, cols, [height], [width]): the moved (and resized) reference. */
  static Value offset(Args a) {
    if (!(a.get(0) instanceof Value.Ref r)) {
      return Value.err(ExcelError.VALUE, "OFFSET needs a reference");
    }
    Area from = r.area();
    double[] n = new double[4];
    for (int i = 1; i < 5; i++) {
      if (!a.given(i)) {
        n[i - 1] = i == 3 ? from.rows() : i == 4 ? from.cols() : 0;
        continue;
      }
      Value v = Coerce.toNumber(Coerce.scalar(a.get(i)), a.ctx().dates());
      if (v instanceof Value.Err) {
        return v;
      }
      n[i - 1] = Math.floor(((Value.Num) v).v());
    }
    if (n[2] == 0 || n[3] == 0) {
      return Value.err(ExcelError.REF, "OFFSET to an empty area");
    }
    Area moved = from.offset((int) n[0], (int) n[1], (int) Math.abs(n[2]), (int) Math.abs(n[3]));
    if (moved == null || Math.abs(n[0]) > Area.MAX_ROWS || Math.abs(n[1]) > Area.MAX_COLS) {
      return Value.err(ExcelError.REF, "OFFSET leaves the sheet");
    }
    if (n[2] < 0 || n[3] < 0) {
      int h = (int) Math.abs(n[2]);
      int w = (int) Math.abs(n[3]);
      int r1 = n[2] < 0 ? moved.firstRow() - h + 1 : moved.firstRow();
      int c1 = n[3] < 0 ? moved.firstCol() - w + 1 : moved.firstCol();
      if (r1 < 0 || c1 < 0) {
        return Value.err(ExcelError.REF, "OFFSET leaves the sheet");
      }
      moved = new Area(moved.sheet(), r1, c1, r1 + h - 1, c1 + w - 1);
    }
    return new Value.Ref(moved);
  }

  /** INDIRECT(text, [a1]): the reference a text spells (A1 or R1C1 style), a defined name or a table reference. */
  static Value indirect(Args a) {
    WorkbookAccess wb = a.ctx().workbook();
    if (wb == null) {
      return Value.err(ExcelError.REF, "INDIRECT needs a workbook (workbook mode)");
    }
    Area area = wb.resolve(a.text(0), a.bool(1));
    if (area == null) {
      return Value.err(ExcelError.REF, "INDIRECT: \"" + a.text(0) + "\" is not a reference");
    }
    return new Value.Ref(area.sheet() == null ? area.withSheet(wb.sheet()) : area);
  }
}

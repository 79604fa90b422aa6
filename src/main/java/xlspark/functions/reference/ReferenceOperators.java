package xlspark.functions.reference;

import static xlspark.functions.ArgKind.NUMBER;
import static xlspark.functions.ArgKind.REFERENCE;

import java.util.ArrayList;
import java.util.List;
import xlspark.formula.Names;
import xlspark.functions.Args;
import xlspark.functions.ErrorPolicy;
import xlspark.functions.FunctionSpec;
import xlspark.functions.WorkbookAccess;
import xlspark.functions.lookup.LookupFunctions;
import xlspark.value.Area;
import xlspark.value.ExcelError;
import xlspark.value.Value;

/**
 * Excel's reference operators where the lexer cannot fold them into one written area (workbook mode): the range
 * operator between references that are computed ({@code A1:INDEX(B:B,3)}, {@code OFFSET(A1,1,1):C9}), the
 * intersection (a space: {@code B:B 3:3}) and the union (a comma inside parentheses: {@code SUM((A1:A3,C1))}).
 * Internal functions of the translator, not in the registry: no formula can call them by name.
 */
public final class ReferenceOperators {
  private ReferenceOperators() {
  }

  /** The specs under the translator's internal names for range, intersection, union and INDEX's reference form. */
  public static List<FunctionSpec> specs(String range, String intersect, String union, String indexReference,
                                         String spill) {
    return List.of(
        FunctionSpec.builder(range, ReferenceOperators::range).args(REFERENCE, REFERENCE).build(),
        FunctionSpec.builder(intersect, ReferenceOperators::intersect).args(REFERENCE, REFERENCE).build(),
        FunctionSpec.builder(union, ReferenceOperators::union).args(REFERENCE, REFERENCE)
            .errorPolicy(ErrorPolicy.INSPECTS_ERRORS).build(),
        FunctionSpec.builder(indexReference, ReferenceOperators::indexReference).args(REFERENCE, NUMBER)
            .optionalArg(NUMBER).build(),
        FunctionSpec.builder(spill, ReferenceOperators::spill).arg(REFERENCE).build());
  }

  /** {@code A1#}: the range the array formula anchored at A1 fills; #REF! when A1 holds no formula. */
  static Value spill(Args a) {
    WorkbookAccess wb = a.ctx().workbook();
    if (!(a.get(0) instanceof Value.Ref r) || wb == null) {
      return Value.err(ExcelError.VALUE, "a spilled range (A1#) needs a reference to a cell");
    }
    Area range = wb.spillRange(r.area());
    return range == null ? Value.err(ExcelError.REF, "no formula spills from " + r.area()) : new Value.Ref(range);
  }

  /** The smallest area holding both references (on one sheet). */
  static Value range(Args a) {
    Area[] r = areas(a);
    if (r == null) {
      return Value.err(ExcelError.VALUE, "the range operator ':' needs a reference on each side");
    }
    if (!sameSheet(r[0], r[1])) {
      return Value.err(ExcelError.VALUE, "the range operator ':' joins references on different sheets");
    }
    return new Value.Ref(new Area(r[0].sheet(), Math.min(r[0].firstRow(), r[1].firstRow()),
        Math.min(r[0].firstCol(), r[1].firstCol()), Math.max(r[0].lastRow(), r[1].lastRow()),
        Math.max(r[0].lastCol(), r[1].lastCol())));
  }

  /** The cells both references cover; #NULL! when there are none. */
  static Value intersect(Args a) {
    Area[] r = areas(a);
    if (r == null) {
      return Value.err(ExcelError.VALUE, "the intersection operator (a space) needs a reference on each side");
    }
    int r1 = Math.max(r[0].firstRow(), r[1].firstRow());
    int c1 = Math.max(r[0].firstCol(), r[1].firstCol());
    int r2 = Math.min(r[0].lastRow(), r[1].lastRow());
    int c2 = Math.min(r[0].lastCol(), r[1].lastCol());
    if (!sameSheet(r[0], r[1]) || r1 > r2 || c1 > c2) {
      return Value.err(ExcelError.NULL, "the references " + r[0] + " and " + r[1] + " do not intersect");
    }
    return new Value.Ref(new Area(r[0].sheet(), r1, c1, r2, c2));
  }

  /**
   * The values of both references, one after the other in one row: what aggregates (SUM, COUNT, MAX...) read
   * from a union. A union is not kept as a reference (AREAS, INDEX's area number do not see its parts).
   */
  static Value union(Args a) {
    List<Value> cells = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      Value v = a.get(i);
      if (v instanceof Value.Ref ref) {
        WorkbookAccess wb = a.ctx().workbook();
        v = wb == null ? Value.err(ExcelError.VALUE, "references need workbook mode") : wb.read(ref.area(), false);
      }
      if (v instanceof Value.Err) {
        return v;
      }
      if (v instanceof Value.Arr arr) {
        a.ctx().spend(arr.size());
        cells.addAll(List.of(arr.cells()));
      } else {
        return Value.err(ExcelError.VALUE, "the union operator ',' needs a reference on each side");
      }
    }
    return new Value.Arr(1, cells.size(), cells.toArray(new Value[0]));
  }

  /** INDEX(reference, row, [column]) as a reference: the cell, row or column it picks (0 picks them all). */
  static Value indexReference(Args a) {
    if (!(a.get(0) instanceof Value.Ref ref)) {
      return Value.err(ExcelError.VALUE, "INDEX needs a reference before ':'");
    }
    Area area = ref.area();
    Object at = LookupFunctions.indexPosition(a, area.rows(), area.cols());
    if (!(at instanceof int[] rc)) {
      return (Value) at;
    }
    int r = rc[0];
    int c = rc[1];
    int r1 = r == 0 ? area.firstRow() : area.firstRow() + r - 1;
    int r2 = r == 0 ? area.lastRow() : r1;
    int c1 = c == 0 ? area.firstCol() : area.firstCol() + c - 1;
    int c2 = c == 0 ? area.lastCol() : c1;
    return new Value.Ref(new Area(area.sheet(), r1, c1, r2, c2));
  }

  private static Area[] areas(Args a) {
    if (a.get(0) instanceof Value.Ref x && a.get(1) instanceof Value.Ref y) {
      return new Area[] {x.area(), y.area()};
    }
    return null;
  }

  private static boolean sameSheet(Area x, Area y) {
    return x.sheet() == null ? y.sheet() == null : y.sheet() != null && Names.same(x.sheet(), y.sheet());
  }
}

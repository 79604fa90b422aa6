package xlspark.functions.lookup;

import static xlspark.functions.ArgKind.NUMBER;
import static xlspark.functions.ArgKind.REFERENCE;

import java.util.List;
import xlspark.functions.Args;
import xlspark.functions.FunctionSpec;
import xlspark.value.Area;
import xlspark.value.ExcelError;
import xlspark.value.Value;
import xlspark.value.Value.Arr;
import xlspark.value.Value.Blank;
import xlspark.value.Value.Err;
import xlspark.value.Value.Ref;

/**
 * TRIMRANGE(range, [trim_rows=3], [trim_cols=3]): the range without its blank outer rows and columns (0 none, 1
 * leading, 2 trailing, 3 both). A reference gives a reference (workbook mode), an array an array. Only empty cells
 * are blank (a formula's "" is not). A range with nothing but blanks leaves its top-left cell.
 */
final class TrimRange {
  private TrimRange() {
  }

  static List<FunctionSpec> specs() {
    return List.of(FunctionSpec.builder("TRIMRANGE", TrimRange::trim).arg(REFERENCE).skippableArg(NUMBER, 3)
        .skippableArg(NUMBER, 3).build());
  }

  private static Value trim(Args a) {
    int rowMode = (int) a.num(1);
    int colMode = (int) a.num(2);
    if (rowMode < 0 || rowMode > 3 || colMode < 0 || colMode > 3) {
      return Value.err(ExcelError.VALUE, "trim_rows and trim_cols are 0, 1, 2 or 3");
    }
    Value v = a.get(0);
    Area area = v instanceof Ref r ? r.area() : null;
    if (area != null) {
      v = a.ctx().read((Ref) v, false);
    }
    if (v instanceof Err) {
      return v;
    }
    Arr arr = v instanceof Arr x ? x : new Arr(1, 1, new Value[] {v});
    int top = 0;
    int bottom = arr.rows() - 1;
    int left = 0;
    int right = arr.cols() - 1;
    a.ctx().spend(arr.size());
    if ((rowMode & 1) != 0) {
      while (top < bottom && blankRow(arr, top)) {
        top++;
      }
    }
    if ((rowMode & 2) != 0) {
      while (bottom > top && blankRow(arr, bottom)) {
        bottom--;
      }
    }
    if ((colMode & 1) != 0) {
      while (left < right && blankCol(arr, left, top, bottom)) {
        left++;
      }
    }
    if ((colMode & 2) != 0) {
      while (right > left && blankCol(arr, right, top, bottom)) {
        right--;
      }
    }
    if (area != null) {
      return new Ref(new Area(area.sheet(), area.firstRow() + top, area.firstCol() + left,
          area.firstRow() + bottom, area.firstCol() + right));
    }
    Value[] cells = new Value[(bottom - top + 1) * (right - left + 1)];
    int k = 0;
    for (int r = top; r <= bottom; r++) {
      for (int c = left; c <= right; c++) {
        cells[k++] = arr.get(r, c);
      }
    }
    return new Arr(bottom - top + 1, right - left + 1, cells);
  }

  private static boolean blankRow(Arr a, int r) {
    for (int c = 0; c < a.cols(); c++) {
      if (!(a.get(r, c) instanceof Blank)) {
        return false;
      }
    }
    return true;
  }

  private static boolean blankCol(Arr a, int c, int top, int bottom) {
    for (int r = top; r <= bottom; r++) {
      if (!(a.get(r, c) instanceof Blank)) {
        return false;
      }
    }
    return true;
  }
}

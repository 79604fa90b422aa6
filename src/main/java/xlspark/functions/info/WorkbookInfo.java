package xlspark.functions.info;

import static xlspark.functions.ArgKind.REFERENCE;

import java.util.List;
import xlspark.functions.Args;
import xlspark.functions.FunctionSpec;
import xlspark.functions.WorkbookAccess;
import xlspark.value.ExcelError;
import xlspark.value.Value;
import xlspark.value.Value.Ref;
import xlspark.value.Value.Text;

/**
 * What a formula can ask about the workbook itself: SHEET, SHEETS, ISFORMULA, FORMULATEXT, AREAS. In workbook
 * mode they answer from the workbook. In expression mode an expression is one formula on one sheet with no
 * references: SHEET() and SHEETS() are 1, a sheet name is #N/A, and the functions that need a reference
 * (ISFORMULA, FORMULATEXT, AREAS) give #VALUE! for a value, as Excel does for an argument that is no reference.
 */
public final class WorkbookInfo {
  private WorkbookInfo() {
  }

  public static List<FunctionSpec> specs() {
    return List.of(
        FunctionSpec.builder("SHEET", WorkbookInfo::sheet).optionalArg(REFERENCE).build(),
        FunctionSpec.builder("SHEETS", WorkbookInfo::sheets).optionalArg(REFERENCE).build(),
        FunctionSpec.builder("ISFORMULA", a -> withReference(a, "ISFORMULA",
            r -> Value.bool(formula(a, r) != null))).arg(REFERENCE).build(),
        FunctionSpec.builder("FORMULATEXT", a -> withReference(a, "FORMULATEXT", r -> {
          String f = formula(a, r);
          return f == null ? Value.err(ExcelError.NA, "the cell holds no formula") : Value.text(f);
        })).arg(REFERENCE).build(),
        FunctionSpec.builder("AREAS", a -> withReference(a, "AREAS", r -> Value.ONE)).arg(REFERENCE).build());
  }

  private interface RefBody {
    Value apply(Ref r);
  }

  private static Value withReference(Args a, String name, RefBody body) {
    return a.get(0) instanceof Ref r ? body.apply(r)
        : Value.err(ExcelError.VALUE, name + " needs a reference (workbook mode)");
  }

  private static String formula(Args a, Ref r) {
    WorkbookAccess wb = a.ctx().workbook();
    return wb == null ? null : wb.formulaText(r.area());
  }

  /** SHEET([value]): the sheet number of the formula, of a reference, or of a sheet named by text. */
  private static Value sheet(Args a) {
    WorkbookAccess wb = a.ctx().workbook();
    if (!a.given(0)) {
      return Value.num(wb == null ? 1 : wb.sheetNumber(wb.sheet()));
    }
    Value v = a.get(0);
    String name = v instanceof Ref r ? (wb == null ? null : wb.sheetOf(r.area())) : v instanceof Text t ? t.s() : null;
    int n = name == null || wb == null ? 0 : wb.sheetNumber(name);
    return n == 0 ? Value.err(ExcelError.NA, "no such sheet") : Value.num(n);
  }

  /** SHEETS([reference]): the sheets in the workbook, or in a reference (one: 3-D references are not read). */
  private static Value sheets(Args a) {
    if (!a.given(0)) {
      WorkbookAccess wb = a.ctx().workbook();
      return Value.num(wb == null ? 1 : wb.sheetCount());
    }
    return a.get(0) instanceof Ref ? Value.ONE : Value.err(ExcelError.REF, "SHEETS needs a reference");
  }
}

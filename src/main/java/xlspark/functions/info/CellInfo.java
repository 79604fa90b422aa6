package xlspark.functions.info;

import static xlspark.functions.ArgKind.REFERENCE;
import static xlspark.functions.ArgKind.TEXT;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import xlspark.formula.Names;
import xlspark.functions.Args;
import xlspark.functions.FunctionSpec;
import xlspark.functions.WorkbookAccess;
import xlspark.value.Area;
import xlspark.value.Coerce;
import xlspark.value.ExcelError;
import xlspark.value.Value;
import xlspark.value.Value.Blank;
import xlspark.value.Value.Ref;
import xlspark.value.Value.Text;

/**
 * CELL(info_type, [reference]) and INFO(type_text). CELL answers from the workbook in workbook mode: the
 * reference's top-left cell's address, row, column, contents and type, and the file's name; without a reference,
 * the formula's own cell. The file model keeps no cell formats, so the format questions (format, color,
 * parentheses, prefix, protect, width) answer for a cell of Excel's default style. Info types are read in English
 * and in the French, German and Spanish spellings that localized Excel writes into files (an English Excel opening
 * such a file computes {@code CELL("adresse",A1)} as the address, as the cached values of excel-truth show).
 * Expression mode has no cell: the position questions are #VALUE! as ROW() is there, "filename" is "" (Excel's
 * answer for a workbook never saved), the format questions answer for a default cell. INFO answers fixed values
 * and discloses nothing of the machine (no folder, no OS version).
 */
public final class CellInfo {
  private CellInfo() {
  }

  private enum Kind { ADDRESS, COL, COLOR, CONTENTS, FILENAME, FORMAT, PARENTHESES, PREFIX, PROTECT, ROW, TYPE, WIDTH }

  private static final Map<String, Kind> KINDS = new HashMap<>();

  static {
    names(Kind.ADDRESS, "address", "adresse", "direccion", "dirección");
    names(Kind.COL, "col", "colonne", "spalte", "columna");
    names(Kind.COLOR, "color", "couleur", "farbe");
    names(Kind.CONTENTS, "contents", "contenu", "inhalt", "contenido");
    names(Kind.FILENAME, "filename", "nomfichier", "dateiname", "nombrearchivo");
    names(Kind.FORMAT, "format", "formato");
    names(Kind.PARENTHESES, "parentheses", "parentheses", "klammern", "parentesis", "paréntesis");
    names(Kind.PREFIX, "prefix", "prefixe", "préfixe", "präfix", "praefix", "prefijo");
    names(Kind.PROTECT, "protect", "protege", "protégé", "schutz", "proteger");
    names(Kind.ROW, "row", "ligne", "zeile", "fila");
    names(Kind.TYPE, "type", "typ", "tipo");
    names(Kind.WIDTH, "width", "largeur", "breite", "ancho");
  }

  private static void names(Kind k, String... spellings) {
    for (String s : spellings) {
      KINDS.put(s, k);
    }
  }

  public static List<FunctionSpec> specs() {
    return List.of(
        FunctionSpec.builder("CELL", CellInfo::cell).arg(TEXT).optionalArg(REFERENCE).build(),
        FunctionSpec.builder("INFO", CellInfo::info).arg(TEXT).build());
  }

  static Value cell(Args a) {
    Kind kind = KINDS.get(a.text(0).trim().toLowerCase(Locale.ROOT));
    if (kind == null) {
      return Value.err(ExcelError.VALUE, "CELL: unknown info_type \"" + a.text(0) + "\"");
    }
    WorkbookAccess wb = a.ctx().workbook();
    Area area;
    if (a.given(1)) {
      if (!(a.get(1) instanceof Ref r)) {
        return Value.err(ExcelError.VALUE, "CELL needs a reference as its second argument (workbook mode)");
      }
      area = Area.cell(r.area().sheet(), r.area().firstRow(), r.area().firstCol());
    } else {
      area = wb == null ? null : Area.cell(null, wb.row(), wb.column());
    }
    switch (kind) {
      case COLOR:
      case PARENTHESES:
        return Value.ZERO;
      case FORMAT:
        return Value.text("G");
      case PROTECT:
        return Value.ONE;
      case WIDTH:
        // Excel 365 answers the column width (rounded) and whether it is the sheet's default.
        return new Value.Arr(1, 2, new Value[] {Value.num(8), Value.TRUE});
      case FILENAME:
        return wb == null || wb.bookName() == null ? Value.text("")
            : Coerce.text("[" + fileOnly(wb.bookName()) + "]" + wb.sheetOf(area == null ? Area.cell(null, 0, 0) : area));
      default:
        break;
    }
    if (area == null || wb == null) {
      return Value.err(ExcelError.VALUE, "CELL(\"" + a.text(0) + "\") needs a workbook cell (workbook mode)");
    }
    switch (kind) {
      case ADDRESS:
        return Value.text(address(wb, area));
      case ROW:
        return Value.num(area.firstRow() + 1.0);
      case COL:
        return Value.num(area.firstCol() + 1.0);
      case CONTENTS: {
        if (!a.given(1)) {
          return Value.ZERO;
        }
        Value v = wb.read(area, true);
        return v instanceof Blank ? Value.ZERO : v;
      }
      case TYPE: {
        if (!a.given(1)) {
          return Value.text("v");
        }
        Value v = wb.read(area, true);
        return Value.text(v instanceof Blank ? "b" : v instanceof Text ? "l" : "v");
      }
      case PREFIX: {
        if (!a.given(1)) {
          return Value.text("");
        }
        // General alignment: text shows left-aligned, which Excel reports as the label prefix '.
        return Value.text(wb.read(area, true) instanceof Text ? "'" : "");
      }
      default:
        throw new IllegalStateException(kind.name());
    }
  }

  /** {@code $A$1}, or {@code [Book.xlsx]Sheet2!$A$1} for a cell of another sheet, as Excel writes it. */
  private static String address(WorkbookAccess wb, Area area) {
    String cell = "$" + Area.columnName(area.firstCol()) + "$" + (area.firstRow() + 1);
    String sheet = wb.sheetOf(area);
    if (sheet == null || Names.same(sheet, wb.sheet())) {
      return cell;
    }
    String book = wb.bookName() == null ? "" : "[" + fileOnly(wb.bookName()) + "]";
    String qualified = book + sheet;
    boolean plain = qualified.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '_' || c == '.'
        || c == '[' || c == ']');
    return (plain ? qualified : "'" + qualified.replace("'", "''") + "'") + "!" + cell;
  }

  /** The file's own name, without the folders it was read from (the machine's folders are not disclosed). */
  private static String fileOnly(String name) {
    int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
    return name.substring(slash + 1);
  }

  /**
   * INFO: "numfile" the sheets of the workbook (1 in expression mode), "origin" {@code $A:$A$1}, "recalc"
   * Automatic, "release" 16.0, "system" pcdos, "osversion" a fixed text; "directory" and the memory figures
   * Excel dropped in 2007 are #N/A (the machine's folders are not disclosed).
   */
  static Value info(Args a) {
    String t = a.text(0).trim().toLowerCase(Locale.ROOT);
    switch (t) {
      case "numfile": {
        WorkbookAccess wb = a.ctx().workbook();
        return Value.num(wb == null ? 1 : wb.sheetCount());
      }
      case "origin":
        return Value.text("$A:$A$1");
      case "osversion":
        return Value.text("xlspark");
      case "recalc":
        return Value.text("Automatic");
      case "release":
        return Value.text("16.0");
      case "system":
        return Value.text("pcdos");
      case "directory":
        return Value.err(ExcelError.NA, "INFO(\"directory\"): the machine's folders are not disclosed");
      case "memavail":
      case "memused":
      case "totmem":
        return Value.err(ExcelError.NA, "INFO(\"" + t + "\") is no longer answered (as in Excel 2007 and later)");
      default:
        return Value.err(ExcelError.VALUE, "INFO: unknown type_text \"" + a.text(0) + "\"");
    }
  }
}

package xlspark.workbook;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;
import xlspark.formula.FormulaShifter;
import xlspark.formula.FormulaSyntaxException;
import xlspark.value.Area;
import xlspark.value.ExcelError;
import xlspark.value.Value;

/**
 * SAX handler for one worksheet part of an .xlsx file: streams {@code <c>} elements into a {@link SheetModel}
 * (constants, formulas with their cached results), expanding shared formulas and marking array formulas.
 * Memory is the model's, not a DOM's.
 */
final class SheetXmlHandler extends DefaultHandler {
  private record Shared(String formula, int row, int col) {
  }

  private final SheetModel sheet;
  private final List<String> strings;
  private final Map<String, Shared> shared = new HashMap<>();
  private final List<CellModel> arrayMasters = new ArrayList<>();
  private final StringBuilder text = new StringBuilder();
  private boolean capture;
  private int row = -1;
  private int col = -1;
  private String type;
  private String formula;
  private String formulaType;
  private String formulaRef;
  private String sharedIndex;
  private String v;
  private String inline;
  private boolean inInline;

  SheetXmlHandler(SheetModel sheet, List<String> strings) {
    this.sheet = sheet;
    this.strings = strings;
  }

  @Override
  public void startElement(String uri, String localName, String qName, Attributes a) {
    switch (localName) {
      case "row" -> {
        String r = a.getValue("r");
        row = r != null ? Integer.parseInt(r) - 1 : row + 1;
        col = -1;
      }
      case "c" -> {
        String r = a.getValue("r");
        if (r != null) {
          long rc = parseCell(r);
          row = (int) (rc >> 20);
          col = (int) (rc & 0xFFFFF);
        } else {
          col++;
        }
        type = a.getValue("t");
        formula = null;
        formulaType = null;
        formulaRef = null;
        sharedIndex = null;
        v = null;
        inline = null;
      }
      case "f" -> {
        formulaType = a.getValue("t");
        formulaRef = a.getValue("ref");
        sharedIndex = a.getValue("si");
        startText();
      }
      case "v" -> startText();
      case "is" -> {
        inInline = true;
        inline = "";
      }
      case "t" -> {
        if (inInline) {
          startText();
        }
      }
      default -> {
      }
    }
  }

  @Override
  public void endElement(String uri, String localName, String qName) {
    switch (localName) {
      case "f" -> formula = endText();
      case "v" -> v = endText();
      case "t" -> {
        if (inInline && capture) {
          inline += endText();
        }
      }
      case "is" -> inInline = false;
      case "c" -> cell();
      default -> {
      }
    }
  }

  @Override
  public void characters(char[] ch, int start, int length) {
    if (capture) {
      text.append(ch, start, length);
    }
  }

  @Override
  public void endDocument() {
    for (CellModel m : arrayMasters) {
      Area a = m.arrayRange;
      for (int r = a.firstRow(); r <= a.lastRow(); r++) {
        for (int c = a.firstCol(); c <= a.lastCol(); c++) {
          if (r != m.row || c != m.col) {
            CellModel member = sheet.cell(r, c);
            if (member.formula == null) {
              member.master = m;
            }
          }
        }
      }
    }
  }

  private void startText() {
    text.setLength(0);
    capture = true;
  }

  private String endText() {
    capture = false;
    return text.toString();
  }

  private void cell() {
    Value value = value();
    boolean hasFormula = formulaType != null || formula != null && !formula.isEmpty();
    if (!hasFormula) {
      if (value != null) {
        sheet.cell(row, col).value = value;
      }
      return;
    }
    CellModel c = sheet.cell(row, col);
    c.cached = value;
    String t = formulaType == null ? "normal" : formulaType;
    switch (t) {
      case "shared" -> sharedFormula(c);
      case "array" -> {
        c.formula = formula;
        Area a = formulaRef == null ? null : WorkbookText.area(formulaRef);
        if (a != null && !a.isCell()) {
          c.arrayRange = a;
          arrayMasters.add(c);
        }
      }
      case "dataTable" -> c.readError = "data tables (what-if analysis) are not supported";
      default -> c.formula = formula;
    }
    if (c.formula != null && c.formula.isEmpty()) {
      c.formula = null;
      c.readError = "empty formula";
    }
  }

  private void sharedFormula(CellModel c) {
    if (formula != null && !formula.isEmpty()) {
      c.formula = formula;
      if (sharedIndex != null) {
        shared.put(sharedIndex, new Shared(formula, row, col));
      }
      return;
    }
    Shared s = sharedIndex == null ? null : shared.get(sharedIndex);
    if (s == null) {
      c.readError = "shared formula " + sharedIndex + " not found";
      return;
    }
    try {
      c.formula = FormulaShifter.shift(s.formula, row - s.row, col - s.col);
    } catch (FormulaSyntaxException e) {
      c.readError = "cannot expand the shared formula " + s.formula + ": " + e.getMessage();
    }
  }

  private Value value() {
    String t = type == null ? "n" : type;
    switch (t) {
      case "s" -> {
        if (v == null || v.isEmpty()) {
          return null;
        }
        int i = Integer.parseInt(v.trim());
        try {
          return Value.text(strings.get(i));
        } catch (RuntimeException e) {
          return Value.err(ExcelError.REF, "shared string " + i + " missing");
        }
      }
      case "inlineStr" -> {
        return inline == null ? null : Value.text(OoxmlText.decode(inline));
      }
      case "str" -> {
        return v == null ? (formula != null || formulaType != null ? null : Value.text("")) : Value.text(v);
      }
      case "b" -> {
        return v == null ? null : Value.bool(v.trim().equals("1") || v.trim().equalsIgnoreCase("true"));
      }
      case "e" -> {
        return v == null ? null : error(v.trim());
      }
      default -> {
        if (v == null || v.isBlank()) {
          return null;
        }
        try {
          return Value.num(Double.parseDouble(v.trim()));
        } catch (NumberFormatException e) {
          return Value.text(v);
        }
      }
    }
  }

  /** An error as saved; errors newer than the engine's (#SPILL!, #CALC!) keep their text in the message. */
  static Value error(String text) {
    ExcelError e = ExcelError.fromText(text);
    return e != null ? Value.err(e) : Value.err(ExcelError.ERROR, text);
  }

  /** "B12" to (row 11) << 20 | (col 1). */
  static long parseCell(String ref) {
    int col = 0;
    int i = 0;
    while (i < ref.length() && Character.isLetter(ref.charAt(i))) {
      col = col * 26 + (Character.toUpperCase(ref.charAt(i)) - 'A' + 1);
      i++;
    }
    int row = Integer.parseInt(ref.substring(i));
    return ((long) (row - 1) << 20) | (col - 1);
  }
}

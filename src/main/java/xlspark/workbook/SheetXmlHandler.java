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
 * Memory is the model's, not a DOM's, and follows what the file holds: a position outside Excel's grid is an
 * error for that cell (a formula there is reported, not placed), an array formula's range links the cells the
 * file has in it (not every position it claims), text is counted against the workbook's {@link ReadBudget} as
 * it arrives, and runs of text are joined in linear time.
 */
final class SheetXmlHandler extends DefaultHandler {
  private record Shared(String formula, int row, int col) {
  }

  private final SheetModel sheet;
  private final List<String> strings;
  private final Map<String, Shared> shared = new HashMap<>();
  private final List<CellModel> arrayMasters = new ArrayList<>();
  private final StringBuilder text = new StringBuilder();
  private final StringBuilder inline = new StringBuilder();
  private final List<String> warnings;
  private final ReadBudget budget;
  private boolean capture;
  private long row = -1;
  private long col = -1;
  /** The position as the file spells it when it is outside the grid (or unreadable), else null. */
  private String badRef;
  private long outsideConstants;
  /** Positions ({@code row << 14 | col}) held without a value after an array formula was seen: its members. */
  private long[] empty = new long[0];
  private int emptyCount;
  private String firstOutside;
  private String type;
  private String formula;
  private String formulaType;
  private String formulaRef;
  private String sharedIndex;
  private String v;
  private boolean hasInline;
  private boolean inInline;

  SheetXmlHandler(SheetModel sheet, List<String> strings, List<String> warnings, ReadBudget budget) {
    this.sheet = sheet;
    this.strings = strings;
    this.warnings = warnings;
    this.budget = budget;
  }

  /** The range of the sheet's AutoFilter until one of its columns shows a criterion. */
  private Area autoFilter;

  @Override
  public void startElement(String uri, String localName, String qName, Attributes a) {
    switch (localName) {
      case "row" -> {
        String r = a.getValue("r");
        row = r != null ? number(r) - 1 : row + 1;
        col = -1;
        String hidden = a.getValue("hidden");
        if (("1".equals(hidden) || "true".equalsIgnoreCase(hidden)) && row >= 0 && row < Area.MAX_ROWS) {
          sheet.hideRow((int) row);
        }
      }
      case "autoFilter" -> autoFilter = WorkbookText.area(a.getValue("ref"));
      case "filterColumn" -> {
        // an AutoFilter filters only with a criterion; without one, hidden rows in its range are hidden by hand
        sheet.addFilter(autoFilter);
        autoFilter = null;
      }
      case "c" -> {
        String r = a.getValue("r");
        badRef = null;
        if (r != null) {
          long rc = parseCell(r);
          if (rc < 0) {
            badRef = r;
          } else {
            row = rc >> 20;
            col = rc & 0xFFFFF;
          }
        } else {
          col++;
        }
        if (badRef == null && !SheetModel.inGrid(row, col)) {
          badRef = row < 0 ? "column " + (col + 1) + " of an unnumbered row" : "row " + (row + 1) + ", column " + (col + 1);
        }
        type = a.getValue("t");
        formula = null;
        formulaType = null;
        formulaRef = null;
        sharedIndex = null;
        v = null;
        hasInline = false;
        budget.release(inline.length());
        inline.setLength(0);
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
        hasInline = true;
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
          budget.chars(text.length());
          inline.append(text);
          capture = false;
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
      // Counted as it arrives (one huge value cannot grow unseen), released when the buffer is reused.
      budget.chars(length);
      text.append(ch, start, length);
    }
  }

  @Override
  public void endDocument() {
    sheet.linkArrayMembers(arrayMasters, empty, emptyCount);
    if (outsideConstants > 0) {
      warnings.add("sheet " + sheet.name() + ": " + outsideConstants + " value cell" + (outsideConstants > 1 ? "s" : "")
          + " outside Excel's grid skipped (first: " + firstOutside + ")");
    }
  }

  private void startText() {
    budget.release(text.length());
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
    if (badRef != null) {
      if (hasFormula) {
        sheet.outside(badRef, formula == null ? "" : formula);
      } else if (value != null && outsideConstants++ == 0) {
        firstOutside = badRef;
      }
      return;
    }
    if (formula != null) {
      budget.string(formula.length());
    }
    if (!hasFormula) {
      if (value != null) {
        sheet.cell((int) row, (int) col).value = value;
      } else if (!arrayMasters.isEmpty()) {
        budget.position();
        if (emptyCount == empty.length) {
          empty = java.util.Arrays.copyOf(empty, Math.max(16, emptyCount * 2));
        }
        empty[emptyCount++] = row << 14 | col;
      }
      return;
    }
    CellModel c = sheet.cell((int) row, (int) col);
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
        shared.put(sharedIndex, new Shared(formula, (int) row, (int) col));
      }
      return;
    }
    Shared s = sharedIndex == null ? null : shared.get(sharedIndex);
    if (s == null) {
      c.readError = "shared formula " + sharedIndex + " not found";
      return;
    }
    try {
      c.formula = FormulaShifter.shift(s.formula, (int) row - s.row, (int) col - s.col);
      budget.string(c.formula.length());
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
        long i = number(v.trim());
        return i >= 0 && i < strings.size() ? Value.text(strings.get((int) i))
            : Value.err(ExcelError.REF, "shared string " + v.trim() + " missing");
      }
      case "inlineStr" -> {
        if (!hasInline) {
          return null;
        }
        budget.string(inline.length());
        return Value.text(OoxmlText.decode(inline.toString()));
      }
      case "str" -> {
        if (v != null) {
          budget.string(v.length());
        }
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

  /**
   * "B12" to (row 11) << 20 | (col 1); -1 for a reference that is not a cell inside Excel's grid (bad letters or
   * digits, column past XFD, row 0 or past 1,048,576): the file does not decide how much is allocated.
   */
  static long parseCell(String ref) {
    long col = 0;
    int i = 0;
    for (; i < ref.length() && i < 3 && (ref.charAt(i) | 0x20) >= 'a' && (ref.charAt(i) | 0x20) <= 'z'; i++) {
      col = col * 26 + ((ref.charAt(i) | 0x20) - 'a' + 1);
    }
    long row = i == 0 ? -1 : number(ref.substring(i));
    if (!SheetModel.inGrid(row - 1, col - 1)) {
      return -1;
    }
    return (row - 1) << 20 | (col - 1);
  }

  /** A non-negative decimal number of up to 12 digits, or -1 for anything else (no exception on file input). */
  static long number(String s) {
    if (s.isEmpty() || s.length() > 12) {
      return -1;
    }
    long n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      n = n * 10 + (c - '0');
    }
    return n;
  }
}

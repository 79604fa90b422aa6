package xlspark.workbook;

import java.util.ArrayList;
import java.util.List;
import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;
import xlspark.value.Area;
import xlspark.value.Value;

/**
 * One {@code xl/externalLinks/externalLinkN.xml} part of an .xlsx file: the sheets of a linked workbook with the
 * values Excel last read from them ({@code sheetDataSet}), and its defined names. Formulas write the workbook as
 * {@code [N]} ({@code [1]Sheet1!A1}, {@code [1]!Name}, {@code [1]Sheet1!Name}); its sheets become external sheets
 * of the model named that way ({@code [1]Sheet1}), and {@code [1]} itself holds its workbook-scope names.
 */
final class ExternalLinkHandler extends DefaultHandler {
  private final WorkbookModel model;
  private final String prefix;
  private final String book;
  private final List<SheetModel> sheets = new ArrayList<>();
  private final List<String[]> names = new ArrayList<>();
  private final StringBuilder text = new StringBuilder();
  private SheetModel sheet;
  private int row = -1;
  private int col = -1;
  private String type;
  private String v;
  private boolean capture;

  /** {@code n}: the link's number in formulas; {@code book}: where it points, for messages. */
  ExternalLinkHandler(WorkbookModel model, int n, String book) {
    this.model = model;
    this.prefix = "[" + n + "]";
    this.book = book;
  }

  @Override
  public void startElement(String uri, String localName, String qName, Attributes a) {
    switch (localName) {
      case "sheetName" -> sheets.add(model.addExternalSheet(prefix + a.getValue("val"), book));
      case "definedName" -> names.add(new String[] {a.getValue("name"), a.getValue("refersTo"), a.getValue("sheetId")});
      case "sheetData" -> {
        int id = index(a.getValue("sheetId"));
        sheet = id >= 0 && id < sheets.size() ? sheets.get(id) : null;
      }
      case "row" -> {
        String r = a.getValue("r");
        row = r != null ? index(r) - 1 : row + 1;
        col = -1;
      }
      case "cell" -> {
        String r = a.getValue("r");
        if (r != null) {
          long rc = SheetXmlHandler.parseCell(r);
          row = (int) (rc >> 20);
          col = (int) (rc & 0xFFFFF);
        } else {
          col++;
        }
        type = a.getValue("t");
        v = null;
      }
      case "v" -> {
        text.setLength(0);
        capture = true;
      }
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
  public void endElement(String uri, String localName, String qName) {
    switch (localName) {
      case "v" -> {
        v = text.toString();
        capture = false;
      }
      case "cell" -> {
        Value value = value();
        if (sheet != null && value != null && row >= 0 && col >= 0 && row < Area.MAX_ROWS && col < Area.MAX_COLS) {
          sheet.cell(row, col).value = value;
        }
      }
      case "sheetData" -> sheet = null;
      default -> {
      }
    }
  }

  @Override
  public void endDocument() {
    SheetModel scope = model.addExternalSheet(prefix, book);
    for (String[] n : names) {
      if (n[0] == null || n[1] == null) {
        continue;
      }
      Area a = WorkbookText.area(n[1]);
      if (a == null || a.sheet() == null) {
        model.warnings().add("name " + prefix + "!" + n[0] + " of the linked workbook " + book + " skipped: " + n[1]);
        continue;
      }
      int id = index(n[2]);
      int sheetIndex = id >= 0 && id < sheets.size() ? sheets.get(id).index : scope.index;
      model.addName(n[0], sheetIndex, a.withSheet(prefix + a.sheet()).toString());
    }
  }

  private Value value() {
    if (v == null) {
      return null;
    }
    String t = type == null ? "n" : type;
    return switch (t) {
      case "str", "s", "inlineStr" -> Value.text(OoxmlText.decode(v));
      case "b" -> Value.bool(v.trim().equals("1") || v.trim().equalsIgnoreCase("true"));
      case "e" -> SheetXmlHandler.error(v.trim());
      default -> {
        try {
          yield Value.num(Double.parseDouble(v.trim()));
        } catch (NumberFormatException e) {
          yield Value.text(v);
        }
      }
    };
  }

  private static int index(String s) {
    try {
      return s == null ? -1 : Integer.parseInt(s.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}

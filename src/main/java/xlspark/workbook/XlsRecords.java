package xlspark.workbook;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.hssf.record.RecordInputStream;
import org.apache.poi.hssf.record.SupBookRecord;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.ss.formula.constant.ConstantValueParser;
import org.apache.poi.ss.formula.constant.ErrorConstant;
import org.apache.poi.ss.usermodel.FormulaError;
import xlspark.value.Area;
import xlspark.value.Value;

/**
 * What HSSF's user model does not hand out, read from the .xls record stream: Excel's calculation options (the
 * ITERATION, CALCCOUNT and DELTA records), the 1904 date system (DATEMODE), and the external workbooks' values
 * and names Excel saved with the file (SUPBOOK, XCT, CRN and EXTERNNAME records), which is what Excel shows for
 * a link it does not refresh. Only the workbook globals and the first sheet's calculation block are read.
 * Best effort: a record that cannot be read is skipped, an encrypted stream is left alone.
 */
final class XlsRecords {
  private static final int BOF = 0x0809;
  private static final int EOF = 0x000A;
  private static final int FILEPASS = 0x002F;
  private static final int SUPBOOK = 0x01AE;
  private static final int EXTERNNAME = 0x0023;
  private static final int XCT = 0x0059;
  private static final int CRN = 0x005A;
  private static final int DATEMODE = 0x0022;
  private static final int ITERATION = 0x0011;
  private static final int CALCCOUNT = 0x000C;
  private static final int DELTA = 0x0010;

  /** One external workbook: its name as POI writes it in formulas ({@code [url]Sheet}) and its sheets' values. */
  private static final class Book {
    final String url;
    final SheetModel[] sheets;
    SheetModel sheet;

    Book(String url, SheetModel[] sheets) {
      this.url = url;
      this.sheets = sheets;
    }
  }

  private XlsRecords() {
  }

  /** Adds what the records hold to a model whose own sheets and names are already read. */
  static void read(DirectoryNode root, WorkbookModel wb) {
    String stream = root.hasEntry("Workbook") ? "Workbook" : root.hasEntry("Book") ? "Book" : null;
    if (stream == null) {
      return;
    }
    List<String[]> names = new ArrayList<>();
    boolean iterate = false;
    int count = WorkbookModel.CalcSettings.DEFAULT.count();
    double delta = WorkbookModel.CalcSettings.DEFAULT.maxChange();
    boolean calcSeen = false;
    try (InputStream in = root.createDocumentInputStream(stream)) {
      RecordInputStream ris = new RecordInputStream(in);
      int bofs = 0;
      Book book = null;
      while (ris.hasNextRecord()) {
        ris.nextRecord();
        int sid = ris.getSid() & 0xFFFF;
        try {
          switch (sid) {
            case BOF -> bofs++;
            case FILEPASS -> {
              wb.warnings().add("encrypted .xls: external links and calculation options not read");
              return;
            }
            case SUPBOOK -> {
              SupBookRecord r = new SupBookRecord(ris);
              book = r.isExternalReferences() ? book(wb, r) : null;
            }
            case EXTERNNAME -> {
              if (book != null) {
                String[] n = externalName(ris, book);
                if (n != null) {
                  names.add(n);
                }
              }
            }
            case XCT -> {
              ris.readShort();
              int itab = ris.readUShort();
              if (book != null) {
                book.sheet = itab < book.sheets.length ? book.sheets[itab] : null;
              }
            }
            case CRN -> {
              if (book != null && book.sheet != null) {
                crn(ris, book.sheet);
              }
            }
            case DATEMODE -> wb.setDate1904(ris.readUShort() == 1);
            case ITERATION -> {
              iterate |= !calcSeen && ris.readUShort() == 1;
              calcSeen = true;
            }
            case CALCCOUNT -> count = ris.readUShort();
            case DELTA -> delta = ris.readDouble();
            default -> {
            }
          }
        } catch (RuntimeException e) {
          wb.warnings().add(String.format("record 0x%04X skipped: %s", sid, e.getMessage()));
        }
        if (ris.remaining() > 0) {
          ris.readRemainder();
        }
        if (sid == EOF && bofs >= 2) {
          break;
        }
      }
    } catch (IOException | RuntimeException e) {
      wb.warnings().add("external links and calculation options not fully read: " + e.getMessage());
    }
    wb.setCalc(new WorkbookModel.CalcSettings(iterate, Math.max(1, count), delta));
    for (String[] n : names) {
      if (wb.name(n[0], -1) == null) {
        wb.addName(n[0], -1, n[1]);
      }
    }
  }

  private static Book book(WorkbookModel wb, SupBookRecord r) {
    String url = r.getURL();
    String[] sheetNames = r.getSheetNames();
    SheetModel[] sheets = new SheetModel[sheetNames == null ? 0 : sheetNames.length];
    for (int i = 0; i < sheets.length; i++) {
      sheets[i] = wb.addExternalSheet("[" + url + "]" + sheetNames[i], url);
    }
    return new Book(url, sheets);
  }

  /** One CRN record: a run of cells of one row of the current external sheet. */
  private static void crn(RecordInputStream ris, SheetModel sheet) {
    int last = ris.readUByte();
    int first = ris.readUByte();
    int row = ris.readUShort();
    Object[] values = ConstantValueParser.parse(ris, last - first + 1);
    for (int i = 0; i < values.length; i++) {
      Value v = value(values[i]);
      if (v != null) {
        sheet.cell(row, first + i).value = v;
      }
    }
  }

  private static Value value(Object o) {
    if (o instanceof Double d) {
      return Value.num(d);
    }
    if (o instanceof String s) {
      return Value.text(s);
    }
    if (o instanceof Boolean b) {
      return Value.bool(b);
    }
    if (o instanceof ErrorConstant e) {
      return SheetXmlHandler.error(FormulaError.forInt(e.getErrorCode()).getString());
    }
    return null;
  }

  /**
   * An EXTERNNAME of an external workbook: [name, definition] for a workbook-scope name defined as one cell or
   * area of the external book (in these formulas a 3-D reference gives the book's sheet indexes, first and last,
   * where a local one gives an EXTERNSHEET index), else null. POI writes such a name in formulas by its bare name.
   */
  private static String[] externalName(RecordInputStream ris, Book book) {
    ris.readUShort();
    int scope = ris.readUShort();
    ris.readUShort();
    int cch = ris.readUByte();
    boolean wide = (ris.readUByte() & 1) != 0;
    String name = wide ? ris.readUnicodeLEString(cch) : ris.readCompressedUnicode(cch);
    if (scope != 0 || ris.remaining() < 2) {
      return null;
    }
    int cce = ris.readUShort();
    if (cce < 9) {
      return null;
    }
    int ptg = ris.readUByte();
    int itab = ris.readUShort();
    int itabLast = ris.readUShort();
    if (itab != itabLast || itab >= book.sheets.length) {
      return null;
    }
    Area a;
    if (ptg == 0x3A || ptg == 0x5A || ptg == 0x7A) {
      int row = ris.readUShort();
      int col = ris.readUShort() & 0x3FFF;
      a = Area.cell(book.sheets[itab].name(), row, col);
    } else if (ptg == 0x3B || ptg == 0x5B || ptg == 0x7B) {
      int r1 = ris.readUShort();
      int r2 = ris.readUShort();
      int c1 = ris.readUShort() & 0x3FFF;
      int c2 = ris.readUShort() & 0x3FFF;
      a = new Area(book.sheets[itab].name(), r1, c1, r2, c2);
    } else {
      return null;
    }
    return new String[] {name, a.toString()};
  }
}

package xlspark.workbook;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.hssf.record.ExternSheetRecord;
import org.apache.poi.hssf.record.RecordInputStream;
import org.apache.poi.hssf.record.SupBookRecord;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.ss.formula.EvaluationWorkbook;
import org.apache.poi.ss.formula.FormulaRenderingWorkbook;
import org.apache.poi.ss.formula.constant.ConstantValueParser;
import org.apache.poi.ss.formula.constant.ErrorConstant;
import org.apache.poi.ss.formula.ptg.NamePtg;
import org.apache.poi.ss.formula.ptg.NameXPtg;
import org.apache.poi.ss.usermodel.FormulaError;
import xlspark.value.Area;
import xlspark.value.Value;

/**
 * What HSSF's user model does not hand out, read from the .xls record stream: Excel's calculation options (the
 * ITERATION, CALCCOUNT and DELTA records), the 1904 date system (DATEMODE), and the external workbooks' values
 * and names Excel saved with the file (SUPBOOK, XCT, CRN and EXTERNNAME records), which is what Excel shows for
 * a link it does not refresh. Only the workbook globals and the first sheet's calculation block are read.
 * Best effort: a record that cannot be read is skipped, an encrypted stream is left alone.
 * {@link #scan} reads, {@link #apply} adds to a model whose own sheets and names are read.
 */
final class XlsRecords {
  private static final int BOF = 0x0809;
  private static final int EOF = 0x000A;
  private static final int FILEPASS = 0x002F;
  private static final int SUPBOOK = 0x01AE;
  private static final int EXTERNNAME = 0x0023;
  private static final int EXTERNSHEET = 0x0017;
  private static final int XCT = 0x0059;
  private static final int CRN = 0x005A;
  private static final int DATEMODE = 0x0022;
  private static final int ITERATION = 0x0011;
  private static final int CALCCOUNT = 0x000C;
  private static final int DELTA = 0x0010;

  /** A name of a linked workbook: its scope (0 the workbook, else 1 + the book's sheet index) and definition. */
  private record ExternalName(String name, int scope, int itab, Area area) {
  }

  /** A cell value of a linked workbook's sheet. */
  private record Crn(int itab, int row, int col, Value value) {
  }

  /** One SUPBOOK: a linked workbook (url and sheets, values, names), or null fields for the others. */
  private static final class Book {
    final String url;
    final String[] sheets;
    final List<Crn> cells = new ArrayList<>();
    final List<ExternalName> names = new ArrayList<>();
    int itab = -1;

    Book(String url, String[] sheets) {
      this.url = url;
      this.sheets = sheets;
    }

    boolean external() {
      return url != null;
    }

    /** The sheet as formulas write it: [url]Sheet. */
    String sheet(int itab) {
      return "[" + url + "]" + sheets[itab];
    }
  }

  private final List<Book> books = new ArrayList<>();
  private int[] externSheets = new int[0];
  private final List<String> warnings = new ArrayList<>();
  private boolean date1904;
  private boolean iterate;
  private int count = WorkbookModel.CalcSettings.DEFAULT.count();
  private double delta = WorkbookModel.CalcSettings.DEFAULT.maxChange();
  private boolean sheetScopedNames;

  private XlsRecords() {
  }

  /** Reads the records of interest from the file's workbook stream. */
  static XlsRecords scan(DirectoryNode root) {
    XlsRecords r = new XlsRecords();
    String stream = root.hasEntry("Workbook") ? "Workbook" : root.hasEntry("Book") ? "Book" : null;
    if (stream == null) {
      return r;
    }
    try (InputStream in = root.createDocumentInputStream(stream)) {
      r.read(new RecordInputStream(in));
    } catch (IOException | RuntimeException e) {
      r.warnings.add("external links and calculation options not fully read: " + e.getMessage());
    }
    return r;
  }

  private void read(RecordInputStream ris) {
    int bofs = 0;
    boolean calcSeen = false;
    Book book = null;
    while (ris.hasNextRecord()) {
      ris.nextRecord();
      int sid = ris.getSid() & 0xFFFF;
      try {
        switch (sid) {
          case BOF -> bofs++;
          case FILEPASS -> {
            warnings.add("encrypted .xls: external links and calculation options not read");
            return;
          }
          case SUPBOOK -> {
            SupBookRecord s = new SupBookRecord(ris);
            book = s.isExternalReferences() ? new Book(s.getURL(), s.getSheetNames()) : new Book(null, null);
            books.add(book);
          }
          case EXTERNNAME -> {
            if (book != null) {
              ExternalName n = book.external() ? externalName(ris, book) : null;
              // every EXTERNNAME keeps its place: NameXPtg counts them per SUPBOOK
              book.names.add(n == null ? new ExternalName(null, 0, -1, null) : n);
              sheetScopedNames |= n != null && n.scope() > 0;
            }
          }
          case EXTERNSHEET -> {
            ExternSheetRecord e = new ExternSheetRecord(ris);
            externSheets = new int[e.getNumOfRefs()];
            for (int i = 0; i < externSheets.length; i++) {
              externSheets[i] = e.getExtbookIndexFromRefIndex(i);
            }
          }
          case XCT -> {
            ris.readShort();
            if (book != null) {
              book.itab = ris.readUShort();
            }
          }
          case CRN -> {
            if (book != null && book.external() && book.itab >= 0 && book.itab < book.sheets.length) {
              crn(ris, book);
            }
          }
          case DATEMODE -> date1904 = ris.readUShort() == 1;
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
        warnings.add(String.format("record 0x%04X skipped: %s", sid, e.getMessage()));
      }
      if (ris.remaining() > 0) {
        ris.readRemainder();
      }
      if (sid == EOF && bofs >= 2) {
        break;
      }
    }
  }

  /** One CRN record: a run of cells of one row of the current external sheet. */
  private static void crn(RecordInputStream ris, Book book) {
    int last = ris.readUByte();
    int first = ris.readUByte();
    int row = ris.readUShort();
    Object[] values = ConstantValueParser.parse(ris, last - first + 1);
    for (int i = 0; i < values.length; i++) {
      Value v = value(values[i]);
      if (v != null) {
        book.cells.add(new Crn(book.itab, row, first + i, v));
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
   * An EXTERNNAME of an external workbook defined as one cell or area of it (in these formulas a 3-D reference
   * gives the book's sheet indexes, first and last, where a local one gives an EXTERNSHEET index), else null.
   */
  private static ExternalName externalName(RecordInputStream ris, Book book) {
    ris.readUShort();
    int scope = ris.readUShort();
    ris.readUShort();
    int cch = ris.readUByte();
    boolean wide = (ris.readUByte() & 1) != 0;
    String name = wide ? ris.readUnicodeLEString(cch) : ris.readCompressedUnicode(cch);
    if (ris.remaining() < 2 || scope > book.sheets.length) {
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
      a = Area.cell(null, row, col);
    } else if (ptg == 0x3B || ptg == 0x5B || ptg == 0x7B) {
      int r1 = ris.readUShort();
      int r2 = ris.readUShort();
      int c1 = ris.readUShort() & 0x3FFF;
      int c2 = ris.readUShort() & 0x3FFF;
      a = new Area(null, r1, c1, r2, c2);
    } else {
      return null;
    }
    return new ExternalName(name, scope, itab, a);
  }

  /**
   * True when some linked workbook has names of one of its sheets: POI writes every linked name by its bare name,
   * so formulas using them are written again with {@link #renderer}.
   */
  boolean sheetScopedNames() {
    return sheetScopedNames;
  }

  /**
   * POI's formula writer with one change: a name of one sheet of a linked workbook is written with that sheet
   * ({@code '[XRefCalcData.xls]MarkupSheet'!Markup_Cost}), where POI writes {@code Markup_Cost} alone.
   */
  FormulaRenderingWorkbook renderer(FormulaRenderingWorkbook poi) {
    return new FormulaRenderingWorkbook() {
      @Override
      public EvaluationWorkbook.ExternalSheet getExternalSheet(int externSheetIndex) {
        return poi.getExternalSheet(externSheetIndex);
      }

      @Override
      public String getSheetFirstNameByExternSheet(int externSheetIndex) {
        return poi.getSheetFirstNameByExternSheet(externSheetIndex);
      }

      @Override
      public String getSheetLastNameByExternSheet(int externSheetIndex) {
        return poi.getSheetLastNameByExternSheet(externSheetIndex);
      }

      @Override
      public String resolveNameXText(NameXPtg ptg) {
        int ref = ptg.getSheetRefIndex();
        Book b = ref >= 0 && ref < externSheets.length && externSheets[ref] < books.size()
            ? books.get(externSheets[ref]) : null;
        ExternalName n = b == null || !b.external() || ptg.getNameIndex() >= b.names.size() ? null
            : b.names.get(ptg.getNameIndex());
        if (n == null || n.name() == null || n.scope() == 0) {
          return poi.resolveNameXText(ptg);
        }
        return Area.quoteSheet(b.sheet(n.scope() - 1)) + "!" + n.name();
      }

      @Override
      public String getNameText(NamePtg ptg) {
        return poi.getNameText(ptg);
      }
    };
  }

  /**
   * Adds the linked workbooks (their sheets after the model's own, named as formulas write them, with the values
   * saved for them), their names (workbook-scope ones by bare name where the workbook has no such name, as POI
   * writes them; sheet-scope ones under their sheet), the calculation options and the date system.
   */
  void apply(WorkbookModel wb) {
    wb.warnings().addAll(warnings);
    wb.setDate1904(date1904);
    wb.setCalc(new WorkbookModel.CalcSettings(iterate, Math.max(1, count), delta));
    for (Book b : books) {
      if (!b.external()) {
        continue;
      }
      SheetModel[] sheets = new SheetModel[b.sheets == null ? 0 : b.sheets.length];
      for (int i = 0; i < sheets.length; i++) {
        sheets[i] = wb.addExternalSheet(b.sheet(i), b.url);
      }
      for (Crn c : b.cells) {
        sheets[c.itab()].cell(c.row(), c.col()).value = c.value();
      }
      for (ExternalName n : b.names) {
        if (n.name() == null) {
          continue;
        }
        String def = n.area().withSheet(b.sheet(n.itab())).toString();
        if (n.scope() > 0) {
          wb.addName(n.name(), sheets[n.scope() - 1].index, def);
        } else if (wb.name(n.name(), -1) == null) {
          wb.addName(n.name(), -1, def);
        }
      }
    }
  }
}

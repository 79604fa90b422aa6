package xlspark.workbook;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.ooxml.POIXMLException;
import org.apache.poi.util.XMLHelper;
import org.xml.sax.Attributes;
import org.xml.sax.ContentHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;
import xlspark.value.Area;

/**
 * Reads an .xlsx/.xlsm file in streaming (SAX) fashion: the package's parts straight from the zip
 * ({@link XlsxParts}), POI's hardened SAX reader, and our handlers for the workbook part (sheets, defined
 * names), the shared strings, each worksheet ({@link SheetXmlHandler}) and its tables. No DOM is built, so memory is the model's own (about a
 * hundred bytes per non-empty cell), whatever the file's size.
 */
public final class XlsxReader {
  private XlsxReader() {
  }

  public static WorkbookModel read(Path file, String name) throws IOException {
    return read(file, name, ReadBudget.defaults());
  }

  static WorkbookModel read(Path file, String name, ReadBudget budget) throws IOException {
    try (XlsxParts parts = new XlsxParts(file)) {
      XMLReader xml = newReader();
      String workbookPart = null;
      for (XlsxParts.Rel r : parts.rels("", xml)) {
        if (r.type().equals("officeDocument")) {
          workbookPart = r.target();
        }
      }
      InputStream wbIn = workbookPart == null ? null : parts.open(workbookPart);
      if (wbIn == null) {
        throw new IOException("not an .xlsx workbook (no workbook part)");
      }
      WorkbookHandler book = new WorkbookHandler();
      try (InputStream in = wbIn) {
        parse(xml, in, book);
      }
      Map<String, XlsxParts.Rel> rels = new HashMap<>();
      List<String> strings = List.of();
      boolean vba = false;
      for (XlsxParts.Rel r : parts.rels(workbookPart, xml)) {
        rels.put(r.id(), r);
        if (r.type().equals("vbaProject")) {
          vba = true;
        }
        if (r.type().equals("sharedStrings")) {
          try (InputStream in = parts.open(r.target())) {
            if (in != null) {
              SharedStringsHandler h = new SharedStringsHandler(budget);
              parse(xml, in, h);
              strings = h.strings;
            }
          }
        }
      }
      WorkbookModel model = new WorkbookModel(name, budget);
      model.setVba(vba);
      model.setCalc(book.calc);
      model.setDate1904(book.date1904);
      for (String[] sheetRef : book.sheets) {
        SheetModel sheet = model.addSheet(sheetRef[0]);
        XlsxParts.Rel r = rels.get(sheetRef[1]);
        if (r == null || !r.type().equals("worksheet")) {
          continue;
        }
        try (InputStream in = parts.open(r.target())) {
          if (in == null) {
            model.warnings().add("sheet " + sheetRef[0] + ": part " + r.target() + " missing");
            continue;
          }
          parse(xml, in, new SheetXmlHandler(sheet, strings, model.warnings(), budget));
        }
        for (XlsxParts.Rel t : parts.rels(r.target(), xml)) {
          if (t.type().equals("table")) {
            try (InputStream in = parts.open(t.target())) {
              if (in != null) {
                parse(xml, in, new TableHandler(sheet.name(), model));
              }
            }
          }
        }
      }
      int link = 0;
      for (String id : book.externalLinks) {
        link++;
        XlsxParts.Rel r = rels.get(id);
        if (r == null || !r.type().equals("externalLink")) {
          continue;
        }
        String target = parts.externalTarget(r.target(), xml);
        try (InputStream in = parts.open(r.target())) {
          if (in != null) {
            parse(xml, in, new ExternalLinkHandler(model, link, target == null ? "[" + link + "]" : target));
          }
        }
      }
      for (String[] n : book.names) {
        if (!n[0].startsWith("_xlnm.")) {
          model.addName(n[0], n[1] == null ? -1 : Integer.parseInt(n[1]), n[2]);
        }
      }
      model.finish();
      return model;
    } catch (ReadBudget.TooLarge e) {
      throw new IOException(e.getMessage(), e);
    } catch (SAXException | java.util.zip.ZipException | POIXMLException | IllegalArgumentException
             | IllegalStateException e) {
      throw new IOException("not a readable .xlsx file: " + e.getMessage(), e);
    }
  }

  private static final ThreadLocal<XMLReader> READERS = new ThreadLocal<>();

  /**
   * POI's hardened SAX reader (no external entities, no DTDs), one per thread and reused for every part of
   * every workbook: creating one costs more than parsing a small sheet.
   */
  private static XMLReader newReader() throws IOException, SAXException {
    XMLReader xml = READERS.get();
    if (xml == null) {
      try {
        xml = XMLHelper.newXMLReader();
      } catch (ParserConfigurationException e) {
        throw new IOException("no SAX parser: " + e.getMessage(), e);
      }
      READERS.set(xml);
    }
    return xml;
  }

  private static void parse(XMLReader xml, InputStream in, ContentHandler handler) throws IOException, SAXException {
    xml.setContentHandler(handler);
    xml.parse(new InputSource(in));
  }

  private static int intAttr(String v, int otherwise) {
    try {
      return v == null ? otherwise : Integer.parseInt(v.trim());
    } catch (NumberFormatException e) {
      return otherwise;
    }
  }

  private static double doubleAttr(String v, double otherwise) {
    try {
      return v == null ? otherwise : Double.parseDouble(v.trim());
    } catch (NumberFormatException e) {
      return otherwise;
    }
  }

  /** The workbook part: sheets in order ([name, relationship id]) and defined names ([name, localSheetId, text]). */
  private static final class WorkbookHandler extends DefaultHandler {
    final List<String[]> sheets = new ArrayList<>();
    final List<String[]> names = new ArrayList<>();
    WorkbookModel.CalcSettings calc = WorkbookModel.CalcSettings.DEFAULT;
    boolean date1904;
    /** Relationship ids of the external links, in order: the N of {@code [N]Sheet1!A1}. */
    final List<String> externalLinks = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();
    private String name;
    private String sheet;

    @Override
    public void startElement(String uri, String localName, String qName, Attributes a) {
      if (localName.equals("sheet")) {
        String id = null;
        for (int i = 0; i < a.getLength(); i++) {
          if (a.getLocalName(i).equals("id") && !a.getURI(i).isEmpty()) {
            id = a.getValue(i);
          }
        }
        sheets.add(new String[] {a.getValue("name"), id});
      } else if (localName.equals("workbookPr")) {
        String d = a.getValue("date1904");
        date1904 = "1".equals(d) || "true".equalsIgnoreCase(d);
      } else if (localName.equals("externalReference")) {
        for (int i = 0; i < a.getLength(); i++) {
          if (a.getLocalName(i).equals("id") && !a.getURI(i).isEmpty()) {
            externalLinks.add(a.getValue(i));
          }
        }
      } else if (localName.equals("calcPr")) {
        WorkbookModel.CalcSettings d = WorkbookModel.CalcSettings.DEFAULT;
        String it = a.getValue("iterate");
        calc = new WorkbookModel.CalcSettings("1".equals(it) || "true".equalsIgnoreCase(it),
            intAttr(a.getValue("iterateCount"), d.count()), doubleAttr(a.getValue("iterateDelta"), d.maxChange()));
      } else if (localName.equals("definedName")) {
        name = a.getValue("name");
        sheet = a.getValue("localSheetId");
        text.setLength(0);
      }
    }

    @Override
    public void characters(char[] ch, int start, int length) {
      if (name != null) {
        text.append(ch, start, length);
      }
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
      if (localName.equals("definedName") && name != null) {
        names.add(new String[] {name, sheet, text.toString()});
        name = null;
      }
    }
  }

  /**
   * The shared strings part as plain strings: each {@code <si>}'s text, runs ({@code <r><t>}) joined, phonetic
   * guides ({@code <rPh>}) left out. POI's {@code ReadOnlySharedStringsTable} hands out rich-text objects whose
   * first use loads the XMLBeans schema types, seconds of a cold JVM for a few strings.
   */
  private static final class SharedStringsHandler extends DefaultHandler {
    final List<String> strings = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();
    private final ReadBudget budget;
    private boolean inItem;
    private boolean inText;
    private int phonetic;

    SharedStringsHandler(ReadBudget budget) {
      this.budget = budget;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes a) {
      switch (localName) {
        case "si" -> {
          inItem = true;
          budget.release(text.length());
          text.setLength(0);
        }
        case "rPh" -> phonetic++;
        case "t" -> inText = inItem && phonetic == 0;
        default -> {
        }
      }
    }

    @Override
    public void characters(char[] ch, int start, int length) {
      if (inText) {
        budget.chars(length);
        text.append(ch, start, length);
      }
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
      switch (localName) {
        case "si" -> {
          budget.string(text.length());
          strings.add(OoxmlText.decode(text.toString()));
          inItem = false;
        }
        case "rPh" -> phonetic--;
        case "t" -> inText = false;
        default -> {
        }
      }
    }
  }

  /** Reads one table part: name, area, header and totals rows, column names. */
  private static final class TableHandler extends DefaultHandler {
    private final String sheet;
    private final WorkbookModel model;
    private final List<String> columns = new ArrayList<>();
    private String name;
    private String ref;
    private String headers;
    private String totals;
    /** Nesting of {@code table} elements: extensions hold their own ({@code <x14:table altText=...>}). */
    private int depth;
    private Area autoFilter;

    TableHandler(String sheet, WorkbookModel model) {
      this.sheet = sheet;
      this.model = model;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes a) {
      if (localName.equals("table") && depth++ == 0) {
        name = a.getValue("displayName") != null ? a.getValue("displayName") : a.getValue("name");
        ref = a.getValue("ref");
        headers = a.getValue("headerRowCount");
        totals = a.getValue("totalsRowCount");
      } else if (localName.equals("tableColumn") && depth == 1) {
        columns.add(a.getValue("name"));
      } else if (localName.equals("autoFilter") && depth == 1) {
        autoFilter = WorkbookText.area(a.getValue("ref"));
      } else if (localName.equals("filterColumn") && depth == 1 && autoFilter != null) {
        // a table's AutoFilter filters only with a criterion; otherwise its hidden rows are hidden by hand
        SheetModel s = model.sheet(sheet);
        if (s != null) {
          s.addFilter(autoFilter);
        }
        autoFilter = null;
      }
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
      if (!localName.equals("table") || --depth != 0) {
        return;
      }
      if (name == null || name.isBlank()) {
        model.warnings().add("sheet " + sheet + ": a table without a name ignored");
        return;
      }
      Object t = TableModel.of(name, sheet, ref, headers, totals, columns);
      if (t instanceof TableModel table) {
        model.addTable(table);
      } else {
        model.addBrokenTable(name, (String) t);
        model.warnings().add("table " + name + " on sheet " + sheet + " ignored: " + t);
      }
    }
  }
}

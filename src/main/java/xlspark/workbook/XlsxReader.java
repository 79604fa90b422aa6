package xlspark.workbook;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.ooxml.POIXMLException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackageRelationship;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.xml.sax.Attributes;
import org.xml.sax.ContentHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;
import xlspark.value.Area;

/**
 * Reads an .xlsx/.xlsm file with POI's streaming (SAX) API: workbook part (defined names), shared strings,
 * each worksheet's cells and its tables. No DOM of the sheets is built, so memory is the model's own
 * (about a hundred bytes per non-empty cell), whatever the file's size.
 */
public final class XlsxReader {
  private XlsxReader() {
  }

  public static WorkbookModel read(Path file, String name) throws IOException {
    try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
      XSSFReader reader = new XSSFReader(pkg);
      ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
      WorkbookModel model = new WorkbookModel(name);
      List<String[]> names = new ArrayList<>();
      try (InputStream in = reader.getWorkbookData()) {
        parse(in, new NamesHandler(names));
      }
      XSSFReader.SheetIterator it = (XSSFReader.SheetIterator) reader.getSheetsData();
      while (it.hasNext()) {
        try (InputStream in = it.next()) {
          SheetModel sheet = model.addSheet(it.getSheetName());
          parse(in, new SheetXmlHandler(sheet, strings));
          PackagePart part = it.getSheetPart();
          for (PackageRelationship rel : part.getRelationshipsByType(XSSFRelation.TABLE.getRelation())) {
            PackagePart tablePart = part.getRelatedPart(rel);
            try (InputStream tin = tablePart.getInputStream()) {
              parse(tin, new TableHandler(sheet.name(), model));
            }
          }
        }
      }
      for (String[] n : names) {
        if (!n[0].startsWith("_xlnm.")) {
          model.addName(n[0], n[1] == null ? -1 : Integer.parseInt(n[1]), n[2]);
        }
      }
      model.finish();
      return model;
    } catch (OpenXML4JException | SAXException | POIXMLException | IllegalArgumentException
             | IllegalStateException e) {
      throw new IOException("not a readable .xlsx file: " + e.getMessage(), e);
    }
  }

  private static void parse(InputStream in, ContentHandler handler) throws IOException, SAXException {
    try {
      XMLReader xml = XMLHelper.newXMLReader();
      xml.setContentHandler(handler);
      xml.parse(new InputSource(in));
    } catch (ParserConfigurationException e) {
      throw new IOException("no SAX parser: " + e.getMessage(), e);
    }
  }

  /** Collects {@code <definedName name localSheetId>text</definedName>} from the workbook part. */
  private static final class NamesHandler extends DefaultHandler {
    private final List<String[]> names;
    private final StringBuilder text = new StringBuilder();
    private String name;
    private String sheet;

    NamesHandler(List<String[]> names) {
      this.names = names;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes a) {
      if (localName.equals("definedName")) {
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

  /** Reads one table part: name, area, header and totals rows, column names. */
  private static final class TableHandler extends DefaultHandler {
    private final String sheet;
    private final WorkbookModel model;
    private final List<String> columns = new ArrayList<>();
    private String name;
    private Area area;
    private int headers = 1;
    private int totals;

    TableHandler(String sheet, WorkbookModel model) {
      this.sheet = sheet;
      this.model = model;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes a) {
      if (localName.equals("table")) {
        name = a.getValue("displayName") != null ? a.getValue("displayName") : a.getValue("name");
        area = WorkbookText.area(a.getValue("ref"));
        headers = a.getValue("headerRowCount") == null ? 1 : Integer.parseInt(a.getValue("headerRowCount"));
        totals = a.getValue("totalsRowCount") == null ? 0 : Integer.parseInt(a.getValue("totalsRowCount"));
      } else if (localName.equals("tableColumn")) {
        columns.add(a.getValue("name"));
      }
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
      if (localName.equals("table") && name != null && area != null) {
        model.addTable(new TableModel(name, sheet, area.withSheet(sheet), headers, totals, columns));
      }
    }
  }
}

package xlspark.functions.web;

import static xlspark.functions.ArgKind.TEXT;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import xlspark.functions.Args;
import xlspark.functions.FunctionSpec;
import xlspark.value.Budget;
import xlspark.value.Coerce;
import xlspark.value.ExcelError;
import xlspark.value.Value;

/**
 * FILTERXML(xml, xpath): the values of the nodes an XPath selects in an XML text, one value for one node, a column
 * for several; text that reads as a decimal number becomes a number, as in Excel. XML and XPath come from untrusted
 * text, so: the parser refuses any DOCTYPE (no DTD, no entity of any kind, internal or external, so no expansion
 * bomb and no file or network access), with secure processing and every external access off; the XML is at most
 * Excel's 32,767 characters and 256 elements deep; the XPath is evaluated by {@link XPathSubset}, the engine's own
 * XPath 1.0 evaluator, which has no extension functions and charges every node it visits to the row's budget.
 * Not well-formed XML, an XPath it does not accept, a result that is not a node set (Excel's XPath must select
 * nodes) and an empty selection are #VALUE!.
 */
public final class FilterXml {
  /** Longest XML text accepted (Excel's text limit). */
  static final int MAX_XML = Coerce.MAX_TEXT;
  private static final int MAX_DEPTH = 256;

  private FilterXml() {
  }

  public static List<FunctionSpec> specs() {
    return List.of(FunctionSpec.builder("FILTERXML", FilterXml::filter).args(TEXT, TEXT).build());
  }

  private static final ThreadLocal<DocumentBuilderFactory> FACTORY = ThreadLocal.withInitial(FilterXml::newFactory);

  private static DocumentBuilderFactory newFactory() {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      f.setFeature("http://xml.org/sax/features/external-general-entities", false);
      f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      f.setAttribute("jdk.xml.maxElementDepth", String.valueOf(MAX_DEPTH));
      f.setXIncludeAware(false);
      f.setExpandEntityReferences(false);
      f.setNamespaceAware(false);
      f.setValidating(false);
      return f;
    } catch (ParserConfigurationException | IllegalArgumentException e) {
      throw new IllegalStateException("the JDK's XML parser refuses the secure settings", e);
    }
  }

  /** A builder of the secure factory that reads no external entity and throws on every error. */
  private static DocumentBuilder newBuilder() {
    try {
      DocumentBuilder b = FACTORY.get().newDocumentBuilder();
      b.setEntityResolver((publicId, systemId) -> {
        throw new SAXException("external entities are not read");
      });
      b.setErrorHandler(new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
          throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
          throw e;
        }
      });
      return b;
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("the JDK's XML parser refuses the secure settings", e);
    }
  }

  /** The parsed document, or null with {@code why[0]} set. */
  static Document parse(String xml, String[] why) {
    if (xml.length() > MAX_XML) {
      why[0] = "XML longer than " + MAX_XML + " characters";
      return null;
    }
    try {
      return newBuilder().parse(new InputSource(new StringReader(xml)));
    } catch (SAXException | IOException e) {
      why[0] = "not well-formed XML: " + e.getMessage();
      return null;
    }
  }

  static Value filter(Args a) {
    XPathSubset.Expr query;
    try {
      query = XPathSubset.parse(a.text(1));
    } catch (XPathSubset.XPathException e) {
      return Value.err(ExcelError.VALUE, "FILTERXML: " + e.getMessage());
    }
    a.ctx().spend(a.text(0).length() * 4L);
    String[] why = new String[1];
    Document doc = parse(a.text(0), why);
    if (doc == null) {
      return Value.err(ExcelError.VALUE, "FILTERXML: " + why[0]);
    }
    XPathSubset.Doc d = new XPathSubset.Doc(doc, a.ctx());
    Object result;
    try {
      result = query.eval(new XPathSubset.Context(doc, 1, 1, d));
    } catch (XPathSubset.XPathException e) {
      return Value.err(ExcelError.VALUE, "FILTERXML: " + e.getMessage());
    } catch (StackOverflowError e) {
      return Value.err(ExcelError.VALUE, "FILTERXML: the XPath nests too deeply");
    }
    if (!(result instanceof List<?>)) {
      return Value.err(ExcelError.VALUE, "FILTERXML: the XPath must select nodes");
    }
    List<Node> nodes = XPathSubset.nodes(result);
    if (nodes.isEmpty()) {
      return Value.err(ExcelError.VALUE, "FILTERXML: the XPath selects no node");
    }
    if (nodes.size() > a.ctx().maxArrayCells()) {
      return Value.err(ExcelError.NUM, "FILTERXML selects more than " + a.ctx().maxArrayCells() + " nodes");
    }
    Value[] cells = new Value[nodes.size()];
    Budget budget = a.ctx().budget();
    for (int i = 0; i < cells.length; i++) {
      String s = XPathSubset.string(nodes.get(i));
      a.ctx().spend(s.length() + 1);
      if (!budget.spendArrayText(s.length())) {
        return budget.tooMuchText();
      }
      cells[i] = value(s);
      if (cells[i] instanceof Value.Err) {
        return cells[i];
      }
    }
    return cells.length == 1 ? cells[0] : new Value.Arr(cells.length, 1, cells);
  }

  /** A node's text as Excel returns it: a decimal number as a number, anything else as text. */
  private static Value value(String s) {
    String t = s.strip();
    if (t.matches("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?")) {
      return Coerce.number(Double.parseDouble(t));
    }
    return Coerce.text(s);
  }
}

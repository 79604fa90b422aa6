package xlspark.workbook;

import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The parts of an .xlsx package read straight from the zip, with the relationship files that link them. Lighter
 * than POI's {@code OPCPackage} (which builds every part, and a DOM of the content types, before the first
 * read: a quarter of the time on small workbooks) and guarded the same way against zip bombs: an entry may not
 * inflate more than {@link #MAX_RATIO} times its compressed size (beyond a grace size) nor past
 * {@link #MAX_ENTRY_BYTES}.
 */
final class XlsxParts implements Closeable {
  static final long MAX_RATIO = 100;
  static final long GRACE_BYTES = 1 << 20;
  static final long MAX_ENTRY_BYTES = 0xFFFF_FFFFL;

  /** One relationship: its id, type (the last path segment, e.g. {@code worksheet}) and resolved target part. */
  record Rel(String id, String type, String target) {
  }

  private final ZipFile zip;

  XlsxParts(Path file) throws IOException {
    this.zip = new ZipFile(file.toFile());
  }

  /** A part's bytes (name without leading '/'), or null when the package has no such part. */
  InputStream open(String part) throws IOException {
    ZipEntry e = zip.getEntry(part.startsWith("/") ? part.substring(1) : part);
    if (e == null) {
      return null;
    }
    long limit = Math.min(MAX_ENTRY_BYTES, e.getCompressedSize() < 0 ? MAX_ENTRY_BYTES
        : Math.max(GRACE_BYTES, e.getCompressedSize() * MAX_RATIO));
    return new Bounded(zip.getInputStream(e), limit, part);
  }

  /** The relationships of a part ("" for the package), targets resolved to part names. */
  List<Rel> rels(String part, XMLReader xml) throws IOException, SAXException {
    int slash = part.lastIndexOf('/');
    String dir = slash < 0 ? "" : part.substring(0, slash + 1);
    String relsPart = dir + "_rels/" + part.substring(slash + 1) + ".rels";
    List<Rel> out = new ArrayList<>();
    try (InputStream in = open(relsPart)) {
      if (in == null) {
        return out;
      }
      xml.setContentHandler(new DefaultHandler() {
        @Override
        public void startElement(String uri, String localName, String qName, Attributes a) {
          if (localName.equals("Relationship") && !"External".equals(a.getValue("TargetMode"))) {
            String type = a.getValue("Type");
            out.add(new Rel(a.getValue("Id"), type == null ? "" : type.substring(type.lastIndexOf('/') + 1),
                resolve(dir, a.getValue("Target"))));
          }
        }
      });
      xml.parse(new org.xml.sax.InputSource(in));
    }
    return out;
  }

  /** The target of a part's first external relationship (a linked workbook's path), or null. */
  String externalTarget(String part, XMLReader xml) throws IOException, SAXException {
    int slash = part.lastIndexOf('/');
    String relsPart = (slash < 0 ? "" : part.substring(0, slash + 1)) + "_rels/" + part.substring(slash + 1) + ".rels";
    String[] out = new String[1];
    try (InputStream in = open(relsPart)) {
      if (in == null) {
        return null;
      }
      xml.setContentHandler(new DefaultHandler() {
        @Override
        public void startElement(String uri, String localName, String qName, Attributes a) {
          if (localName.equals("Relationship") && "External".equals(a.getValue("TargetMode")) && out[0] == null) {
            out[0] = a.getValue("Target");
          }
        }
      });
      xml.parse(new org.xml.sax.InputSource(in));
    }
    return out[0];
  }

  static String resolve(String dir, String target) {
    if (target == null) {
      return "";
    }
    String path = target.startsWith("/") ? target.substring(1) : dir + target;
    List<String> segments = new ArrayList<>();
    for (String s : path.split("/")) {
      if (s.equals("..")) {
        if (!segments.isEmpty()) {
          segments.remove(segments.size() - 1);
        }
      } else if (!s.isEmpty() && !s.equals(".")) {
        segments.add(s);
      }
    }
    return String.join("/", segments);
  }

  @Override
  public void close() throws IOException {
    zip.close();
  }

  /** Fails a read that inflates past its limit (a zip bomb) instead of filling memory or disk. */
  private static final class Bounded extends FilterInputStream {
    private final long limit;
    private final String part;
    private long count;

    Bounded(InputStream in, long limit, String part) {
      super(in);
      this.limit = limit;
      this.part = part;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
      int n = super.read(buf, off, len);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void count(int n) throws IOException {
      count += n;
      if (count > limit) {
        throw new IOException("zip entry " + part + " inflates past " + limit + " bytes (zip bomb?)");
      }
    }
  }
}

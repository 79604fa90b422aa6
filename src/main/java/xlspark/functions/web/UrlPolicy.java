package xlspark.functions.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;

/**
 * Which URLs WEBSERVICE may fetch: http or https only, no user info, no segment a server could normalize
 * ({@link #plainSegments}: dot segments in any encoding, {@code ..;}, encoded slashes), and only under a
 * prefix the user allowed ({@code --allow-url}). Prefixes are compared on the parsed URL, not as raw text,
 * so {@code http://example.com} does not admit {@code http://example.com.evil.org/} or
 * {@code http://example.com@evil.org/}, and a prefix path ends at a segment boundary unless it ends in '/'.
 */
final class UrlPolicy {
  /** Excel's limit on the URL of WEBSERVICE. */
  static final int MAX_URL_LENGTH = 2_048;

  private final List<String> prefixes;

  UrlPolicy(List<String> prefixes) {
    this.prefixes = prefixes;
  }

  /** Why {@code url} may not be fetched, or null when it may. */
  String refusal(String url) {
    if (prefixes.isEmpty()) {
      return "WEBSERVICE is off: no URL prefix allowed (--allow-url)";
    }
    if (url.length() > MAX_URL_LENGTH) {
      return "URL longer than " + MAX_URL_LENGTH + " characters";
    }
    URI u = parse(url);
    if (u == null) {
      return "not a valid http or https URL: " + abbreviate(url);
    }
    for (String p : prefixes) {
      URI prefix = parse(p);
      if (prefix != null && under(u, prefix)) {
        return null;
      }
    }
    return "URL not under an allowed prefix (--allow-url): " + abbreviate(url);
  }

  /** An absolute http(s) URL with a host, no user info, no dot segments and no backslashes; else null. */
  static URI parse(String text) {
    if (text.indexOf('\\') >= 0 || text.chars().anyMatch(c -> c <= ' ' || c == 127)) {
      return null;
    }
    URI u;
    try {
      u = new URI(text);
    } catch (URISyntaxException e) {
      return null;
    }
    String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https") || u.getHost() == null || u.getRawUserInfo() != null) {
      return null;
    }
    if (u.getRawPath() != null && !plainSegments(u.getRawPath())) {
      return null;
    }
    return u;
  }

  /**
   * True when no path segment is one a server could normalize into another path: after percent-decoding as
   * often as it changes (a server or proxy may decode twice: {@code %252e}), and without path parameters (Tomcat
   * and Jetty drop {@code ;...}: {@code ..;}), no segment is {@code .} or {@code ..}, none holds an encoded '/' or
   * '\', and every escape decodes as well-formed UTF-8 (an overlong {@code %c0%ae} is a dot to some decoders;
   * IIS's {@code %u002e} is refused too). So a prefix rule on the raw path means what it says.
   */
  static boolean plainSegments(String rawPath) {
    for (String seg : rawPath.split("/", -1)) {
      String s = seg;
      for (int round = 0; s.indexOf('%') >= 0; round++) {
        String d = percentDecode(s);
        if (d == null || round == 4) {
          return false; // malformed, or still encoded after four rounds: nobody needs that
        }
        if (d.equals(s)) {
          break;
        }
        s = d;
      }
      int semi = s.indexOf(';');
      String name = (semi >= 0 ? s.substring(0, semi) : s).trim();
      if (name.equals(".") || name.equals("..") || s.indexOf('/') >= 0 || s.indexOf('\\') >= 0) {
        return false;
      }
    }
    return true;
  }

  /** Percent-decodes strictly (UTF-8, malformed input refused): the text, or null. '%' not followed by two hex digits is kept. */
  static String percentDecode(String s) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '%' && i + 1 < s.length() && (s.charAt(i + 1) == 'u' || s.charAt(i + 1) == 'U')) {
        return null;
      }
      if (c == '%' && i + 2 < s.length() && hex(s.charAt(i + 1)) >= 0 && hex(s.charAt(i + 2)) >= 0) {
        out.write(hex(s.charAt(i + 1)) * 16 + hex(s.charAt(i + 2)));
        i += 2;
      } else {
        byte[] b = String.valueOf(c).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        out.write(b, 0, b.length);
      }
    }
    try {
      return java.nio.charset.StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
          .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(out.toByteArray())).toString();
    } catch (java.nio.charset.CharacterCodingException e) {
      return null;
    }
  }

  private static int hex(char c) {
    return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
  }

  static boolean under(URI u, URI prefix) {
    if (!u.getScheme().equalsIgnoreCase(prefix.getScheme()) || !u.getHost().equalsIgnoreCase(prefix.getHost())
        || port(u) != port(prefix)) {
      return false;
    }
    String path = rawPathAndQuery(u);
    String want = rawPathAndQuery(prefix);
    if (want.isEmpty() || want.equals("/")) {
      return true;
    }
    if (!path.startsWith(want)) {
      return false;
    }
    if (want.endsWith("/") || path.length() == want.length()) {
      return true;
    }
    char next = path.charAt(want.length());
    return next == '/' || next == '?' || next == '#';
  }

  private static int port(URI u) {
    if (u.getPort() >= 0) {
      return u.getPort();
    }
    return u.getScheme().equalsIgnoreCase("https") ? 443 : 80;
  }

  private static String rawPathAndQuery(URI u) {
    String p = u.getRawPath() == null ? "" : u.getRawPath();
    return u.getRawQuery() == null ? p : p + "?" + u.getRawQuery();
  }

  static String abbreviate(String s) {
    return s.length() <= 80 ? s : s.substring(0, 77) + "...";
  }
}

package xlspark.functions.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;

/**
 * Which URLs WEBSERVICE may fetch: http or https only, no user info, no dot segments, and only under a
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
    String path = u.getPath() == null ? "" : u.getPath();
    if (path.equals("..") || path.startsWith("../") || path.contains("/../") || path.endsWith("/..")
        || path.contains("/./") || path.endsWith("/.")) {
      return null;
    }
    return u;
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

package xlspark.functions.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import xlspark.eval.EngineOptions;
import xlspark.eval.EvalOutcome;
import xlspark.eval.FormulaEvaluator;
import xlspark.eval.VariableSource;

/**
 * WEBSERVICE against a real HTTP server on 127.0.0.1: allowed prefixes only, time-out, size cap, redirects. What
 * the client did is read from the server's side (bytes it managed to send, client connections), not from how long
 * the test took, so a loaded machine does not fail these tests.
 */
class WebServiceTest {
  static HttpServer server;
  static String base;
  static final Queue<String> HITS = new ConcurrentLinkedQueue<>();
  /** The client port of each request: one port for many requests is one connection reused. */
  static final Queue<Integer> CLIENT_PORTS = new ConcurrentLinkedQueue<>();
  /** Released when the tests end: the slow endpoint answers only then (or after a minute). */
  static final CountDownLatch RELEASE_SLOW = new CountDownLatch(1);
  /** The bytes the endless endpoint sent before the client hung up. */
  static volatile CompletableFuture<Long> endlessSent = new CompletableFuture<>();
  static final EngineOptions OPTIONS = new EngineOptions(Instant.parse("2024-06-15T12:00:00Z"), ZoneId.of("UTC"),
      1, 100, 2_000, List.of(), Map.of());

  @BeforeAll
  static void start() throws IOException {
    // Without it the JDK server's separate header and body writes meet the client's delayed ACK: ~40 ms each.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext("/", ex -> {
      HITS.add(ex.getRequestURI().toString());
      CLIENT_PORTS.add(ex.getRemoteAddress().getPort());
      String path = ex.getRequestURI().getPath();
      switch (path) {
        case "/api/hello" -> send(ex, 200, "hello, world");
        case "/api/utf8" -> send(ex, 200, "prix: 12 €");
        case "/api/inside" -> redirect(ex, "/api/hello");
        case "/api/outside" -> redirect(ex, "/private/secret");
        case "/api/elsewhere" -> redirect(ex, "http://localhost:" + server.getAddress().getPort() + "/api/hello");
        case "/api/loop" -> redirect(ex, "/api/loop");
        case "/api/slow" -> {
          awaitRelease();
          send(ex, 200, "late");
        }
        case "/api/big" -> send(ex, 200, "x".repeat(40_000));
        case "/api/endless" -> endless(ex);
        case "/api/missing" -> send(ex, 404, "no");
        default -> send(ex, 200, "should never be fetched: " + path);
      }
    });
    server.start();
    base = "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @AfterAll
  static void stop() {
    RELEASE_SLOW.countDown();
    server.stop(0);
  }

  static void send(HttpExchange ex, int status, String body) throws IOException {
    byte[] b = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().add("Content-Type", "text/plain; charset=utf-8");
    ex.sendResponseHeaders(status, b.length);
    try (OutputStream o = ex.getResponseBody()) {
      o.write(b);
    }
  }

  static void redirect(HttpExchange ex, String location) throws IOException {
    ex.getResponseHeaders().add("Location", location);
    ex.sendResponseHeaders(302, -1);
    ex.close();
  }

  /** 800 MB unless the client hangs up first; the bytes sent complete {@link #endlessSent}. */
  static void endless(HttpExchange ex) throws IOException {
    ex.sendResponseHeaders(200, 0);
    byte[] chunk = "y".repeat(8192).getBytes(StandardCharsets.UTF_8);
    long sent = 0;
    try (OutputStream o = ex.getResponseBody()) {
      for (int i = 0; i < 100_000; i++) {
        o.write(chunk);
        sent += chunk.length;
      }
    } catch (IOException expected) {
      // the client hung up after its cap
    } finally {
      endlessSent.complete(sent);
    }
  }

  static void awaitRelease() {
    try {
      RELEASE_SLOW.await(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static EvalOutcome fetch(FormulaEvaluator ev, String url) {
    return ev.evaluate("=WEBSERVICE(u)", n -> n.equals("U") ? url : VariableSource.UNKNOWN, 1);
  }

  static FormulaEvaluator allowing(String... prefixes) {
    return new FormulaEvaluator(OPTIONS.withAllowedUrlPrefixes(List.of(prefixes)));
  }

  static void assertRefused(EvalOutcome o, String why) {
    assertEquals("#VALUE!", o.value(), o::toString);
    assertTrue(o.message().contains(why), o::toString);
  }

  @Test
  void fetchesAllowedUrls() {
    FormulaEvaluator ev = allowing(base + "/api/");
    assertEquals("hello, world", fetch(ev, base + "/api/hello").value());
    assertEquals("prix: 12 €", fetch(ev, base + "/api/utf8").value());
    assertEquals("12", ev.evaluate("=LEN(WEBSERVICE(\"" + base + "/api/hello\"))", VariableSource.NONE, 1).value());
    assertRefused(fetch(ev, base + "/api/missing"), "HTTP status 404");
  }

  @Test
  void offUnlessAPrefixIsAllowed() {
    HITS.clear();
    assertRefused(fetch(new FormulaEvaluator(OPTIONS), base + "/api/hello"), "WEBSERVICE is off");
    assertTrue(HITS.isEmpty(), HITS::toString);
  }

  @Test
  void refusesUrlsOutsideTheAllowedPrefixes() {
    FormulaEvaluator ev = allowing(base + "/api");
    HITS.clear();
    for (String url : List.of(base + "/private/secret", base + "/apix", base + "/api/../private/secret",
        base + "/api/%2e%2e/private", "http://localhost:" + server.getAddress().getPort() + "/api/hello",
        "http://user@127.0.0.1:" + server.getAddress().getPort() + "/api/hello",
        "http://127.0.0.1:" + server.getAddress().getPort() + ".evil.example/api/hello",
        "https://127.0.0.1:" + server.getAddress().getPort() + "/api/hello", base + "\\api/hello")) {
      EvalOutcome o = fetch(ev, url);
      assertEquals("#VALUE!", o.value(), () -> url + ": " + o);
    }
    assertTrue(HITS.stream().noneMatch(h -> h.startsWith("/private") || h.startsWith("/apix")), HITS::toString);
    FormulaEvaluator files = allowing("file:/", "ftp://127.0.0.1/", "jar:file:/");
    for (String url : List.of("file:///etc/passwd", "ftp://127.0.0.1/x", "jar:file:/x.jar!/a")) {
      assertRefused(fetch(files, url), "not a valid http or https URL");
    }
    assertRefused(fetch(ev, base + "/api/" + "a".repeat(2_100)), "longer than 2048");
  }

  @Test
  void followsRedirectsOnlyInsideThePrefixes() {
    FormulaEvaluator ev = allowing(base + "/api/");
    HITS.clear();
    assertEquals("hello, world", fetch(ev, base + "/api/inside").value());
    assertRefused(fetch(ev, base + "/api/outside"), "redirect refused");
    assertRefused(fetch(ev, base + "/api/elsewhere"), "redirect refused");
    assertRefused(fetch(ev, base + "/api/loop"), "more than 5 redirects");
    assertTrue(HITS.stream().noneMatch(h -> h.startsWith("/private")), HITS::toString);
  }

  /**
   * The slow endpoint does not answer until the tests end: the row can only end by its own time-out, which is what
   * is left of the expression's budget (500 ms) and not the fetch cap of {@link WebFunctions#MAX_FETCH_MILLIS}
   * (10 s). The one wall-clock bound is 5 s: ten times the budget, half the cap.
   */
  @Test
  void slowServersTimeOutWithinTheExpressionBudget() {
    FormulaEvaluator ev = new FormulaEvaluator(OPTIONS.withTimeoutMillis(500)
        .withAllowedUrlPrefixes(List.of(base + "/api/")));
    long t0 = System.nanoTime();
    EvalOutcome o = fetch(ev, base + "/api/slow");
    long ms = (System.nanoTime() - t0) / 1_000_000;
    System.out.println("WEBSERVICE on a server that does not answer, 500 ms budget: " + o.value() + " after " + ms
        + " ms (" + o.message() + ")");
    assertRefused(o, "timed out after ");
    java.util.regex.Matcher budget = java.util.regex.Pattern.compile("timed out after (\\d+) ms").matcher(o.message());
    assertTrue(budget.find() && Long.parseLong(budget.group(1)) <= 500, o::toString);
    assertTrue(ms < 5_000, ms + " ms: the fetch did not end at the expression's budget");
    assertEquals("hello, world", fetch(ev, base + "/api/hello").value());
  }

  /**
   * An endless body is cut at the byte cap: the client hangs up, so the server gets to send its cap plus what the
   * sockets buffer (a few MB on loopback), not the 800 MB it offers.
   */
  @Test
  void bodiesOverExcelsTextLimitAreValueErrors() throws Exception {
    FormulaEvaluator ev = allowing(base + "/api/");
    assertRefused(fetch(ev, base + "/api/big"), "longer than 32,767 characters");
    endlessSent = new CompletableFuture<>();
    EvalOutcome endless = fetch(ev, base + "/api/endless");
    assertRefused(endless, "longer than 32,767 characters");
    long sent = endlessSent.get(2, TimeUnit.MINUTES);
    System.out.println("endless body: the server sent " + sent + " bytes before the client hung up");
    assertTrue(sent < 64L << 20, sent + " bytes sent: the client read on past its cap");
  }

  /** Many fetches in a row share one client, whose connection is reused: a handful of client ports, not 30. */
  @Test
  void oneClientServesManyFetches() {
    FormulaEvaluator ev = allowing(base + "/api/");
    CLIENT_PORTS.clear();
    long t0 = System.nanoTime();
    for (int i = 0; i < 30; i++) {
      assertEquals("hello, world", fetch(ev, base + "/api/hello").value());
    }
    long ms = (System.nanoTime() - t0) / 1_000_000;
    long connections = CLIENT_PORTS.stream().distinct().count();
    System.out.println("30 WEBSERVICE fetches on 127.0.0.1: " + ms + " ms, " + connections + " connection(s)");
    assertEquals(30, CLIENT_PORTS.size());
    assertTrue(connections <= 3, connections + " connections for 30 fetches: " + CLIENT_PORTS);
  }

  /** Paths a server or proxy would normalize out of the allowed prefix are refused, and no request is sent. */
  @Test
  void pathsServersNormalizeAreRefusedUnsent() {
    FormulaEvaluator ev = allowing(base + "/api/");
    String[] sneaky = {"/api/..;/private/secret", "/api/%2e%2e/private/secret", "/api/%2E%2E/private/secret",
        "/api/%252e%252e/private/secret", "/api/%25252e%25252e/private", "/api/.%2e/private", "/api/%2e./private",
        "/api/%c0%ae%c0%ae/private", "/api/%u002e%u002e/private", "/api/..%2fprivate", "/api/%2e%2e%2fprivate",
        "/api/..%5cprivate", "/api/.;/hello", "/api/..;jsessionid=1/private", "/api/%2e%2e;x/private",
        "/api/hello/..", "/api/./hello", "/api/%2e/hello", "/api/%e0%80%ae%e0%80%ae/private"};
    HITS.clear();
    for (String path : sneaky) {
      EvalOutcome o = fetch(ev, base + path);
      assertEquals("#VALUE!", o.value(), path + " -> " + o);
      assertTrue(o.message().contains("not a valid http or https URL"), path + " -> " + o);
    }
    assertTrue(HITS.isEmpty(), "requests sent: " + HITS);
    // Ordinary escapes still pass.
    assertEquals("hello, world", fetch(ev, base + "/api/hello?q=a%20b%2Fc").value());
    assertEquals("hello, world", fetch(ev, base + "/api/hel%6co").value());
  }
}

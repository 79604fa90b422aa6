package xlspark.bench;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The benchmark's waiting work: an HTTP server on 127.0.0.1 that answers every GET after a fixed delay with
 * a short text body (the query string's {@code i} times two). Prints {@code listening on http://127.0.0.1:PORT/}
 * once ready and runs until killed. Usage: {@code SlowHttpServer [port (0: any free one)] [delay ms (50)]}.
 */
public final class SlowHttpServer {
  private SlowHttpServer() {}

  public static void main(String[] args) throws IOException {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 0;
    long delay = args.length > 1 ? Long.parseLong(args[1]) : 50;
    HttpServer server = start(port, delay);
    System.out.println("listening on http://127.0.0.1:" + server.getAddress().getPort() + "/ (answers after "
        + delay + " ms)");
    System.out.flush();
  }

  /** Starts the server; every request waits {@code delayMillis} on its own thread, so waits overlap. */
  public static HttpServer start(int port, long delayMillis) throws IOException {
    // The JDK server writes a response's headers and body apart; with Nagle's algorithm on, the body waited for
    // the client's delayed ACK of the headers on a kept-alive connection: 95 ms per call instead of 55 (the
    // property is read when the JVM's first server starts).
    System.setProperty("sun.net.httpserver.nodelay", "true");
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 512);
    ExecutorService threads = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "slow-http");
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(threads);
    server.createContext("/", exchange -> {
      try {
        Thread.sleep(delayMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      byte[] body = answer(exchange.getRequestURI().getRawQuery()).getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    server.start();
    return server;
  }

  private static String answer(String query) {
    if (query != null) {
      for (String part : query.split("&")) {
        if (part.startsWith("i=")) {
          try {
            return Long.toString(2 * Long.parseLong(part.substring(2)));
          } catch (NumberFormatException e) {
            return "ok";
          }
        }
      }
    }
    return "ok";
  }
}

package xlspark.functions.web;

import static xlspark.functions.ArgKind.TEXT;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import xlspark.functions.Args;
import xlspark.functions.EvalContext;
import xlspark.functions.FunctionSpec;
import xlspark.value.Coerce;
import xlspark.value.ExcelError;
import xlspark.value.Value;

/**
 * WEBSERVICE and ENCODEURL. WEBSERVICE is off unless the user allowed URL prefixes ({@code --allow-url}); it
 * fetches with GET over http or https only, within the expression's time budget (at most
 * {@link #MAX_FETCH_MILLIS}), keeps at most Excel's 32,767 characters of body, and follows a redirect only
 * when its target is also under an allowed prefix. Every refusal or failure is #VALUE! with the reason, as
 * Excel gives #VALUE! when it cannot return data. One HTTP client per JVM, so connections are reused.
 */
public final class WebFunctions {
  /** Upper bound of one fetch, redirects included, when the expression's own budget is larger or off. */
  public static final long MAX_FETCH_MILLIS = 10_000;
  /** Redirects followed at most. */
  static final int MAX_REDIRECTS = 5;
  /** Bytes read at most: 32,767 characters of up to four UTF-8 bytes. */
  static final int MAX_BODY_BYTES = Coerce.MAX_TEXT * 4;

  private WebFunctions() {
  }

  public static List<FunctionSpec> specs() {
    return List.of(
        FunctionSpec.builder("WEBSERVICE", WebFunctions::webservice).arg(TEXT).volatileFn().build(),
        FunctionSpec.builder("ENCODEURL", WebFunctions::encodeUrl).arg(TEXT).build());
  }

  /** The JVM's client: created on first use; redirects are never followed by the client itself. */
  private static final class Client {
    // HTTP/1.1: the default HTTP/2 client offers an h2c upgrade on every plain-http request, which servers
    // that do not take it answer tens of milliseconds slower.
    static final HttpClient INSTANCE = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(Duration.ofMillis(MAX_FETCH_MILLIS))
        .build();
  }

  /** ENCODEURL: percent-encodes everything but unreserved characters, spaces as %20 (not '+'). */
  static Value encodeUrl(Args a) {
    String s = URLEncoder.encode(a.text(0), StandardCharsets.UTF_8)
        .replace("+", "%20").replace("%7E", "~").replace("*", "%2A");
    return Coerce.text(s);
  }

  static Value webservice(Args a) {
    EvalContext ctx = a.ctx();
    String url = a.text(0);
    UrlPolicy policy = new UrlPolicy(ctx.allowedUrlPrefixes());
    String refusal = policy.refusal(url);
    if (refusal != null) {
      return fail(refusal);
    }
    long budget = Math.min(MAX_FETCH_MILLIS, ctx.remainingMillis());
    long deadline = System.nanoTime() + budget * 1_000_000L;
    URI target = URI.create(url);
    for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
      long left = (deadline - System.nanoTime()) / 1_000_000L;
      if (left <= 0) {
        return fail("timed out after " + budget + " ms");
      }
      HttpResponse<byte[]> response;
      try {
        response = fetch(target, left);
      } catch (TimeoutException e) {
        return fail("timed out after " + budget + " ms");
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return fail("interrupted");
      } catch (ExecutionException e) {
        Throwable c = e.getCause() == null ? e : e.getCause();
        if (c instanceof java.net.http.HttpTimeoutException) {
          // the request's own time-out (the same budget) fired before the wait for it did: the same time-out
          return fail("timed out after " + budget + " ms");
        }
        return fail("request failed: " + c.getClass().getSimpleName()
            + (c.getMessage() == null ? "" : " " + UrlPolicy.abbreviate(c.getMessage())));
      }
      int status = response.statusCode();
      if (status >= 300 && status < 400 && status != 304) {
        String location = response.headers().firstValue("Location").orElse(null);
        if (location == null) {
          return fail("redirect without a Location");
        }
        URI next;
        try {
          next = target.resolve(location);
        } catch (IllegalArgumentException e) {
          return fail("redirect to an invalid URL");
        }
        String why = policy.refusal(next.toString());
        if (why != null) {
          return fail("redirect refused: " + why);
        }
        target = next;
        continue;
      }
      if (status < 200 || status >= 300) {
        return fail("HTTP status " + status);
      }
      if (response.body() == null) {
        return fail("response longer than 32,767 characters");
      }
      String text = new String(response.body(), charset(response));
      if (text.length() > Coerce.MAX_TEXT) {
        return fail("response longer than 32,767 characters");
      }
      return Value.text(text);
    }
    return fail("more than " + MAX_REDIRECTS + " redirects");
  }

  private static HttpResponse<byte[]> fetch(URI target, long millis)
      throws TimeoutException, InterruptedException, ExecutionException {
    HttpRequest request = HttpRequest.newBuilder(target).GET().timeout(Duration.ofMillis(millis)).build();
    CompletableFuture<HttpResponse<byte[]>> f =
        Client.INSTANCE.sendAsync(request, info -> new BoundedBody(MAX_BODY_BYTES));
    try {
      return f.get(millis, TimeUnit.MILLISECONDS);
    } finally {
      f.cancel(true);
    }
  }

  private static Charset charset(HttpResponse<?> response) {
    String type = response.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
    int i = type.indexOf("charset=");
    if (i >= 0) {
      String name = type.substring(i + 8).split("[;\\s]")[0].replace("\"", "");
      try {
        return Charset.forName(name);
      } catch (RuntimeException e) {
        return StandardCharsets.UTF_8;
      }
    }
    return StandardCharsets.UTF_8;
  }

  private static Value fail(String why) {
    return Value.err(ExcelError.VALUE, "WEBSERVICE: " + why);
  }
}

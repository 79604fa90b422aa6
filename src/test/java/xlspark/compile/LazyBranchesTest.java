package xlspark.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import xlspark.eval.EngineOptions;
import xlspark.eval.EvalOutcome;
import xlspark.eval.FormulaEvaluator;
import xlspark.eval.VariableSource;
import xlspark.functions.library.FunctionRegistry;

/**
 * IF, IFERROR, IFNA and CHOOSE evaluate only the argument they return, in both tiers: a real HTTP server on
 * 127.0.0.1 counts the WEBSERVICE requests of untaken branches (none), RAND in an untaken branch draws nothing,
 * and an array condition still evaluates both branches (the JEXL tier hands such a row to the interpreter).
 */
class LazyBranchesTest {
  static HttpServer server;
  static String url;
  static final AtomicInteger REQUESTS = new AtomicInteger();

  @BeforeAll
  static void start() throws IOException {
    System.setProperty("sun.net.httpserver.nodelay", "true");
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", ex -> {
      REQUESTS.incrementAndGet();
      byte[] body = "42".getBytes(StandardCharsets.UTF_8);
      ex.sendResponseHeaders(200, body.length);
      try (OutputStream o = ex.getResponseBody()) {
        o.write(body);
      }
    });
    server.start();
    url = "http://127.0.0.1:" + server.getAddress().getPort() + "/count";
  }

  @AfterAll
  static void stop() {
    server.stop(0);
  }

  /** compileAfter 1: every shape is a JEXL template; above 255: every shape is interpreted. */
  private static FormulaEvaluator engine(int compileAfter) {
    FormulaCompiler c = new FormulaCompiler(FunctionRegistry.standard(), 100);
    c.setCompileAfter(compileAfter);
    return new FormulaEvaluator(new EngineOptions(Instant.parse("2024-06-15T12:00:00Z"), ZoneId.of("UTC"), 3, 100,
        5_000, List.of("http://127.0.0.1:" + server.getAddress().getPort() + "/"), Map.of()), c);
  }

  private static String value(FormulaEvaluator ev, String formula, long row) {
    EvalOutcome o = ev.evaluate(formula, VariableSource.NONE, row);
    return o.value() + (o.message() == null ? "" : " (" + o.message() + ")");
  }

  @ParameterizedTest(name = "compileAfter={0}")
  @ValueSource(ints = {1, 1000})
  void untakenBranchesFetchNothing(int compileAfter) {
    FormulaEvaluator ev = engine(compileAfter);
    String ws = "WEBSERVICE(\"" + url + "\")";
    int before = REQUESTS.get();
    assertEquals("0", value(ev, "IF(FALSE," + ws + ",0)", 1));
    assertEquals("7", value(ev, "IF(1>2," + ws + ",7)", 1));
    assertEquals("FALSE", value(ev, "IF(0," + ws + ")", 1));
    assertEquals("1", value(ev, "IFERROR(1," + ws + ")", 1));
    assertEquals("2", value(ev, "IFNA(2," + ws + ")", 1));
    assertEquals("5", value(ev, "CHOOSE(2," + ws + ",5," + ws + ")", 1));
    assertEquals("3", value(ev, "IF(TRUE,IF(FALSE," + ws + ",3)," + ws + ")", 1));
    assertEquals("2", value(ev, "IFS(FALSE," + ws + ",TRUE,2,TRUE," + ws + ")", 1));
    assertEquals("#N/A", value(ev, "IFS(1>2," + ws + ")", 1).substring(0, 4));
    assertEquals("b", value(ev, "SWITCH(2,1," + ws + ",2,\"b\"," + ws + ")", 1));
    assertEquals("d", value(ev, "SWITCH(9,1," + ws + ",2," + ws + ",\"d\")", 1));
    assertEquals("#N/A", value(ev, "SWITCH(9,1," + ws + ")", 1).substring(0, 4));
    assertEquals("#DIV/0!", value(ev, "SWITCH(1/0,1," + ws + ")", 1).substring(0, 7));
    assertEquals("#DIV/0!", value(ev, "IFS(1/0," + ws + ",TRUE," + ws + ")", 1).substring(0, 7));
    assertEquals("#N/A", value(ev, "IF(NA()," + ws + "," + ws + ")", 1).substring(0, 4));
    assertEquals(before, REQUESTS.get(), "requests made by untaken branches");
    // The branch taken is evaluated, once.
    assertEquals("42", value(ev, "IF(TRUE," + ws + ",0)", 1));
    assertEquals("42", value(ev, "IFERROR(1/0," + ws + ")", 1));
    assertEquals("42", value(ev, "CHOOSE(1," + ws + ",5)", 1));
    assertEquals("42", value(ev, "IFS(FALSE,1,TRUE," + ws + ")", 1));
    assertEquals("42", value(ev, "SWITCH(\"k\",\"j\",1,\"k\"," + ws + ",2)", 1));
    assertEquals("42", value(ev, "SWITCH(3,1,2," + ws + ")", 1));
    assertEquals(before + 6, REQUESTS.get());
  }

  @ParameterizedTest(name = "compileAfter={0}")
  @ValueSource(ints = {1, 1000})
  void randInAnUntakenBranchDrawsNothing(int compileAfter) {
    FormulaEvaluator ev = engine(compileAfter);
    for (long row = 1; row <= 20; row++) {
      String first = value(ev, "RAND()", row);
      assertEquals(first, value(ev, "IF(FALSE,RAND(),RAND())", row));
      assertEquals(first, value(ev, "CHOOSE(3,RAND(),RAND(),RAND())", row));
      assertEquals(first, value(ev, "IFERROR(1/0,RAND())", row));
      assertEquals(first, value(ev, "IFS(FALSE,RAND(),TRUE,RAND())", row));
      assertEquals(first, value(ev, "SWITCH(2,1,RAND(),2,RAND(),RAND())", row));
    }
  }

  @ParameterizedTest(name = "compileAfter={0}")
  @ValueSource(ints = {1, 1000})
  void decisionsThatAreNotOneBranchEvaluateEverything(int compileAfter) {
    FormulaEvaluator ev = engine(compileAfter);
    assertEquals("24", value(ev, "SUM(IF({1,0,1}>0,{1,2,3},{10,20,30}))", 1));
    assertEquals("#N/A", value(ev, "IF(NA(),1,2)", 1).substring(0, 4));
    assertEquals("#VALUE!", value(ev, "CHOOSE(9,1,2)", 1).substring(0, 7));
    assertEquals("6", value(ev, "SUM(IFERROR({1,2,3},0))", 1));
    // Excel evaluates only the chosen value: an error elsewhere does not matter.
    assertEquals("5", value(ev, "CHOOSE(1,5,1/0)", 1));
    if (compileAfter == 1) {
      assertEquals(4, ev.fallbacks(), "rows the JEXL tier handed to the interpreter");
    }
  }
}

package xlspark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import xlspark.functions.library.FunctionRegistry;

class FunctionsCommandTest {
  @Test
  void listsEveryRegisteredFunctionAndPrintsTheCount() {
    StringWriter out = new StringWriter();
    int code = Main.run(null, new PrintWriter(out), new PrintWriter(new StringWriter()), "functions");
    assertEquals(0, code);
    String text = out.toString();
    int n = FunctionRegistry.standard().size();
    assertTrue(text.trim().endsWith(n + " functions"), text);
    for (var f : FunctionRegistry.standard().all()) {
      assertTrue(text.contains("\n" + f.name() + " "), f.name());
    }
  }
}

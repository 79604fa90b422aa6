package xlspark.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import xlspark.functions.library.FunctionRegistry;

/**
 * The README's function counts (total, per category, golden rows) are the registry's: a function added
 * without updating the README fails here, with the figures to write.
 */
class ReadmeCountsTest {
  /** README wording of a registry category, when it is not the category's own name. */
  private static final Map<String, String> LABELS = Map.of("math", "math and trigonometry", "datetime", "date and time");

  @Test
  void readmeStatesTheRegistrysCounts() throws IOException {
    String readme = Files.readString(Path.of("README.md")).replaceAll("\\s+", " ");
    Matcher line = Pattern.compile("`jobs/xlspark functions` lists the \\*\\*([\\d,]+)\\*\\* implemented functions(.*?)"
        + "\\(([\\d,]+) rows in all\\)").matcher(readme);
    assertTrue(line.find(), "README has no 'lists the **N** implemented functions ... (M rows in all)' sentence");
    Map<String, Integer> perCategory = new TreeMap<>();
    for (FunctionSpec f : FunctionRegistry.standard().all()) {
      perCategory.merge(f.category().id(), 1, Integer::sum);
    }
    Map<String, Integer> stated = new TreeMap<>();
    for (String category : perCategory.keySet()) {
      String label = LABELS.getOrDefault(category, category);
      Matcher m = Pattern.compile("\\b" + Pattern.quote(label) + " (\\d+)\\b").matcher(line.group(2));
      stated.put(category, m.find() ? Integer.parseInt(m.group(1)) : -1);
    }
    int rows = 0;
    for (Path f : FunctionsGoldenTest.files()) {
      rows += FunctionsGoldenTest.rows(f).size();
    }
    assertEquals(FunctionRegistry.standard().size() + " functions, " + perCategory + ", " + rows + " golden rows",
        number(line.group(1)) + " functions, " + stated + ", " + number(line.group(3)) + " golden rows",
        "README.md's counts differ from the registry's (expected) ");
  }

  private static int number(String s) {
    return Integer.parseInt(s.replace(",", ""));
  }
}

package xlspark.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import xlspark.functions.library.FunctionRegistry;

/**
 * The engine's packages depend one way (docs/engine.md): {@code workbook -> eval -> compile -> functions.library ->
 * functions.<category> -> functions -> value}, with {@code formula} below {@code compile}. Read from the compiled
 * classes' constant pools, so an import that sneaks back up fails here, not in the next refactoring.
 */
class PackageLayersTest {
  /** A package (its classes directly, or with sub-packages when it ends in '/') and the prefixes it must not name. */
  private record Rule(String pkg, boolean withSubPackages, List<String> forbidden) {
    boolean covers(String cls) {
      if (!cls.startsWith(pkg + "/")) {
        return false;
      }
      return withSubPackages || cls.indexOf('/', pkg.length() + 1) < 0;
    }
  }

  private static final List<String> ABOVE_FUNCTIONS =
      List.of("xlspark/compile/", "xlspark/eval/", "xlspark/workbook/", "xlspark/spark/", "xlspark/cli/");

  private static final List<Rule> RULES = List.of(
      new Rule("xlspark/value", true, List.of("xlspark/formula/", "xlspark/functions/", "xlspark/compile/",
          "xlspark/eval/", "xlspark/workbook/", "xlspark/spark/", "xlspark/cli/")),
      new Rule("xlspark/formula", true, List.of("xlspark/functions/", "xlspark/compile/", "xlspark/eval/",
          "xlspark/workbook/", "xlspark/spark/", "xlspark/cli/")),
      // The functions package itself (spec, arguments, context) knows no category.
      new Rule("xlspark/functions", false, concat(ABOVE_FUNCTIONS, "xlspark/functions/*/")),
      new Rule("xlspark/functions", true, concat(ABOVE_FUNCTIONS, "xlspark/functions/library/")),
      new Rule("xlspark/compile", true, List.of("xlspark/eval/", "xlspark/workbook/", "xlspark/spark/",
          "xlspark/cli/")),
      new Rule("xlspark/eval", true, List.of("xlspark/workbook/", "xlspark/spark/", "xlspark/cli/")));

  private static List<String> concat(List<String> a, String b) {
    List<String> l = new ArrayList<>(a);
    l.add(b);
    return l;
  }

  /** True when {@code cls} is under {@code prefix}; a prefix ending in {@code *}{@code /} means its sub-packages. */
  private static boolean names(String prefix, String cls) {
    if (prefix.endsWith("*/")) {
      String p = prefix.substring(0, prefix.length() - 2);
      return cls.startsWith(p) && cls.indexOf('/', p.length()) >= 0;
    }
    return cls.startsWith(prefix);
  }

  @Test
  void enginePackagesDependOneWay() throws IOException {
    Path root = Path.of(FunctionRegistry.class.getProtectionDomain().getCodeSource().getLocation().getPath());
    Map<String, Set<String>> violations = new TreeMap<>();
    int scanned = 0;
    try (Stream<Path> files = Files.walk(root.resolve("xlspark"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
        String name = root.relativize(f).toString().replace('\\', '/').replace(".class", "");
        List<Rule> rules = RULES.stream().filter(r -> r.covers(name)).toList();
        if (rules.isEmpty()) {
          continue;
        }
        scanned++;
        ConstantPool cp;
        try (InputStream in = Files.newInputStream(f)) {
          cp = ConstantPool.read(in);
        }
        for (String c : cp.classes()) {
          String cls = c.startsWith("[") ? c.replaceAll("^\\[+L?|;$", "") : c;
          for (Rule r : rules) {
            for (String bad : r.forbidden()) {
              if (names(bad, cls) && !names(bad, name)) {
                violations.computeIfAbsent(name, k -> new TreeSet<>()).add(cls);
              }
            }
          }
        }
      }
    }
    assertTrue(scanned > 100, "scanned " + scanned + " classes under " + root);
    assertEquals(Map.of(), violations);
  }
}

package xlspark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The shipped code's packages depend one way: cli, then the Spark job, then the engine (eval, compile), the
 * function library, the formula language and its values at the bottom. Read from the sources (imports and fully
 * qualified names outside comments), so a new backward import fails the build with the file that made it.
 */
class PackageLayersTest {
  private static final Path MAIN = Path.of("src/main/java");

  /** Higher ranks may use lower ones; equal ranks may use each other as long as no cycle forms. */
  private static final Map<String, Integer> RANKS = Map.ofEntries(
      Map.entry("xlspark.value", 0),
      Map.entry("xlspark.formula", 1),
      Map.entry("xlspark.workload", 2),
      Map.entry("xlspark.functions", 3),
      Map.entry("xlspark.functions.*", 4),
      Map.entry("xlspark.functions.library", 5),
      Map.entry("xlspark.compile", 6),
      Map.entry("xlspark.eval", 7),
      Map.entry("xlspark.workbook", 8),
      Map.entry("xlspark.spark.core", 9),
      Map.entry("xlspark.spark.io", 10),
      Map.entry("xlspark.spark.strategy", 11),
      Map.entry("xlspark.spark", 12),
      Map.entry("xlspark.spark.sql", 12),
      Map.entry("xlspark.spark.workbook", 12),
      Map.entry("xlspark.spark.timing", 13),
      Map.entry("xlspark.cli", 14));

  private static final Pattern PACKAGE = Pattern.compile("(?m)^package ([\\w.]+);");
  private static final Pattern USE = Pattern.compile("\\b(xlspark(?:\\.[a-z][a-z0-9_]*)+)\\.(?:[A-Z]|\\*)");
  private static final Pattern COMMENT = Pattern.compile("(?s)/\\*.*?\\*/|//[^\\n]*");

  @Test
  void dependenciesPointOneWay() {
    Map<String, Set<String>> uses = packageUses();
    assertTrue(uses.size() > 20, "read the sources: " + uses.keySet());
    List<String> upward = new ArrayList<>();
    uses.forEach((from, targets) -> targets.forEach(to -> {
      if (rank(from) < rank(to)) {
        upward.add(from + " -> " + to);
      }
    }));
    assertEquals(List.of(), upward, "imports from a lower layer to a higher one");
  }

  @Test
  void noPackageCycles() {
    Map<String, Set<String>> uses = packageUses();
    List<String> cycles = new ArrayList<>();
    for (String start : uses.keySet()) {
      for (String next : uses.get(start)) {
        if (reaches(uses, next, start, new TreeSet<>())) {
          cycles.add(start + " -> " + next + " -> ... -> " + start);
        }
      }
    }
    assertEquals(List.of(), cycles, "package cycles");
  }

  @Test
  void everyPackageHasARank() {
    List<String> unranked = packageUses().keySet().stream().filter(p -> rank(p) < 0).toList();
    assertEquals(List.of(), unranked, "packages missing from RANKS");
  }

  private static boolean reaches(Map<String, Set<String>> uses, String from, String target, Set<String> seen) {
    if (from.equals(target)) {
      return true;
    }
    if (!seen.add(from)) {
      return false;
    }
    for (String next : uses.getOrDefault(from, Set.of())) {
      if (reaches(uses, next, target, seen)) {
        return true;
      }
    }
    return false;
  }

  /** The layer of a package; a sub-package of formula belongs to formula (its AST). */
  private static int rank(String pkg) {
    if (pkg.startsWith("xlspark.formula")) {
      return RANKS.get("xlspark.formula");
    }
    Integer exact = RANKS.get(pkg);
    if (exact != null) {
      return exact;
    }
    if (pkg.startsWith("xlspark.functions.") && pkg.indexOf('.', "xlspark.functions.".length()) < 0) {
      return RANKS.get("xlspark.functions.*");
    }
    return -1;
  }

  /** Package to the other xlspark packages its main sources use (the formula AST folded into formula). */
  private static Map<String, Set<String>> packageUses() {
    Map<String, Set<String>> uses = new TreeMap<>();
    try (Stream<Path> files = Files.walk(MAIN)) {
      files.filter(f -> f.toString().endsWith(".java")).forEach(f -> {
        String text = read(f);
        Matcher p = PACKAGE.matcher(text);
        if (!p.find()) {
          return;
        }
        String from = node(p.group(1));
        Set<String> targets = uses.computeIfAbsent(from, k -> new TreeSet<>());
        Matcher m = USE.matcher(COMMENT.matcher(text).replaceAll(""));
        while (m.find()) {
          String to = node(m.group(1));
          if (!to.equals(from)) {
            targets.add(to);
          }
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return uses;
  }

  private static String node(String pkg) {
    return pkg.startsWith("xlspark.formula.") ? "xlspark.formula" : pkg;
  }

  private static String read(Path f) {
    try {
      return Files.readString(f);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

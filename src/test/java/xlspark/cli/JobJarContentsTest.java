package xlspark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The job jar lists only what users run (issue 15, item 5): the benchmark drivers, the POI baseline, the slow HTTP
 * server and the workbook corpus generator live in src/bench/java, compiled with the tests. Checked on the main
 * classes folder the jars are made from and, when they are newer than those classes, on the built jars themselves
 * (a clean `mvn verify` packages after the tests; .ci/run checks the job jar it built).
 */
class JobJarContentsTest {
  private static final Path PROJECT = Path.of(System.getProperty("xlspark.project.dir", "."));
  private static final Path BUILD = Path.of(System.getProperty("xlspark.build.dir", "target"));

  @Test
  void mainClassesHoldNoBenchmarkOrTestCorpusClass() throws IOException {
    Path classes = BUILD.resolve("classes");
    assertTrue(Files.isRegularFile(classes.resolve("xlspark/cli/Main.class")), "no main classes in " + classes);
    Set<String> found = new TreeSet<>();
    try (Stream<Path> files = Files.walk(classes)) {
      files.filter(f -> f.toString().endsWith(".class"))
          .forEach(f -> found.add(classes.relativize(f).toString().replace('\\', '/')));
    }
    assertEquals(List.of(), offenders(found), "bench/test-only classes in " + classes);
  }

  @Test
  void benchmarkSourcesAreWhereTheCheckLooks() {
    Set<String> bench = benchTypes();
    assertTrue(bench.contains("xlspark/bench/PoiBaseline"), "src/bench/java: " + bench);
    assertTrue(bench.contains("xlspark/workbook/WorkbookGenerator"), "src/bench/java: " + bench);
    assertTrue(bench.contains("xlspark/workbook/CorpusBook"), "src/bench/java: " + bench);
    assertFalse(Files.exists(PROJECT.resolve("src/main/java/xlspark/bench")), "src/main/java/xlspark/bench is back");
  }

  @Test
  void builtJarsHoldNoBenchmarkOrTestCorpusClass() throws IOException {
    FileTime newestClass = newestClass(BUILD.resolve("classes"));
    List<Path> jars = new ArrayList<>();
    try (Stream<Path> files = Files.list(BUILD)) {
      files.filter(f -> f.getFileName().toString().matches("xlspark-.*\\.jar")).forEach(jars::add);
    }
    for (Path jar : jars) {
      if (Files.getLastModifiedTime(jar).compareTo(newestClass) < 0) {
        continue;   // packaged before the last compile (a clean build packages after the tests)
      }
      Set<String> entries = new TreeSet<>();
      try (JarFile jf = new JarFile(jar.toFile())) {
        for (JarEntry e : Collections.list(jf.entries())) {
          entries.add(e.getName());
        }
      }
      assertTrue(entries.contains("xlspark/cli/Main.class"), jar + " has no xlspark/cli/Main.class");
      assertEquals(List.of(), offenders(entries), "bench/test-only classes in " + jar);
    }
  }

  /** Class files that come from src/bench/java or sit in the xlspark.bench package. */
  private static List<String> offenders(Set<String> classFiles) {
    Set<String> bench = benchTypes();
    List<String> out = new ArrayList<>();
    for (String f : classFiles) {
      if (!f.endsWith(".class")) {
        continue;
      }
      String type = f.substring(0, f.length() - ".class".length());
      int nested = type.indexOf('$');
      String topLevel = nested < 0 ? type : type.substring(0, nested);
      if (f.startsWith("xlspark/bench/") || bench.contains(topLevel)) {
        out.add(f);
      }
    }
    return out;
  }

  /** The top-level types of src/bench/java as class-file paths without ".class" (xlspark/bench/PoiBaseline). */
  private static Set<String> benchTypes() {
    Path root = PROJECT.resolve("src/bench/java");
    Set<String> types = new TreeSet<>();
    try (Stream<Path> files = Files.walk(root)) {
      files.filter(f -> f.toString().endsWith(".java")).forEach(f -> {
        String rel = root.relativize(f).toString().replace('\\', '/');
        types.add(rel.substring(0, rel.length() - ".java".length()));
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return types;
  }

  private static FileTime newestClass(Path classes) throws IOException {
    try (Stream<Path> files = Files.walk(classes)) {
      return files.filter(f -> f.toString().endsWith(".class")).map(f -> {
        try {
          return Files.getLastModifiedTime(f);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }).max(FileTime::compareTo).orElse(FileTime.fromMillis(0));
    }
  }
}

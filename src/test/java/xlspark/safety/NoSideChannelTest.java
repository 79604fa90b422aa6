package xlspark.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import xlspark.functions.library.FunctionRegistry;

/**
 * Reads the constant pool of every compiled class an expression can run (the formula, compile, eval,
 * functions and value packages) and proves that none names the file system, processes, class loading,
 * reflection, the environment or the network, except the WEBSERVICE client and the registry reading its own
 * name list from the classpath.
 */
class NoSideChannelTest {
  static final List<String> PACKAGES = List.of("xlspark/formula", "xlspark/compile", "xlspark/eval",
      "xlspark/functions", "xlspark/value");

  /** Class names (or prefixes ending in '/') no engine class may name. */
  static final List<String> FORBIDDEN_CLASSES = List.of("java/io/File", "java/io/FileInputStream",
      "java/io/FileOutputStream", "java/io/FileReader", "java/io/FileWriter", "java/io/RandomAccessFile",
      "java/io/PrintStream", "java/io/ObjectInputStream", "java/nio/file/", "java/nio/channels/",
      "java/lang/Runtime", "java/lang/ProcessBuilder", "java/lang/Process", "java/lang/ClassLoader",
      "java/net/URLClassLoader", "java/lang/reflect/", "java/lang/Thread", "sun/misc/Unsafe", "jdk/internal/",
      "javax/script/", "javax/naming/", "java/sql/", "java/rmi/", "java/net/Socket", "java/net/ServerSocket",
      "java/net/URL", "java/net/URLConnection", "java/net/http/", "java/net/DatagramSocket");

  /** Members ({@code owner.name}) no engine class may use. */
  static final Set<String> FORBIDDEN_MEMBERS = Set.of("java/lang/System.exit", "java/lang/System.getenv",
      "java/lang/System.getProperty", "java/lang/System.getProperties", "java/lang/System.setProperty",
      "java/lang/System.load", "java/lang/System.loadLibrary", "java/lang/System.setOut", "java/lang/System.out",
      "java/lang/System.err", "java/lang/System.in", "java/lang/Class.forName", "java/lang/Class.newInstance",
      "java/lang/Class.getMethod", "java/lang/Class.getMethods", "java/lang/Class.getDeclaredMethod",
      "java/lang/Class.getDeclaredMethods", "java/lang/Class.getField", "java/lang/Class.getDeclaredField",
      "java/lang/Class.getConstructor", "java/lang/Class.getDeclaredConstructor", "java/lang/Class.getClassLoader",
      "java/lang/Class.getResource", "java/lang/Class.getResourceAsStream", "java/lang/Thread.sleep");

  /** The only exceptions, each with its reason. */
  static final Map<String, Set<String>> ALLOWED = Map.of(
      // WEBSERVICE's HTTP client; it restores a thread's interrupt flag when a fetch is interrupted.
      "xlspark/functions/web/WebFunctions", Set.of("java/net/http/", "java/lang/Thread"),
      "xlspark/functions/web/WebFunctions$Client", Set.of("java/net/http/"),
      "xlspark/functions/web/BoundedBody", Set.of("java/net/http/"),
      // Implements JexlUberspect's class-loader accessors by delegation; getClassByName always answers null.
      "xlspark/compile/SandboxUberspect", Set.of("java/lang/ClassLoader"),
      // Registry construction reads the list of Excel's function names from its own jar, once per JVM.
      "xlspark/functions/library/FunctionRegistry", Set.of("java/lang/Class.getResourceAsStream"));

  @Test
  void noEngineClassReachesFilesProcessesReflectionOrTheNetwork() throws IOException {
    Path root = Path.of(FunctionRegistry.class.getProtectionDomain().getCodeSource().getLocation().getPath());
    Map<String, Set<String>> violations = new TreeMap<>();
    int scanned = 0;
    for (String pkg : PACKAGES) {
      try (Stream<Path> files = Files.walk(root.resolve(pkg))) {
        for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
          scanned++;
          String name = root.relativize(f).toString().replace('\\', '/').replace(".class", "");
          ConstantPool cp;
          try (InputStream in = Files.newInputStream(f)) {
            cp = ConstantPool.read(in);
          }
          Set<String> allowed = ALLOWED.getOrDefault(name, Set.of());
          for (String c : cp.classes()) {
            String cls = c.startsWith("[") ? c.replaceAll("^\\[+L?|;$", "") : c;
            for (String bad : FORBIDDEN_CLASSES) {
              boolean hit = bad.endsWith("/") ? cls.startsWith(bad) : cls.equals(bad);
              if (hit && allowed.stream().noneMatch(cls::startsWith)) {
                violations.computeIfAbsent(name, k -> new TreeSet<>()).add(cls);
              }
            }
          }
          for (String m : cp.members()) {
            if (FORBIDDEN_MEMBERS.contains(m) && !allowed.contains(m)) {
              violations.computeIfAbsent(name, k -> new TreeSet<>()).add(m);
            }
          }
        }
      }
    }
    System.out.println("side-channel scan: " + scanned + " engine classes, " + FORBIDDEN_CLASSES.size()
        + " forbidden classes, " + FORBIDDEN_MEMBERS.size() + " forbidden members");
    assertTrue(scanned > 50, "scanned " + scanned + " classes under " + root);
    assertEquals(Map.of(), violations);
  }

  /** The scanner sees what it must: a class that does use the file system is caught. */
  @Test
  void theScanCatchesFileAccess() throws IOException {
    try (InputStream in = CanaryMarker.class.getResourceAsStream("CanaryMarker.class")) {
      ConstantPool cp = ConstantPool.read(in);
      assertTrue(cp.classes().contains("java/nio/file/Files"), cp::toString);
      assertTrue(cp.members().contains("java/lang/System.getProperty"), cp::toString);
    }
  }
}

package xlspark.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xlspark.compile.FormulaCompiler;
import xlspark.compile.Template;
import xlspark.compile.TemplateCache;
import xlspark.eval.EngineOptions;
import xlspark.eval.EvalOutcome;
import xlspark.eval.FormulaEvaluator;
import xlspark.eval.VariableSource;
import xlspark.formula.Lexer;
import xlspark.functions.library.FunctionRegistry;

/**
 * Issue 16 section 3: no input exhausts memory. Worst-case inputs run in a second JVM with a small heap, where
 * filling it shows as an OutOfMemoryError and a non-zero exit instead of a slow test.
 */
class MemoryBoundsTest {
  @TempDir
  Path dir;

  /** An 8,000-character formula whose shape depends on {@code i} (the signs of its first terms). */
  static String bigFormula(int i) {
    return formula(i, 8_000);
  }

  static String formula(int i, int length) {
    StringBuilder sb = new StringBuilder("=0");
    for (int k = 0; sb.length() < length; k++) {
      sb.append(k < 16 && (i >> k & 1) == 1 ? '-' : '+').append("ROUND(1.5,2)");
    }
    return sb.toString();
  }

  /** Runs {@link Child} with a heap of {@code heapMb}; its output, and the exit code as the last line. */
  List<String> child(int heapMb, String mode, int rows) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx" + heapMb + "m");
    cmd.add("-XX:+UseSerialGC");
    cmd.add("-cp");
    cmd.add(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
    cmd.add(Child.class.getName());
    cmd.add(mode);
    cmd.add(Integer.toString(rows));
    Path out = dir.resolve(mode + ".out");
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile()).start();
    assertTrue(p.waitFor(5, TimeUnit.MINUTES), "child " + mode + " did not end");
    List<String> lines = new ArrayList<>(Files.readAllLines(out));
    lines.add("exit " + p.exitValue());
    return lines;
  }

  /** The worst cases, each in its own JVM: prints "rows N errors E" and a detail line, or dies. */
  public static final class Child {
    public static void main(String[] args) {
      String mode = args[0];
      int rows = Integer.parseInt(args[1]);
      // Every shape compiled at its first sighting: what repeating each formula past the tiering threshold does.
      FormulaCompiler.shared().setCompileAfter(1);
      FormulaEvaluator ev = new FormulaEvaluator(EngineOptions.defaults());
      int errors = 0;
      String firstError = "";
      if (mode.equals("oom")) {
        oom(ev);
        return;
      }
      for (int i = 0; i < rows; i++) {
        String f = switch (mode) {
          case "templates" -> formula(i, 4_000);
          case "formats" -> "=LEN(TEXT(1,REPT(\"0\",32000)&\"\"\"" + i + "\"\"\"))";
          default -> throw new IllegalArgumentException(mode);
        };
        EvalOutcome o = ev.evaluate(f, VariableSource.NONE, i);
        if (o.isError()) {
          errors++;
          firstError = firstError.isEmpty() ? o.toString() : firstError;
        }
      }
      Runtime rt = Runtime.getRuntime();
      TemplateCache cache = FormulaCompiler.shared().cache();
      System.out.println("rows " + rows + " errors " + errors + " " + firstError);
      System.out.println("heap " + (rt.totalMemory() - rt.freeMemory()) / 1_048_576 + " MB of "
          + rt.maxMemory() / 1_048_576 + " MB; template cache " + cache.size() + " entries, "
          + cache.bytes() / 1_048_576 + " MB estimated of " + cache.maxBytes() / 1_048_576 + " MB, "
          + cache.uncached() + " not cached");
    }
  }

  /**
   * 800 distinct 4,000-character formulas, each compiled (about 165 KB retained each: 130 MB in all) in a
   * 128 MB heap: the cache keeps its eighth of the heap and evicts the rest. Before the byte bound the
   * 10,000-entry cache kept them all and the JVM died of OutOfMemoryError.
   */
  /**
   * A heap filled by something else (here a ballast) when a new 8 KB formula comes, with 128 KB left: lexing,
   * parsing and compiling it (a few hundred KB) fails with OutOfMemoryError, which ends that row as an error row;
   * once the heap is free again the next row evaluates. The 128 KB are set aside first and the heap is then
   * filled down to its last few hundred bytes, in chunks of 1 MB down to 64 bytes, so that what is left does not
   * depend on the collector: the formula evaluates with 1 MB left and not with 512 KB, on Java 17 and 25 alike.
   * (Filling in chunks down to 16 KB and freeing the last eight left that to the collector's layout: on Java 25
   * Serial's full collections keep the 2 MB survivor space empty where Java 17's fill it, and the formula
   * evaluated, "starved 915".)
   */
  static void oom(FormulaEvaluator ev) {
    EvalOutcome warm = ev.evaluate("=1+1", VariableSource.NONE, 0);
    byte[][] reserve = new byte[8][];
    for (int i = 0; i < reserve.length; i++) {
      reserve[i] = new byte[16 << 10];
    }
    List<byte[]> ballast = new ArrayList<>(4_096);
    for (int chunk = 1 << 20; chunk >= 64; chunk >>= 2) {
      try {
        while (true) {
          ballast.add(new byte[chunk]);
        }
      } catch (OutOfMemoryError e) {
        // the next, smaller chunk size fills what is left
      }
    }
    java.util.Arrays.fill(reserve, null);
    EvalOutcome starved = ev.evaluate(bigFormula(7), VariableSource.NONE, 1);
    int chunks = ballast.size();
    ballast.clear();
    EvalOutcome next = ev.evaluate("=1+1", VariableSource.NONE, 2);
    System.out.println("warm " + warm.value() + ", ballast " + chunks + " chunks");
    System.out.println("starved " + starved.value() + " " + starved.message());
    System.out.println("next " + next.value());
  }

  @Test
  void issue16_outOfMemoryWhileCompilingEndsTheRowNotTheJvm() throws Exception {
    List<String> out = child(64, "oom", 1);
    System.out.println("a new 8 KB formula with 128 KB of heap left: " + out);
    assertEquals("exit 0", out.get(out.size() - 1), out::toString);
    assertTrue(out.stream().anyMatch(l -> l.startsWith("starved #ERROR! formula needs more memory than allowed")),
        out::toString);
    assertTrue(out.contains("next 2"), out::toString);
  }

  @Test
  void issue16_distinctLargeFormulasDoNotFillTheHeap() throws Exception {
    List<String> out = child(128, "templates", 800);
    System.out.println("800 distinct 4 KB formulas, 128 MB heap: " + out);
    assertEquals("exit 0", out.get(out.size() - 1), out::toString);
    assertTrue(out.get(0).startsWith("rows 800 errors 0"), out::toString);
  }

  /** 120 distinct 32,000-character format codes (2.5 MB parsed each) in a 160 MB heap. */
  @Test
  void issue16_distinctHugeFormatCodesDoNotFillTheHeap() throws Exception {
    List<String> out = child(160, "formats", 120);
    System.out.println("120 distinct 32,000-character TEXT formats, 160 MB heap: " + out);
    assertEquals("exit 0", out.get(out.size() - 1), out::toString);
    assertTrue(out.get(0).startsWith("rows 120 errors 0"), out::toString);
  }

  /** The byte bound holds whatever the entry bound says, and a template too large for it is not cached. */
  @Test
  void templateCacheIsBoundedByEstimatedBytes() throws Exception {
    FormulaCompiler compiler = new FormulaCompiler(FunctionRegistry.standard(), 10);
    long each = TemplateCache.estimateBytes(compiler.compile(Lexer.lex(formula(0, 1_000))));
    TemplateCache cache = new TemplateCache(10_000, 100 * each);
    for (int i = 0; i < 150; i++) {
      cache.put(compiler.compile(Lexer.lex(formula(i, 1_000))));
      assertTrue(cache.bytes() <= cache.maxBytes(), cache.bytes() + " bytes");
    }
    System.out.println("1 KB formula: " + each + " bytes estimated; a cache of 100 of them holds " + cache.size()
        + " after 150");
    assertTrue(cache.size() >= 80 && cache.size() <= 100, cache.size() + " entries");
    TemplateCache tiny = new TemplateCache(10_000, 64 * each - 1);
    tiny.put(compiler.compile(Lexer.lex(formula(1, 1_000))));
    assertEquals(0, tiny.size());
    assertEquals(1, tiny.uncached());
    tiny.put(compiler.compile(Lexer.lex("=ROUND(A1*1.1,2)")));
    assertEquals(1, tiny.size());
  }

  /** The estimate is not below what a template really holds (measured in a quiet heap of this JVM). */
  @Test
  void templateEstimateCoversTheRetainedHeap() throws Exception {
    FormulaCompiler compiler = new FormulaCompiler(FunctionRegistry.standard(), 1_000);
    compiler.compile(Lexer.lex(bigFormula(99_999)));
    long before = usedAfterGc();
    long estimated = 0;
    for (int i = 0; i < 40; i++) {
      estimated += TemplateCache.estimateBytes(compiler.compile(Lexer.lex(bigFormula(i))));
    }
    long retained = usedAfterGc() - before;
    System.out.printf("40 templates of 8 KB formulas: %d bytes retained, %d estimated (%.2fx)%n", retained,
        estimated, estimated / (double) retained);
    assertEquals(41, compiler.cache().size());
    assertTrue(estimated >= 0.9 * retained, estimated + " estimated < " + retained + " retained");
  }

  static long usedAfterGc() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    Runtime rt = Runtime.getRuntime();
    return rt.totalMemory() - rt.freeMemory();
  }
}

package xlspark.bench;

import java.time.Instant;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import xlspark.compile.FormulaCompiler;
import xlspark.eval.EngineOptions;
import xlspark.eval.EngineStats;
import xlspark.eval.FormulaEvaluator;
import xlspark.eval.VariableSource;
import xlspark.functions.library.FunctionRegistry;
import xlspark.workload.ExpressionMix;
import xlspark.workload.ShapeCensus;
import xlspark.workload.Workload;

/**
 * Single-thread engine benchmark (no Spark): (a) a million distinct expressions of a realistic mix, text to
 * value, starting from an empty template cache; (b) the same million with the cache warm; (c) 250-argument
 * SUM/AVERAGE/CONCATENATE calls; (d) a million expressions of workload W1d (random nesting and signs, most of
 * them a shape of their own) and (e) the 250-argument calls of W4d (numbers randomly negative), each from an
 * empty template cache. Prints expressions per second, the engine's phase split and, after (d), the heap in use.
 * The JVM is warmed first by two passes through a throwaway compiler (over all of (a) and (c), and a slice of
 * (d) and (e)), so the runs start with an empty template cache but JIT-compiled code.
 * Usage: {@code EngineBench [count] [seed]}.
 */
public final class EngineBench {
  /** Rows of (d) (and a hundredth as many of (e)) that each JIT warm-up pass evaluates. */
  private static final int WARM_DIVERGENT = 50_000;

  private EngineBench() {
  }

  public static void main(String[] args) {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    long seed = args.length > 1 ? Long.parseLong(args[1]) : 42;
    ExpressionMix mix = new ExpressionMix(seed);
    String[] texts = new String[count];
    Set<Integer> shapes = new HashSet<>();
    for (int i = 0; i < count; i++) {
      texts[i] = mix.expression(i);
      shapes.add(mix.shapeOf(i));
    }
    long distinct = new HashSet<>(List.of(texts)).size();
    int wideCount = Math.max(3_000, count / 100);
    String[] wide = new String[wideCount];
    String[] fns = {"SUM", "AVERAGE", "CONCATENATE"};
    for (int i = 0; i < wideCount; i++) {
      wide[i] = mix.wideCall(i, fns[i % 3], 250);
    }
    System.out.printf("generated %,d expressions: %,d distinct texts, %,d shapes (seed %d); %,d wide calls%n",
        count, distinct, shapes.size(), seed, wideCount);
    String[] divergent = new String[count];
    String[] divergentWide = new String[wideCount];
    ShapeCensus d = new ShapeCensus();
    ShapeCensus e = new ShapeCensus();
    ExpressionMix dmix = Workload.W1D.mix(seed);
    for (int i = 0; i < count; i++) {
      divergent[i] = Workload.W1D.expression(dmix, i, "");
      d.add(divergent[i]);
    }
    for (int i = 0; i < wideCount; i++) {
      divergentWide[i] = Workload.W4D.expression(dmix, i, "");
      e.add(divergentWide[i]);
    }
    System.out.printf("W1d: %s%nW4d: %s%n", d.counts().describe(), e.counts().describe());
    System.out.printf("JVM %s, %d cores, %s%n", System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors(), "single thread");

    EngineOptions options = new EngineOptions(Instant.parse("2024-01-01T00:00:00Z"), ZoneId.of("UTC"), seed,
        10_000, 5_000, List.of(), Map.of());
    // JIT warm-up: two passes over the same texts through a throwaway compiler. Run (a) then starts with an
    // empty template cache of its own but JIT-compiled code, so it measures the cache, not the JVM's start-up.
    for (int pass = 0; pass < 2; pass++) {
      FormulaEvaluator warm = new FormulaEvaluator(options, new FormulaCompiler(FunctionRegistry.standard(), 10_000));
      for (int i = 0; i < count; i++) {
        warm.evaluate(texts[i], VariableSource.NONE, i);
      }
      for (int i = 0; i < wideCount; i++) {
        warm.evaluate(wide[i], VariableSource.NONE, i);
      }
      for (int i = 0; i < Math.min(count, WARM_DIVERGENT); i++) {
        warm.evaluate(divergent[i], VariableSource.NONE, i);
      }
      for (int i = 0; i < Math.min(wideCount, WARM_DIVERGENT / 100); i++) {
        warm.evaluate(divergentWide[i], VariableSource.NONE, i);
      }
    }
    FormulaCompiler compiler = new FormulaCompiler(FunctionRegistry.standard(), 10_000);

    System.out.println();
    System.out.println("| run | expressions | seconds | expressions/s | CPU s | expressions per CPU s | parse % | compile % "
        + "| eval % | cache hits | misses | errors |");
    System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    run("(a) mix, cold cache", texts, new FormulaEvaluator(options, compiler));
    run("(b) mix, warm cache", texts, new FormulaEvaluator(options, compiler));
    FormulaCompiler wideCompiler = new FormulaCompiler(FunctionRegistry.standard(), 10_000);
    run("(c) 250-arg calls, cold", wide, new FormulaEvaluator(options, wideCompiler));
    run("(c) 250-arg calls, warm", wide, new FormulaEvaluator(options, wideCompiler));
    double dRate = run("(d) W1d random nesting and signs, cold", divergent,
        new FormulaEvaluator(options, new FormulaCompiler(FunctionRegistry.standard(), 10_000)));
    double heapMb = usedMb();
    double eRate = run("(e) W4d 250-arg calls, signed, cold", divergentWide,
        new FormulaEvaluator(options, new FormulaCompiler(FunctionRegistry.standard(), 10_000)));
    System.out.printf("%n(d) W1d: %,.0f formulas per CPU second (target per core: >= 400,000/s); (e) W4d: %,.0f rows per CPU second (target: "
        + ">= 20,000/s)%n", dRate, eRate);
    System.out.printf("heap in use after (d), after a collection: %.0f MB (max heap %.0f MB)%n", heapMb,
        Runtime.getRuntime().maxMemory() / 1048576.0);
  }

  /** Heap in use after a collection, in MB (the inputs of every run included). */
  private static double usedMb() {
    Runtime rt = Runtime.getRuntime();
    System.gc();
    return (rt.totalMemory() - rt.freeMemory()) / 1048576.0;
  }

  /**
   * Runs one row of the table; returns expressions per CPU second of the thread (on a shared machine the wall time
   * measures the other processes too; the thread's CPU time is what the engine cost).
   */
  private static double run(String name, String[] texts, FormulaEvaluator ev) {
    long checksum = 0;
    java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
    long c0 = threads.getCurrentThreadCpuTime();
    long t0 = System.nanoTime();
    for (int i = 0; i < texts.length; i++) {
      checksum += ev.evaluate(texts[i], VariableSource.NONE, i).type().ordinal();
    }
    long nanos = System.nanoTime() - t0;
    long cpu = Math.max(1, threads.getCurrentThreadCpuTime() - c0);
    EngineStats s = ev.stats();
    double total = Math.max(1, s.parseNanos() + s.compileNanos() + s.evalNanos());
    System.out.printf("| %s | %,d | %.2f | %,.0f | %.2f | %,.0f | %.0f | %.0f | %.0f | %,d | %,d | %,d |%n", name,
        texts.length, nanos / 1e9, texts.length / (nanos / 1e9), cpu / 1e9, texts.length / (cpu / 1e9),
        100 * s.parseNanos() / total, 100 * s.compileNanos() / total,
        100 * s.evalNanos() / total, s.cacheHits(), s.cacheMisses(), s.errors());
    if (checksum < 0) {
      System.out.println(checksum);
    }
    return texts.length / (cpu / 1e9);
  }
}

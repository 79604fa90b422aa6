package xlspark.bench.jmh;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import xlspark.compile.FormulaCompiler;
import xlspark.eval.EngineOptions;
import xlspark.eval.EvalOutcome;
import xlspark.eval.FormulaEvaluator;
import xlspark.eval.VariableSource;
import xlspark.functions.library.FunctionRegistry;
import xlspark.workload.ExpressionMix;
import xlspark.workload.Workload;

/**
 * The engine alone (no Spark) on the benchmark's shapes, per expression, text to value: W1's small mixed
 * expressions (warm template cache, and a cache emptied every iteration), and W3/W4's 250-argument calls.
 * Compared with {@code jobs/bench.sh}, the difference is Spark's (and the JVM start's) share.
 * Run: {@code jobs/jmh.sh} (or {@code mvn -Pjmh -Dmaven.test.skip=true package} then JMH's Main);
 * {@code -t 2} measures two threads sharing one template cache, as pool mode does.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = "-Xmx2g")
public class EngineShapesBenchmark {
  private static final int MIX = 200_000;
  private static final int WIDE = 3_000;
  private static final long SEED = 42;

  private String[] mix;
  private String[] wide;
  private EngineOptions options;
  private FormulaCompiler sharedCompiler;
  private FormulaCompiler coldCompiler;

  @Setup(Level.Trial)
  public void generate() {
    ExpressionMix m = new ExpressionMix(SEED);
    mix = new String[MIX];
    for (int i = 0; i < MIX; i++) {
      mix[i] = Workload.W1.expression(m, i, "");
    }
    wide = new String[WIDE];
    for (int i = 0; i < WIDE; i++) {
      wide[i] = Workload.W4.expression(m, i, "");
    }
    options = new EngineOptions(Instant.parse("2024-01-01T00:00:00Z"), ZoneId.of("UTC"), SEED,
        EngineOptions.DEFAULT_TEMPLATE_CACHE, 0, List.of(), Map.of());
    sharedCompiler = new FormulaCompiler(FunctionRegistry.standard(), EngineOptions.DEFAULT_TEMPLATE_CACHE);
  }

  @Setup(Level.Iteration)
  public void emptyCache() {
    coldCompiler = new FormulaCompiler(FunctionRegistry.standard(), EngineOptions.DEFAULT_TEMPLATE_CACHE);
  }

  /** One evaluator per thread, as one per partition in pool mode. */
  @State(Scope.Thread)
  public static class Cursor {
    int next;
    FormulaEvaluator warm;
    FormulaEvaluator cold;

    @Setup(Level.Iteration)
    public void open(EngineShapesBenchmark b) {
      warm = new FormulaEvaluator(b.options, b.sharedCompiler);
      cold = new FormulaEvaluator(b.options, b.coldCompiler);
    }
  }

  /** W1/W2 shape, template cache warm (the steady state of a large run). */
  @Benchmark
  public EvalOutcome w1MixWarm(Cursor c) {
    return c.warm.evaluate(mix[c.next++ % MIX], VariableSource.NONE, c.next);
  }

  /** W1 shape, template cache emptied each iteration (includes compiling the ~400 templates). */
  @Benchmark
  public EvalOutcome w1MixColdStart(Cursor c) {
    return c.cold.evaluate(mix[c.next++ % MIX], VariableSource.NONE, c.next);
  }

  /** W3/W4 shape: SUM, AVERAGE or CONCATENATE of 250 literal arguments. */
  @Benchmark
  public EvalOutcome w4WideCall(Cursor c) {
    return c.warm.evaluate(wide[c.next++ % WIDE], VariableSource.NONE, c.next);
  }
}

package xlspark.compile;

import java.util.List;
import java.util.Map;
import org.apache.commons.jexl3.JexlBuilder;
import org.apache.commons.jexl3.JexlContext;
import org.apache.commons.jexl3.JexlEngine;
import org.apache.commons.jexl3.JexlFeatures;
import org.apache.commons.jexl3.JexlScript;
import org.apache.commons.jexl3.introspection.JexlPermissions;
import xlspark.functions.EvalContext;
import xlspark.functions.library.FunctionRegistry;
import xlspark.value.Value;

/**
 * The JEXL engine formulas run in. Features: expressions only (no script statements, loops, side effects,
 * {@code new}, method calls, lambdas, pragmas, annotations, local variables, structured literals);
 * strict, not silent, not null-safe. Permissions start from {@link JexlPermissions#NONE} and expose only
 * {@link ExcelArithmetic}; functions are reached only through the {@code xl} namespace.
 */
public final class JexlSandbox {
  /** The namespace prefix of registry functions in emitted JEXL. */
  public static final String NAMESPACE = "xl";

  static final JexlFeatures FEATURES = new JexlFeatures()
      .script(false)
      .loops(false)
      .sideEffect(false)
      .sideEffectGlobal(false)
      .newInstance(false)
      .methodCall(false)
      .lambda(false)
      .thinArrow(false)
      .fatArrow(false)
      .pragma(false)
      .pragmaAnywhere(false)
      .namespacePragma(false)
      .importPragma(false)
      .annotation(false)
      .localVar(false)
      .structuredLiteral(false)
      .arrayReferenceExpr(false)
      .register(false)
      .comparatorNames(false)
      .constCapture(true);

  /**
   * The context of the script running on this thread. JEXL calls operator overloads and namespace functions with
   * no way to hand them anything but their operands, so {@link #run} binds the run's context here for the length
   * of the script: the one piece of thread-bound state of the engine, never visible outside a script's run.
   */
  private static final ThreadLocal<EvalContext> RUNNING = new ThreadLocal<>();

  private final JexlEngine engine;
  private final FunctionNamespace namespace;

  public JexlSandbox(FunctionRegistry registry) {
    this.namespace = new FunctionNamespace(registry);
    JexlPermissions permissions = new JexlPermissions.ClassPermissions(JexlPermissions.NONE,
        List.of(ExcelArithmetic.class.getCanonicalName()));
    JexlEngine denied = new JexlBuilder().permissions(permissions).create();
    this.engine = new JexlBuilder()
        .uberspect(new SandboxUberspect(denied.getUberspect(), namespace))
        .arithmetic(new ExcelArithmetic())
        .features(FEATURES)
        .namespaces(Map.of(NAMESPACE, namespace))
        .strict(true)
        .safe(false)
        .silent(false)
        .debug(false)
        .cancellable(true)
        .cache(0)
        .create();
  }

  /**
   * Compiles emitted JEXL. Its only free names are the slots {@code s0..sN}, read from the
   * {@link SlotContext} at run time. Throws JexlException for anything refused.
   */
  public JexlScript compile(String jexlSource) {
    return engine.createScript(FEATURES, null, jexlSource);
  }

  /**
   * Runs a compiled script with its slot values; no other variable is in scope. Slots travel in a context
   * rather than as script parameters because JEXL builds a frame per call for parameters, which costs more
   * than the formula itself. Anything but an Excel value as the result (a raw JEXL number, string, boolean
   * or null, which only text that bypassed the translator could produce) is refused, so no non-Excel value
   * ever leaves the sandbox.
   */
  public Value run(JexlScript script, Object[] slots, EvalContext ctx) {
    EvalContext outer = RUNNING.get();
    RUNNING.set(ctx);
    Object r;
    try {
      r = script.execute(new SlotContext(slots));
    } finally {
      RUNNING.set(outer);
    }
    if (r instanceof Value v) {
      return v;
    }
    throw new IllegalStateException("script produced " + (r == null ? "null" : "a " + r.getClass().getSimpleName())
        + ", not an Excel value");
  }

  /** The context of the script running on this thread (for the operators and functions JEXL calls). */
  static EvalContext running() {
    EvalContext c = RUNNING.get();
    if (c == null) {
      throw new IllegalStateException("no script running on this thread");
    }
    return c;
  }

  JexlEngine engine() {
    return engine;
  }

  /** Read-only context of a formula's slot values: {@code s<i>} is slot i; nothing else exists. */
  static final class SlotContext implements JexlContext {
    private final Object[] slots;

    SlotContext(Object[] slots) {
      this.slots = slots;
    }

    private int index(String name) {
      int n = name.length();
      if (n < 2 || n > 6 || name.charAt(0) != 's') {
        return -1;
      }
      int i = 0;
      for (int k = 1; k < n; k++) {
        char c = name.charAt(k);
        if (c < '0' || c > '9') {
          return -1;
        }
        i = i * 10 + (c - '0');
      }
      return i < slots.length ? i : -1;
    }

    @Override
    public Object get(String name) {
      int i = index(name);
      return i < 0 ? null : slots[i];
    }

    @Override
    public void set(String name, Object value) {
      throw new UnsupportedOperationException("formulas cannot set variables");
    }

    @Override
    public boolean has(String name) {
      return index(name) >= 0;
    }
  }
}

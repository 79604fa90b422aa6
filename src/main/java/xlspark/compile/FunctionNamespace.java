package xlspark.compile;

import java.util.HashMap;
import java.util.Map;
import xlspark.functions.EvalContext;
import xlspark.functions.FunctionRegistry;
import xlspark.functions.FunctionSpec;

/**
 * The object bound to the JEXL namespace {@code xl}. It has no methods of its own that JEXL could reach:
 * {@link SandboxUberspect} resolves {@code xl:NAME(...)} to the registry's function of that name, and
 * nothing else. The evaluator sets the thread's {@link EvalContext} before running a script.
 */
public final class FunctionNamespace {
  private static final ThreadLocal<EvalContext> CONTEXT = new ThreadLocal<>();

  private final Map<String, FunctionSpec> byJexlName = new HashMap<>();

  FunctionNamespace(FunctionRegistry registry) {
    for (FunctionSpec s : registry.all()) {
      byJexlName.put(jexlName(s.name()), s);
    }
  }

  /** The identifier a function has in emitted JEXL: its Excel name with '.' as '_' ({@code STDEV.S} to {@code STDEV_S}). */
  public static String jexlName(String excelName) {
    return excelName.replace('.', '_');
  }

  FunctionSpec function(String jexlName) {
    return byJexlName.get(jexlName);
  }

  /** Sets the context the functions of scripts run on this thread read. */
  public static void setContext(EvalContext ctx) {
    CONTEXT.set(ctx);
  }

  static EvalContext context() {
    EvalContext c = CONTEXT.get();
    if (c == null) {
      throw new IllegalStateException("no evaluation context on this thread");
    }
    return c;
  }
}

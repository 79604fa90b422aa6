package xlspark.compile;

import java.util.List;
import java.util.Map;
import org.apache.commons.jexl3.JexlBuilder;
import org.apache.commons.jexl3.JexlContext;
import org.apache.commons.jexl3.JexlEngine;
import org.apache.commons.jexl3.JexlFeatures;
import org.apache.commons.jexl3.JexlScript;
import org.apache.commons.jexl3.introspection.JexlPermissions;
import xlspark.functions.FunctionRegistry;

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

  /** Compiles emitted JEXL with the given parameter names. Throws JexlException for anything refused. */
  public JexlScript compile(String jexlSource, String... parameters) {
    return engine.createScript(FEATURES, null, jexlSource, parameters);
  }

  /** Runs a compiled script with no variables in scope: formulas see only their parameters. */
  public Object run(JexlScript script, Object[] args) {
    return script.execute(EmptyContext.INSTANCE, args);
  }

  JexlEngine engine() {
    return engine;
  }

  /** A context that holds nothing and accepts nothing. */
  static final class EmptyContext implements JexlContext {
    static final EmptyContext INSTANCE = new EmptyContext();

    @Override
    public Object get(String name) {
      return null;
    }

    @Override
    public void set(String name, Object value) {
      throw new UnsupportedOperationException("formulas cannot set variables");
    }

    @Override
    public boolean has(String name) {
      return false;
    }
  }
}

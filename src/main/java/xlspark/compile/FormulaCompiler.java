package xlspark.compile;

import org.apache.commons.jexl3.JexlException;
import org.apache.commons.jexl3.JexlScript;
import xlspark.formula.FormulaSyntaxException;
import xlspark.formula.Lexed;
import xlspark.formula.Parser;
import xlspark.formula.SourceSpan;
import xlspark.formula.ast.Expr;
import xlspark.functions.EvalContext;
import xlspark.functions.FunctionRegistry;

/**
 * Formula text to {@link Template}: parse, translate to JEXL, compile in the sandbox, cache by shape.
 * One per JVM ({@link #shared()}), shared by every partition and task of an executor.
 */
public final class FormulaCompiler {
  private static volatile FormulaCompiler shared;

  private final FunctionRegistry registry;
  private final JexlSandbox sandbox;
  private final JexlTranslator translator;
  private final TemplateCache cache;

  public FormulaCompiler(FunctionRegistry registry, int cacheSize) {
    this.registry = registry;
    this.sandbox = new JexlSandbox(registry);
    this.translator = new JexlTranslator(registry, EvalContext.DEFAULT_MAX_ARRAY_CELLS);
    this.cache = new TemplateCache(cacheSize);
  }

  /** The JVM's compiler over the standard registry, created on first use. */
  public static FormulaCompiler shared() {
    FormulaCompiler c = shared;
    if (c == null) {
      synchronized (FormulaCompiler.class) {
        c = shared;
        if (c == null) {
          c = new FormulaCompiler(FunctionRegistry.standard(), xlspark.eval.EngineOptions.DEFAULT_TEMPLATE_CACHE);
          shared = c;
        }
      }
    }
    return c;
  }

  /** The cached template of a lexed formula's shape, or null. */
  public Template cached(Lexed lexed) {
    return cache.get(lexed.shapeKey());
  }

  /** Parses and compiles a lexed formula's shape and caches it. */
  public Template compile(Lexed lexed) throws FormulaSyntaxException {
    Expr ast = Parser.parse(lexed);
    JexlTranslator.Translation t = translator.translate(ast, lexed.workbook());
    JexlScript script;
    try {
      script = sandbox.compile(t.jexl());
    } catch (JexlException e) {
      throw new FormulaSyntaxException("Formula could not be compiled: " + e.getMessage(), SourceSpan.NONE);
    }
    Template template = new Template(lexed.shapeKey(), t, script);
    cache.put(template);
    return template;
  }

  public JexlSandbox sandbox() {
    return sandbox;
  }

  public TemplateCache cache() {
    return cache;
  }

  public FunctionRegistry registry() {
    return registry;
  }
}

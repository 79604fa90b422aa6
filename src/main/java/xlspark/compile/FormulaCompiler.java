package xlspark.compile;

import org.apache.commons.jexl3.JexlException;
import org.apache.commons.jexl3.JexlScript;
import xlspark.formula.FormulaSyntaxException;
import xlspark.formula.Lexed;
import xlspark.formula.Parser;
import xlspark.formula.SourceSpan;
import xlspark.formula.ast.Expr;
import xlspark.functions.library.FunctionRegistry;
import xlspark.value.Limits;

/**
 * The engine of a JVM: the function registry, the JEXL sandbox, the translator, the interpreter and the template
 * cache (sized once, when the engine is made). Formula text to {@link Template}: parse, translate to JEXL,
 * compile in the sandbox, cache by shape. One per JVM ({@link #shared}), shared by every partition and task of
 * an executor; what differs between runs (limits, clock, seed) travels in the run's
 * {@link xlspark.functions.EvalContext}, never here.
 */
public final class FormulaCompiler {
  /**
   * A shape is compiled to JEXL on its this-many-th sighting; before that the {@link Interpreter} runs it from
   * its AST. A compile costs about as much as 20-60 interpreted rows, so compiling later than the first repeat
   * keeps shapes that come a few times only (random nesting, one-off formulas) off the compile path, while a
   * template that repeats thousands of times is compiled after a negligible delay. See docs/engine.md.
   */
  public static final int DEFAULT_COMPILE_AFTER = 16;
  /** The template cache's bound on entries unless the first run of the JVM asks for another. */
  public static final int DEFAULT_TEMPLATE_CACHE = 10_000;

  private static volatile FormulaCompiler shared;

  private final FunctionRegistry registry;
  private final JexlSandbox sandbox;
  private final JexlTranslator translator;
  private final TemplateCache cache;
  private final Interpreter interpreter;
  private final ShapeCounter counter = new ShapeCounter();
  private volatile int compileAfter = DEFAULT_COMPILE_AFTER;

  public FormulaCompiler(FunctionRegistry registry, int cacheSize) {
    this.registry = registry;
    this.interpreter = new Interpreter(registry);
    this.sandbox = new JexlSandbox(registry);
    this.translator = new JexlTranslator(registry);
    this.cache = new TemplateCache(cacheSize);
  }

  /** The JVM's engine over the standard registry, created on first use with the default cache size. */
  public static FormulaCompiler shared() {
    return shared(DEFAULT_TEMPLATE_CACHE);
  }

  /**
   * The JVM's engine over the standard registry. The first call sizes its template cache; later calls get the
   * same engine whatever size they name (the cache is the JVM's, not a run's; see docs/engine.md).
   */
  public static FormulaCompiler shared(int cacheSize) {
    FormulaCompiler c = shared;
    if (c == null) {
      synchronized (FormulaCompiler.class) {
        c = shared;
        if (c == null) {
          c = new FormulaCompiler(FunctionRegistry.standard(), cacheSize);
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

  /** Parses and compiles a lexed formula's shape with the default array limit and caches it. */
  public Template compile(Lexed lexed) throws FormulaSyntaxException {
    return compile(lexed, Limits.DEFAULT_MAX_ARRAY_CELLS);
  }

  /**
   * Parses and compiles a lexed formula's shape and caches it; an array constant of more than
   * {@code maxArrayCells} cells (the run's limit) is a syntax error.
   */
  public Template compile(Lexed lexed, int maxArrayCells) throws FormulaSyntaxException {
    Expr ast = Parser.parse(lexed);
    JexlTranslator.Translation t = translator.translate(ast, lexed.workbook(), maxArrayCells);
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

  /**
   * Counts a sighting of a shape that has no template and says whether to compile it now (true) or to run
   * it in the interpreter. {@code compileAfter} 1 compiles every shape on first sight (the single-tier engine).
   * Shapes with LET, LAMBDA or a lambda helper are never compiled: only the interpreter binds names.
   */
  public boolean shouldCompile(Lexed lexed) {
    if (ShapeCheck.needsInterpreter(lexed.shapeKey(), registry)) {
      return false;
    }
    int after = compileAfter;
    return after <= 1 || counter.increment(lexed.shapeKey()) >= after;
  }

  /**
   * Sets the sighting on which a shape is compiled: 1 compiles every shape at once (JEXL only), above 255
   * never (interpreter only); both extremes exist for tests and benchmarks.
   */
  public void setCompileAfter(int sightings) {
    if (sightings < 1) {
      throw new IllegalArgumentException("compile-after must be at least 1, got " + sightings);
    }
    this.compileAfter = sightings;
  }

  public int compileAfter() {
    return compileAfter;
  }

  /** Parses a lexed formula for the interpreter and applies the same checks a compile with this limit does. */
  public Expr parseChecked(Lexed lexed, int maxArrayCells) throws FormulaSyntaxException {
    Expr ast = Parser.parse(lexed);
    FormulaSyntaxException f = ShapeCheck.failure(ast, lexed.workbook(), registry, maxArrayCells);
    if (f != null) {
      throw f;
    }
    return ast;
  }

  /**
   * What a formula refers to and whether it may run, without compiling it: from the cached template of its
   * shape, else from its AST (a dry run over a million one-off shapes must not pay a million compiles).
   */
  public ShapeCheck.Result inspect(Lexed lexed, int maxArrayCells) throws FormulaSyntaxException {
    Template t = cached(lexed);
    if (t != null && t.largestArrayConstant() <= maxArrayCells) {
      return new ShapeCheck.Result(null, t.variables(), t.functions(), t.unknownFunctions(), t.isVolatile());
    }
    return ShapeCheck.check(Parser.parse(lexed), lexed.workbook(), registry, maxArrayCells);
  }

  public Interpreter interpreter() {
    return interpreter;
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

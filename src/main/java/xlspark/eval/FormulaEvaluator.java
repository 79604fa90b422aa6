package xlspark.eval;

import java.time.LocalDateTime;
import java.util.TreeSet;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import org.apache.commons.jexl3.JexlException;
import xlspark.compile.FormulaCompiler;
import xlspark.compile.LazyFallback;
import xlspark.compile.ShapeCheck;
import xlspark.compile.Template;
import xlspark.formula.FormulaSyntaxException;
import xlspark.formula.Lexed;
import xlspark.formula.Lexer;
import xlspark.formula.ast.Expr;
import xlspark.functions.EvalContext;
import xlspark.functions.WorkbookAccess;
import xlspark.value.Budget;
import xlspark.value.DateSystem;
import xlspark.value.DeadlineExceeded;
import xlspark.value.ExcelError;
import xlspark.value.Limits;
import xlspark.value.NumberText;
import xlspark.value.Value;

/**
 * Evaluates formula text to an {@link EvalOutcome}: lex, find the compiled template of the formula's shape
 * (or parse and compile it once), bind literals and variables, run it in the JEXL sandbox. This is the only
 * catch boundary: syntax errors, limits, time-outs and engine failures become ERROR outcomes, so one bad
 * formula never fails a task. Not thread-safe: one per partition or thread; the template cache is per JVM.
 */
public final class FormulaEvaluator {
  /** One formula's parse or compile ran out of memory: that row fails, the task goes on (sizes are bounded). */
  private static final String COMPILE_MEMORY = "formula needs more memory than allowed to compile";

  private final EngineOptions options;
  private final FormulaCompiler compiler;
  private final Limits limits;
  private final EvalContext ctx;
  private long formulas;
  private long errors;
  private long parseNanos;
  private long compileNanos;
  private long evalNanos;
  private long hits;
  private long misses;
  private long interpreted;
  private long fallbacks;
  /**
   * Recent cache misses minus hits, kept within [0, {@value #COLD_MAX}]: while it is above zero most rows are
   * shapes of their own (random nesting, signs), so a row is lexed once with its tokens, which the interpreter or
   * the compiler then parses, instead of a shape lex for the lookup and a full lex after the miss.
   */
  private int coldScore;
  private static final int COLD_MAX = 16;

  /** An evaluator on the JVM's engine (made on first use, its template cache sized by the first options). */
  public FormulaEvaluator(EngineOptions options) {
    this(options, FormulaCompiler.shared(options.templateCacheSize()));
  }

  public FormulaEvaluator(EngineOptions options, FormulaCompiler compiler) {
    this(options, compiler, System::nanoTime);
  }

  /**
   * An evaluator whose expression deadlines run on {@code clock} (nanoseconds; {@link System#nanoTime()} in every
   * run): tests of the time budget move it themselves instead of depending on the machine's speed.
   */
  public FormulaEvaluator(EngineOptions options, FormulaCompiler compiler, LongSupplier clock) {
    this(options, compiler, clock, DateSystem.EXCEL_1900);
  }

  /**
   * An evaluator for a workbook whose serials count in {@code dates} (its own date system: 1904 for a workbook
   * saved so). The system is part of the run's {@link Limits}, which every function and operator reads through
   * the evaluation context or the row's budget.
   */
  public FormulaEvaluator(EngineOptions options, DateSystem dates) {
    this(options, FormulaCompiler.shared(options.templateCacheSize()), System::nanoTime, dates);
  }

  public FormulaEvaluator(EngineOptions options, FormulaCompiler compiler, LongSupplier clock, DateSystem dates) {
    this.options = options;
    this.compiler = compiler;
    this.limits = options.limits().withDates(dates);
    double nowSerial = dates.of(LocalDateTime.ofInstant(options.now(), options.timeZone()));
    this.ctx = new EvalContext(nowSerial, options.seed(), options.allowedUrlPrefixes(), limits, clock);
  }

  /** Evaluates one formula; {@code rowId} seeds the volatile functions of this row. */
  public EvalOutcome evaluate(String formula, VariableSource vars, long rowId) {
    EvalOutcome o = outcome(evaluateValue(formula, vars, rowId));
    if (o.isError()) {
      errors++;
    }
    return o;
  }

  /** Evaluates one formula to its full value (arrays included, as a spilling cell would show them). */
  public Value evaluateValue(String formula, VariableSource vars, long rowId) {
    try {
      return evaluateStages(formula, vars, rowId);
    } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
      // The boundary covers every stage, lexing and compiling included: a failure anywhere ends this row only.
      return failed(e);
    }
  }

  private Value evaluateStages(String formula, VariableSource vars, long rowId) {
    formulas++;
    Prepared p = compileOrGet(formula, false);
    if (p.error() != null) {
      return p.error();
    }
    if (p.template() == null) {
      interpreted++;
      return interpret(formula, p.lexed(), vars, rowId, false);
    }
    long t0 = System.nanoTime();
    Value v = run(p.template(), p.lexed(), vars, null, rowId);
    evalNanos += System.nanoTime() - t0;
    return v;
  }

  /**
   * A formula compiled for its shape (in workbook mode with its references hoisted), the reason it cannot run
   * ({@code error}), or neither: an expression-mode shape not worth a compile yet, which the interpreter runs.
   */
  public record Prepared(Lexed lexed, Template template, Value error) {
  }

  /** Lexes a workbook formula and finds or compiles its template; syntax errors are in the result. */
  public Prepared prepareWorkbook(String formula) {
    try {
      return compileOrGet(formula, true);
    } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
      return new Prepared(null, null, failed(e));
    }
  }

  /**
   * The one path from formula text to a template, for both modes: lex the shape, find its template in the JVM's
   * cache, else (once the tiering says so; workbook formulas at once) lex fully and compile it with the run's
   * limits. A template compiled under a larger array limit than this run's is compiled again, which refuses it.
   * While most rows miss the cache ({@link #coldScore}), the first lex keeps its tokens so that none is lexed
   * twice; a hit then costs the token list, a miss saves a second lex.
   */
  private Prepared compileOrGet(String formula, boolean workbook) {
    long t0 = System.nanoTime();
    Lexed lexed;
    Template template;
    try {
      boolean full = !workbook && coldScore > 0;
      lexed = workbook ? Lexer.shapeWorkbook(formula) : full ? Lexer.lex(formula) : Lexer.shape(formula);
      template = compiler.cached(lexed);
    } catch (FormulaSyntaxException e) {
      parseNanos += System.nanoTime() - t0;
      return new Prepared(null, null, syntaxError(e));
    }
    long t1 = System.nanoTime();
    parseNanos += t1 - t0;
    if (template != null && template.largestArrayConstant() <= limits.maxArrayCells()) {
      hits++;
      coldScore = Math.max(0, coldScore - 1);
      return new Prepared(lexed, template, null);
    }
    misses++;
    coldScore = Math.min(COLD_MAX, coldScore + 1);
    if (!workbook && template == null && !compiler.shouldCompile(lexed)) {
      return new Prepared(lexed, null, null);
    }
    try {
      if (!hasTokens(lexed)) {
        lexed = workbook ? Lexer.lexWorkbook(formula) : Lexer.lex(formula);
      }
      return new Prepared(lexed, compiler.compile(lexed, limits.maxArrayCells()), null);
    } catch (FormulaSyntaxException e) {
      return new Prepared(null, null, syntaxError(e));
    } catch (StackOverflowError e) {
      return new Prepared(null, null, Value.err(ExcelError.ERROR, "formula too deeply nested to compile"));
    } catch (OutOfMemoryError e) {
      return new Prepared(null, null, Value.err(ExcelError.ERROR, COMPILE_MEMORY));
    } catch (RuntimeException e) {
      return new Prepared(null, null, Value.err(ExcelError.ERROR, "formula could not be compiled: " + describe(e)));
    } finally {
      compileNanos += System.nanoTime() - t1;
    }
  }

  /**
   * Runs a formula in the interpreter, with the same checks, values, types and messages as its template would
   * give (TierDifferentialTest holds the two tiers to that): the cold tier, for a shape not worth a compile yet,
   * or ({@code rerun}) a row the JEXL tier handed over midway because a lazy call's decision was not one branch
   * (an array or error condition), which keeps the row's deadline and starts its random draws over.
   */
  private Value interpret(String formula, Lexed lexedBefore, VariableSource vars, long rowId, boolean rerun) {
    long t0 = System.nanoTime();
    Lexed lexed;
    Expr ast;
    try {
      lexed = hasTokens(lexedBefore) ? lexedBefore : Lexer.lex(formula);
      ast = compiler.parseChecked(lexed, limits.maxArrayCells());
    } catch (FormulaSyntaxException e) {
      return syntaxError(e);
    } catch (StackOverflowError e) {
      return Value.err(ExcelError.ERROR, "formula too deeply nested to compile");
    } catch (OutOfMemoryError e) {
      return Value.err(ExcelError.ERROR, COMPILE_MEMORY);
    } finally {
      if (!rerun) {
        parseNanos += System.nanoTime() - t0;
      }
    }
    long t1 = System.nanoTime();
    if (rerun) {
      ctx.restartRow();
    } else {
      ctx.enterRow(rowId);
    }
    try {
      return compiler.interpreter().run(ast, lexed.literals(), name -> lookup(vars, name), ctx);
    } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
      return failed(e);
    } finally {
      if (!rerun) {
        ctx.exitRow();
        evalNanos += System.nanoTime() - t1;
      }
    }
  }

  /**
   * Runs a prepared workbook formula: {@code refs} supplies its references, names and structured references,
   * {@code workbook} what reference-taking functions see. The raw value: arrays and references as they are.
   */
  public Value evaluateWorkbook(Prepared p, Template.References refs, WorkbookAccess workbook, long rowId) {
    formulas++;
    if (p.error() != null) {
      errors++;
      return p.error();
    }
    long t0 = System.nanoTime();
    WorkbookAccess saved = ctx.workbook();
    ctx.setWorkbook(workbook);
    try {
      Value v = run(p.template(), p.lexed(), VariableSource.NONE, refs, rowId);
      if (v.isError()) {
        errors++;
      }
      return v;
    } finally {
      ctx.setWorkbook(saved);
      evalNanos += System.nanoTime() - t0;
    }
  }

  private Value run(Template template, Lexed lexed, VariableSource vars, Template.References refs, long rowId) {
    // A run inside another (a defined name, an INDIRECT target) keeps the enclosing row's budget and stream.
    ctx.enterRow(rowId);
    try {
      Object[] args = refs == null ? template.bind(lexed.literals(), name -> lookup(vars, name))
          : template.bind(lexed.literals(), lexed.refs(), name -> lookup(vars, name), refs);
      return compiler.sandbox().run(template.script(), args, ctx);
    } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
      Throwable cause = e instanceof JexlException ? rootCause(e) : e;
      if (cause instanceof LazyFallback && refs == null) {
        fallbacks++;
        return interpret(lexed.text(), lexed, vars, rowId, true);
      }
      return failed(e);
    } finally {
      ctx.exitRow();
    }
  }

  /** A full lex (the parser's input), not only the shape a cache lookup needs. */
  private static boolean hasTokens(Lexed lexed) {
    return lexed != null && !lexed.tokens().isEmpty();
  }

  /** The one mapping of a failure during evaluation (either tier) to the row's error value. */
  private static Value failed(Throwable e) {
    Throwable cause = e instanceof JexlException ? rootCause(e) : e;
    if (cause instanceof DeadlineExceeded t) {
      return Value.err(ExcelError.ERROR, "time-out: " + t.getMessage());
    }
    if (cause instanceof StackOverflowError) {
      return Value.err(ExcelError.ERROR, "formula too deeply nested to evaluate");
    }
    if (cause instanceof OutOfMemoryError) {
      // Sizes are bounded (text, arrays), so this is one row's oversized allocation failing, not a full heap.
      return Value.err(ExcelError.ERROR, "formula needs more memory than allowed");
    }
    return Value.err(ExcelError.ERROR, "evaluation failed: " + describe(rootCause(cause)));
  }

  private Object lookup(VariableSource vars, String name) {
    Object o = vars.lookup(name);
    if (o == VariableSource.UNKNOWN && options.constants().containsKey(name)) {
      return options.constants().get(name);
    }
    return o;
  }

  private static Throwable rootCause(Throwable t) {
    Throwable c = t;
    while (c.getCause() != null && c.getCause() != c) {
      c = c.getCause();
    }
    return c;
  }

  private static String describe(Throwable t) {
    String m = t.getMessage();
    return m == null ? t.getClass().getSimpleName() : m;
  }

  private static Value syntaxError(FormulaSyntaxException e) {
    return Value.err(ExcelError.ERROR, "syntax error: " + e.getMessage());
  }

  /** The outcome of a value: an array reports its top-left cell, as a non-spilling cell would. */
  public static EvalOutcome outcome(Value v) {
    if (v instanceof Value.Arr a) {
      v = a.cells()[0];
    }
    if (v instanceof Value.Num n) {
      double d = n.v() == 0 ? 0.0 : n.v();
      return new EvalOutcome(ResultType.NUMBER, NumberText.shortest(d), d, null);
    }
    if (v instanceof Value.Text t) {
      return new EvalOutcome(ResultType.TEXT, t.s(), null, null);
    }
    if (v instanceof Value.Bool b) {
      return new EvalOutcome(ResultType.BOOLEAN, b.b() ? "TRUE" : "FALSE", null, null);
    }
    if (v instanceof Value.Err e) {
      String msg = e.message() != null ? e.message() : defaultMessage(e.code());
      return new EvalOutcome(ResultType.ERROR, e.code().text(), null, msg);
    }
    return new EvalOutcome(ResultType.BLANK, "", null, null);
  }

  private static String defaultMessage(ExcelError e) {
    return switch (e) {
      case NULL -> "empty intersection";
      case DIV0 -> "division by zero";
      case VALUE -> "wrong type of argument or operand";
      case REF -> "invalid reference";
      case NAME -> "unknown name";
      case NUM -> "number out of range";
      case NA -> "value not available";
      case ERROR -> "formula rejected";
      case CALC -> "empty result";
    };
  }

  /**
   * Dry run: parses and checks a formula without evaluating it. Returns null when it is fine, otherwise an
   * ERROR outcome whose message names the syntax error, unknown functions or unknown variables.
   */
  public EvalOutcome check(String formula, Predicate<String> isKnownVariable) {
    ShapeCheck.Result t;
    try {
      t = compiler.inspect(Lexer.lex(formula), limits.maxArrayCells());
      if (t.failure() != null) {
        throw t.failure();
      }
    } catch (FormulaSyntaxException e) {
      return outcome(syntaxError(e));
    }
    TreeSet<String> unknownVars = new TreeSet<>();
    for (String v : t.variables()) {
      if (!isKnownVariable.test(v) && !options.constants().containsKey(v)) {
        unknownVars.add(v);
      }
    }
    if (t.unknownFunctions().isEmpty() && unknownVars.isEmpty()) {
      return null;
    }
    StringBuilder msg = new StringBuilder();
    if (!t.unknownFunctions().isEmpty()) {
      msg.append("unknown function").append(t.unknownFunctions().size() > 1 ? "s " : " ")
          .append(String.join(", ", new TreeSet<>(t.unknownFunctions())));
    }
    if (!unknownVars.isEmpty()) {
      if (msg.length() > 0) {
        msg.append("; ");
      }
      msg.append("unknown variable").append(unknownVars.size() > 1 ? "s " : " ").append(String.join(", ", unknownVars));
    }
    return new EvalOutcome(ResultType.ERROR, ExcelError.NAME.text(), null, msg.toString());
  }

  /** Rows the JEXL tier handed to the interpreter because a lazy call's decision was not one branch. */
  public long fallbacks() {
    return fallbacks;
  }

  public EngineStats stats() {
    return new EngineStats(formulas, errors, parseNanos, compileNanos, evalNanos, hits, misses, interpreted);
  }

  public EngineOptions options() {
    return options;
  }

  /** The budget of the row being evaluated, for the workbook's range reads. */
  public Budget budget() {
    return ctx.budget();
  }
}

package xlspark.functions;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import xlspark.value.Budget;
import xlspark.value.Coerce;
import xlspark.value.DateSystem;
import xlspark.value.Value;
import xlspark.value.Value.Arr;
import xlspark.value.Value.Err;
import xlspark.value.Value.Num;
import xlspark.value.Value.Text;

/**
 * One Excel function: its name, category, arguments (kinds and the defaults of optional ones), error policy and
 * body. The registry-side work (arity, coercion, defaults, error propagation, lifting over arrays, NaN to #NUM!,
 * text length) happens in {@link #invoke}, so bodies take plain coerced arguments.
 */
public final class FunctionSpec {
  /** A function body: gets coerced arguments, returns a value (errors as values). */
  @FunctionalInterface
  public interface Body {
    Value apply(Args args);
  }

  private final String name;
  private final Category category;
  private final List<ArgKind> kinds;
  /** The declared arguments' names (null for an argument declared without one). */
  private final List<String> names;
  private final int minArgs;
  private final int maxArgs;
  private final ArgKind repeatKind;
  /** Per declared argument: its default when omitted (null: none), and whether an empty argument takes it too. */
  private final Value[] defaults;
  private final boolean[] skippable;
  /** Calls with fewer arguments get the defaults up to here. */
  private final int defaultedArgs;
  private final ErrorPolicy errorPolicy;
  private final boolean volatileFn;
  private final boolean interpreterOnly;
  private final Body body;

  private FunctionSpec(Builder b) {
    this.name = b.name;
    this.category = b.category;
    this.kinds = List.copyOf(b.kinds);
    this.names = java.util.Collections.unmodifiableList(new ArrayList<>(b.names));
    this.minArgs = b.required;
    this.maxArgs = b.repeatKind == null ? b.kinds.size() : b.maxArgs;
    this.repeatKind = b.repeatKind;
    this.defaults = b.defaults.toArray(new Value[0]);
    this.skippable = new boolean[defaults.length];
    int last = 0;
    for (int i = 0; i < defaults.length; i++) {
      skippable[i] = b.skippable.get(i);
      last = defaults[i] != null ? i + 1 : last;
    }
    this.defaultedArgs = last;
    this.errorPolicy = b.errorPolicy;
    this.volatileFn = b.volatileFn;
    this.interpreterOnly = b.interpreterOnly;
    this.body = b.body;
  }

  public static Builder builder(String name, Body body) {
    return new Builder(name, body);
  }

  /** {@code NAME(number)} returning a number, e.g. SQRT. */
  public static FunctionSpec unary(String name, DoubleUnaryOperator f) {
    return builder(name, a -> Coerce.number(f.applyAsDouble(a.num(0)))).arg(ArgKind.NUMBER).build();
  }

  /** {@code NAME(number, number)} returning a number, e.g. POWER. */
  public static FunctionSpec binary(String name, DoubleBinaryOperator f) {
    return builder(name, a -> Coerce.number(f.applyAsDouble(a.num(0), a.num(1))))
        .args(ArgKind.NUMBER, ArgKind.NUMBER).build();
  }

  public String name() {
    return name;
  }

  public Category category() {
    return category;
  }

  public int minArgs() {
    return minArgs;
  }

  public int maxArgs() {
    return maxArgs;
  }

  public boolean isVolatile() {
    return volatileFn;
  }

  /**
   * True for the functions that bind names or call function values (LET, LAMBDA, the lambda helpers): only the
   * engine's interpreter evaluates them, so a formula using one is never compiled to a template.
   */
  public boolean isInterpreterOnly() {
    return interpreterOnly;
  }

  public ErrorPolicy errorPolicy() {
    return errorPolicy;
  }

  /** The kind of argument i (repeating kinds extend the last declared ones). */
  public ArgKind kind(int i) {
    if (i < kinds.size()) {
      return kinds.get(i);
    }
    return repeatKind;
  }

  /** The name of declared argument i ({@code "SETTLEMENT"}), or null when it was declared without one. */
  public String argName(int i) {
    return i < names.size() ? names.get(i) : null;
  }

  /** The value optional argument i takes when omitted, or null when it has no default (the body decides). */
  public Value defaultOf(int i) {
    return i < defaults.length ? defaults[i] : null;
  }

  /** Null when {@code n} arguments are acceptable, else the reason. */
  public String checkArity(int n) {
    if (n < minArgs || n > maxArgs) {
      String range = minArgs == maxArgs ? String.valueOf(minArgs)
          : maxArgs >= 255 ? "at least " + minArgs : minArgs + " to " + maxArgs;
      return name + " takes " + range + " argument" + (maxArgs == 1 && minArgs == 1 ? "" : "s") + ", got " + n;
    }
    return null;
  }

  /** Calls the function on evaluated argument values. */
  public Value invoke(Value[] args, EvalContext ctx) {
    long work = Budget.STEP_UNITS;
    for (int i = 0; i < args.length; i++) {
      if (args[i] instanceof Value.Ref r && kind(i) != ArgKind.REFERENCE) {
        args[i] = ctx.read(r, kind(i).isScalar());
      }
      work += args[i] instanceof Arr a ? a.size() : args[i] instanceof Text t ? t.s().length() : 0;
    }
    // A call's work grows with its arguments (cells visited, characters scanned): the deadline is checked in
    // proportion to it. Functions whose work grows faster than their input account for it themselves.
    ctx.spend(work);
    int rows = 0;
    int cols = 0;
    for (int i = 0; i < args.length; i++) {
      if (args[i] instanceof Arr a && kind(i).isScalar()) {
        rows = Math.max(rows, a.rows());
        cols = Math.max(cols, a.cols());
      }
    }
    if (rows == 0) {
      return callScalar(args, ctx);
    }
    if ((long) rows * cols > ctx.maxArrayCells()) {
      return Value.err(xlspark.value.ExcelError.NUM, "array result larger than " + ctx.maxArrayCells() + " cells");
    }
    Value[] out = new Value[rows * cols];
    Value[] cell = new Value[args.length];
    Budget budget = ctx.budget();
    // Each lifted call goes over the arguments that are not lifted (a lookup table, a long text) again.
    long perCall = Budget.STEP_UNITS;
    for (int i = 0; i < args.length; i++) {
      if (!(args[i] instanceof Arr && kind(i).isScalar())) {
        perCall += args[i] instanceof Arr a ? a.size() : args[i] instanceof Text t ? t.s().length() : 0;
      }
    }
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        long cellWork = perCall;
        for (int i = 0; i < args.length; i++) {
          cell[i] = args[i] instanceof Arr a && kind(i).isScalar() ? a.broadcastGet(r, c) : args[i];
          cellWork += cell[i] instanceof Text t ? t.s().length() : 0;
        }
        ctx.spend(cellWork);
        Value v = callScalar(cell.clone(), ctx);
        if (v instanceof Arr a) {
          v = a.cells()[0];
        }
        if (v instanceof Text t && !budget.spendArrayText(t.s().length())) {
          return budget.tooMuchText();
        }
        out[r * cols + c] = v;
      }
    }
    return new Arr(rows, cols, out);
  }

  private Value callScalar(Value[] given, EvalContext ctx) {
    Value[] args = given;
    if (given.length < defaultedArgs) {
      args = Arrays.copyOf(given, defaultedArgs);
      for (int i = given.length; i < defaultedArgs; i++) {
        // An omitted argument without a default before one with a default is as if written empty, F(x,,y).
        args[i] = defaults[i] != null ? defaults[i] : Value.MISSING;
      }
    }
    Value firstError = null;
    boolean[] empty = null;
    for (int i = 0; i < args.length; i++) {
      if (args[i] == Value.MISSING && i < skippable.length && skippable[i]) {
        args[i] = defaults[i];   // written empty, F(x,,y): this argument takes its default then too
      } else if (args[i] == Value.MISSING) {
        if (empty == null) {
          empty = new boolean[args.length];
        }
        empty[i] = true;
      }
      Value v = kind(i).coerce(args[i], ctx.dates());
      args[i] = v;
      if (firstError == null && v instanceof Err) {
        firstError = v;
      }
    }
    if (firstError != null && errorPolicy == ErrorPolicy.PROPAGATE) {
      return firstError;
    }
    return normalize(body.apply(new Args(args, given.length, ctx, empty)), ctx);
  }

  private static Value normalize(Value v, EvalContext ctx) {
    if (v instanceof Arr a && a.size() > ctx.maxArrayCells()) {
      return Value.err(xlspark.value.ExcelError.NUM, "array result larger than " + ctx.maxArrayCells() + " cells");
    }
    if (v instanceof Arr a) {
      // Building the result was work too (ROW of a whole column, SEQUENCE): counted before it is used.
      ctx.spend(a.size());
    }
    if (v instanceof Num n && (Double.isNaN(n.v()) || Double.isInfinite(n.v()))) {
      return Value.err(xlspark.value.ExcelError.NUM);
    }
    if (v instanceof Text t && t.s().length() > Coerce.MAX_TEXT) {
      return Value.err(xlspark.value.ExcelError.VALUE, "text longer than 32,767 characters");
    }
    return Objects.requireNonNull(v, "function returned null");
  }

  @Override
  public String toString() {
    return name;
  }

  /** Builds a {@link FunctionSpec}; the category is set by the registry from the declaring class. */
  public static final class Builder {
    private final String name;
    private final Body body;
    private final List<ArgKind> kinds = new ArrayList<>();
    private final List<String> names = new ArrayList<>();
    private final List<Value> defaults = new ArrayList<>();
    private final List<Boolean> skippable = new ArrayList<>();
    private int required;
    private ArgKind repeatKind;
    private int maxArgs = 255;
    private ErrorPolicy errorPolicy = ErrorPolicy.PROPAGATE;
    private boolean volatileFn;
    private boolean interpreterOnly;
    private Category category;

    private Builder(String name, Body body) {
      this.name = name;
      this.body = body;
    }

    /** A required argument. */
    public Builder arg(ArgKind k) {
      if (required != kinds.size()) {
        throw new IllegalStateException(name + ": required argument after an optional one");
      }
      kinds.add(k);
      names.add(null);
      defaults.add(null);
      skippable.add(false);
      required++;
      return this;
    }

    /** A required argument with a name, checked to stand at its position ({@code p.ordinal()}). */
    public Builder arg(Param p, ArgKind k) {
      return named(p).arg(k).name(p);
    }

    /** An optional argument with a name and a default (see {@link #optionalArg(ArgKind, Object)}). */
    public Builder optionalArg(Param p, ArgKind k, Object dflt) {
      return named(p).optionalArg(k, dflt).name(p);
    }

    /** A skippable argument with a name and a default (see {@link #skippableArg(ArgKind, Object)}). */
    public Builder skippableArg(Param p, ArgKind k, Object dflt) {
      return named(p).skippableArg(k, dflt).name(p);
    }

    /** Checks, as the spec is built, that a named argument is declared at its own position. */
    private Builder named(Param p) {
      if (p.ordinal() != kinds.size()) {
        throw new IllegalStateException(name + ": argument " + p.name() + " is at position " + kinds.size()
            + ", its name says " + p.ordinal());
      }
      return this;
    }

    private Builder name(Param p) {
      names.set(names.size() - 1, p.name());
      return this;
    }

    public Builder args(ArgKind... ks) {
      for (ArgKind k : ks) {
        arg(k);
      }
      return this;
    }

    /**
   * An optional argument without a default: the body checks {@link Args#has} or {@link Args#given}. Omitted before
   * an argument with a default, it reads as written empty ({@code Value.MISSING}, or the kind's blank).
   */
    public Builder optionalArg(ArgKind k) {
      kinds.add(k);
      names.add(null);
      defaults.add(null);
      skippable.add(false);
      return this;
    }

    /**
     * An optional argument worth {@code dflt} (a Double, Integer, Boolean, String or Value) when omitted, so the
     * body reads it like a required one. Written empty ({@code LOG(8,)}) it is the kind's blank (0, "", FALSE),
     * as Excel reads most empty arguments; see {@link #skippableArg} for the others.
     */
    public Builder optionalArg(ArgKind k, Object dflt) {
      return defaulted(k, dflt, false);
    }

    /** Like {@link #optionalArg(ArgKind, Object)}, but an argument written empty takes the default too (IRR's guess). */
    public Builder skippableArg(ArgKind k, Object dflt) {
      return defaulted(k, dflt, true);
    }

    private Builder defaulted(ArgKind k, Object dflt, boolean skip) {
      if (k == ArgKind.REFERENCE) {
        throw new IllegalStateException(name + ": a reference argument takes no default");
      }
      Value v = k.coerce(dflt instanceof Value given ? given
          : dflt instanceof Number n ? Value.num(n.doubleValue())
          : dflt instanceof Boolean z ? Value.bool(z)
          : dflt instanceof String t ? Value.text(t)
          : Value.err(xlspark.value.ExcelError.VALUE), DateSystem.EXCEL_1900);
      if (v instanceof Err) {
        throw new IllegalStateException(name + ": default " + dflt + " is not a " + k);
      }
      kinds.add(k);
      names.add(null);
      defaults.add(v);
      skippable.add(skip);
      return this;
    }

    /** Further arguments of one kind after the declared ones, up to {@code max} arguments in all. */
    public Builder repeating(ArgKind k, int max) {
      repeatKind = k;
      maxArgs = max;
      return this;
    }

    /** Like {@link #repeating} with Excel's 255-argument limit. */
    public Builder repeating(ArgKind k) {
      return repeating(k, 255);
    }

    public Builder errorPolicy(ErrorPolicy p) {
      errorPolicy = p;
      return this;
    }

    /** Marks a function that reads the clock or randomness (from {@link EvalContext} only). */
    public Builder volatileFn() {
      volatileFn = true;
      return this;
    }

    /** Marks a function only the interpreter evaluates (see {@link FunctionSpec#isInterpreterOnly}). */
    public Builder interpreterOnly() {
      interpreterOnly = true;
      return this;
    }

    Builder category(Category c) {
      category = c;
      return this;
    }

    public FunctionSpec build() {
      return new FunctionSpec(this);
    }
  }

  /** A copy of this spec filed under a category (used by the registry). */
  public FunctionSpec inCategory(Category c) {
    Builder b = new Builder(name, body);
    b.kinds.addAll(kinds);
    b.names.addAll(names);
    b.defaults.addAll(Arrays.asList(defaults));
    for (boolean s : skippable) {
      b.skippable.add(s);
    }
    b.required = minArgs;
    b.repeatKind = repeatKind;
    b.maxArgs = maxArgs;
    b.errorPolicy = errorPolicy;
    b.volatileFn = volatileFn;
    b.interpreterOnly = interpreterOnly;
    b.category = c;
    return new FunctionSpec(b);
  }
}

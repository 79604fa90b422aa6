package xlspark.compile;

import java.util.ArrayList;
import java.util.List;
import xlspark.formula.ast.Expr;
import xlspark.functions.EvalContext;
import xlspark.functions.FunctionSpec;
import xlspark.functions.library.FunctionRegistry;
import xlspark.value.Budget;
import xlspark.value.Coerce;
import xlspark.value.ExcelError;
import xlspark.value.Value;

/**
 * LET, LAMBDA and the lambda helpers (MAP, REDUCE, SCAN, BYROW, BYCOL, MAKEARRAY, ISOMITTED) for the
 * {@link Interpreter}. A LAMBDA is a {@link Closure}: its parameter names, its body's AST and the names in scope
 * where it was written; it lives only inside the interpreter (bound to a name, passed to a helper or called), never
 * in a cell, a JEXL script or a Java object a formula could reach. Every call of one spends the row's budget, and
 * calls nest at most {@link #MAX_DEPTH} deep, so recursion (through a LAMBDA passed to itself) ends as an error row.
 * The cap is #NUM! whatever the thread's stack: where the stack runs out first (a small {@code -Xss}, frames not yet
 * compiled by the JIT), the call that overflows ends as the same #NUM!, not as an evaluation failure.
 */
final class Lambdas {
  /** How deep LAMBDA calls may nest (Excel stops recursion at a similar depth with #NUM!). */
  static final int MAX_DEPTH = 1_000;

  /** A LAMBDA value: parameters, body, and the formula's literals and names in scope where it was written. */
  record Closure(List<String> params, Expr body, Value[] literals, Template.Variables env) {
  }

  /** The names of a LET or a LAMBDA call over the names around it; {@code depth} counts LAMBDA calls. */
  static final class Scope implements Template.Variables {
    private final Template.Variables outer;
    private final String[] names;
    private final Object[] values;
    private final int depth;

    Scope(Template.Variables outer, String[] names, Object[] values, int depth) {
      this.outer = outer;
      this.names = names;
      this.values = values;
      this.depth = depth;
    }

    @Override
    public Object lookup(String upperCaseName) {
      for (int i = names.length - 1; i >= 0; i--) {
        if (names[i].equals(upperCaseName)) {
          return values[i];
        }
      }
      return outer.lookup(upperCaseName);
    }

    /** The closure bound to a name here, or null (a column or a LET value of that name is not one). */
    Closure closure(String upperCaseName) {
      return lookup(upperCaseName) instanceof Closure c ? c : null;
    }
  }

  /** Made before it is needed: at a stack overflow there may be no room to build a message. */
  private static final Value.Err STACK_EXHAUSTED = Value.err(ExcelError.NUM,
      "LAMBDA calls nested deeper than the stack allows (the cap is " + MAX_DEPTH + " calls)");

  private static final Value.Err NOT_CALLED =
      Value.err(ExcelError.CALC, "a LAMBDA is a function: call it with its arguments, as in LAMBDA(x,x+1)(2)");

  private final Interpreter interpreter;
  private final Grouping grouping;

  Lambdas(Interpreter interpreter, FunctionRegistry registry) {
    this.interpreter = interpreter;
    this.grouping = new Grouping(this, registry);
  }

  /** An argument's value (GROUPBY's and PIVOTBY's arrays). */
  Value valueOf(Expr e, Value[] literals, Template.Variables vars, EvalContext ctx) {
    return interpreter.eval(e, literals, vars, ctx);
  }

  static int depth(Template.Variables vars) {
    return vars instanceof Scope s ? s.depth : 0;
  }

  /** A variable's value: a LAMBDA bound to it is no value (#CALC!). */
  static Value variable(Template.Variables vars, String name) {
    return value(variableOrClosure(vars, name));
  }

  /** What a name stands for, looked up once: the LAMBDA bound to it, else its value. */
  private static Object variableOrClosure(Template.Variables vars, String name) {
    Object o = vars.lookup(name);
    return o instanceof Closure ? o : Template.variableValue(name, o);
  }

  /** A closure or value as a value: a LAMBDA not called is #CALC!, as Excel shows it in a cell. */
  static Value value(Object o) {
    return o instanceof Closure ? NOT_CALLED : (Value) o;
  }

  /**
   * An expression where a LAMBDA may stand (a LET value, a LAMBDA argument, a helper's function): the closure it
   * makes or names, else its value.
   */
  Object evalAny(Expr e, Value[] literals, Template.Variables vars, EvalContext ctx) {
    if (e instanceof Expr.Var v) {
      return variableOrClosure(vars, v.name());
    }
    if (e instanceof Expr.Apply a) {
      return apply(a, literals, vars, ctx);
    }
    if (e instanceof Expr.Call c) {
      return interpreter.call(c, literals, vars, ctx);
    }
    return interpreter.eval(e, literals, vars, ctx);
  }

  /** {@code callee(args)}: the callee must be a LAMBDA. */
  Object apply(Expr.Apply a, Value[] literals, Template.Variables vars, EvalContext ctx) {
    Object f = evalAny(a.callee(), literals, vars, ctx);
    if (!(f instanceof Closure c)) {
      return f instanceof Value.Err err ? err : Value.err(ExcelError.VALUE, "only a LAMBDA can be called with ( )");
    }
    return invoke(c, arguments(a.args(), literals, vars, ctx), depth(vars), ctx);
  }

  /** {@code f(args)} where f is a name bound to a LAMBDA. */
  Object callNamed(Closure f, Expr.Call c, Value[] literals, Template.Variables vars, EvalContext ctx) {
    return invoke(f, arguments(c.args(), literals, vars, ctx), depth(vars), ctx);
  }

  private Object[] arguments(List<Expr> exprs, Value[] literals, Template.Variables vars, EvalContext ctx) {
    Object[] args = new Object[exprs.size()];
    for (int i = 0; i < args.length; i++) {
      args[i] = evalAny(exprs.get(i), literals, vars, ctx);
    }
    return args;
  }

  /**
   * Calls a LAMBDA: arguments bind its parameters in order, a parameter without an argument is omitted (see
   * ISOMITTED), more arguments than parameters is #VALUE!.
   */
  Object invoke(Closure f, Object[] args, int callerDepth, EvalContext ctx) {
    if (args.length > f.params().size()) {
      return Value.err(ExcelError.VALUE, "the LAMBDA takes " + f.params().size() + " argument"
          + (f.params().size() == 1 ? "" : "s") + ", not " + args.length);
    }
    if (callerDepth >= MAX_DEPTH) {
      return Value.err(ExcelError.NUM, "LAMBDA calls nested more than " + MAX_DEPTH + " deep");
    }
    ctx.budget().spend(Budget.STEP_UNITS);
    String[] names = f.params().toArray(new String[0]);
    Object[] values = new Object[names.length];
    for (int i = 0; i < values.length; i++) {
      values[i] = i < args.length ? args[i] : Value.MISSING;
    }
    Scope scope = new Scope(f.env(), names, values, callerDepth + 1);
    try {
      return evalAny(f.body(), f.literals(), scope, ctx);
    } catch (StackOverflowError e) {
      // Only recursion nests calls without bound (a formula's own nesting is capped by the parser), so running out
      // of stack inside a call is the depth cap reached early. The innermost call catches it; if even returning
      // overflows again, the next call out catches that.
      return STACK_EXHAUSTED;
    }
  }

  /**
   * A call to LET, LAMBDA or a helper (ShapeCheck has checked names and arities): a value, or the closure LAMBDA
   * makes (or LET returns).
   */
  Object special(FunctionSpec spec, Expr.Call c, Value[] literals, Template.Variables vars, EvalContext ctx) {
    List<Expr> a = c.args();
    switch (spec.name()) {
      case "LET": {
        // Each name is in scope from the next value on: a LAMBDA written in a value sees the names before it only
        Template.Variables scope = vars;
        int depth = depth(vars);
        for (int i = 0; i + 1 < a.size(); i += 2) {
          Object value = evalAny(a.get(i + 1), literals, scope, ctx);
          scope = new Scope(scope, new String[] {((Expr.Var) a.get(i)).name()}, new Object[] {value}, depth);
        }
        return evalAny(a.get(a.size() - 1), literals, scope, ctx);
      }
      case "LAMBDA": {
        List<String> params = new ArrayList<>(a.size() - 1);
        for (int i = 0; i + 1 < a.size(); i++) {
          params.add(((Expr.Var) a.get(i)).name());
        }
        return new Closure(List.copyOf(params), a.get(a.size() - 1), literals, vars);
      }
      case "ISOMITTED": {
        Object v = evalAny(a.get(0), literals, vars, ctx);
        return Value.bool(v == Value.MISSING);
      }
      case "MAP":
        return map(a, literals, vars, ctx);
      case "REDUCE":
      case "SCAN":
        return fold(spec.name(), a, literals, vars, ctx);
      case "BYROW":
      case "BYCOL":
        return by(spec.name(), a, literals, vars, ctx);
      case "MAKEARRAY":
        return makeArray(a, literals, vars, ctx);
      case "GROUPBY":
        return grouping.groupBy(a, literals, vars, ctx);
      case "PIVOTBY":
        return grouping.pivotBy(a, literals, vars, ctx);
      default:
        throw new IllegalStateException(spec.name());
    }
  }

  /** The LAMBDA a helper takes as its last argument, with the parameters it must have; else null. */
  private Closure function(Object f) {
    return f instanceof Closure c ? c : null;
  }

  private static Value.Err needsLambda(String helper, int params) {
    return Value.err(ExcelError.VALUE, helper + " needs a LAMBDA of " + params + " parameter" + (params == 1 ? "" : "s")
        + " as its last argument");
  }

  private static Value.Arr array(Value v) {
    return v instanceof Value.Arr arr ? arr : new Value.Arr(1, 1, new Value[] {v});
  }

  /** One element of a helper's result: a scalar (a 1x1 array is one); a nested array or a LAMBDA is #CALC!. */
  private static Value element(Object o) {
    if (o instanceof Closure) {
      return NOT_CALLED;
    }
    Value v = (Value) o;
    if (v instanceof Value.Arr arr) {
      return arr.size() == 1 ? arr.cells()[0] : NESTED;
    }
    return v;
  }

  /** A LAMBDA result that is an array where one value belongs: the whole helper is #CALC!, as in Excel. */
  private static final Value.Err NESTED =
      Value.err(ExcelError.CALC, "nested arrays are not supported: each LAMBDA result must be one value");

  private static Value result(int rows, int cols, Value[] cells) {
    for (Value v : cells) {
      if (v == NESTED) {
        return NESTED;
      }
    }
    return rows == 1 && cols == 1 ? cells[0] : new Value.Arr(rows, cols, cells);
  }

  private Value map(List<Expr> a, Value[] literals, Template.Variables vars, EvalContext ctx) {
    int n = a.size() - 1;
    Value.Arr[] arrays = new Value.Arr[n];
    int rows = 1;
    int cols = 1;
    for (int i = 0; i < n; i++) {
      arrays[i] = array(interpreter.eval(a.get(i), literals, vars, ctx));
      rows = Math.max(rows, arrays[i].rows());
      cols = Math.max(cols, arrays[i].cols());
    }
    Closure f = function(evalAny(a.get(n), literals, vars, ctx));
    if (f == null || f.params().size() != n) {
      return needsLambda("MAP", n);
    }
    Value.Err big = ctx.budget().tooLarge(rows, cols);
    if (big != null) {
      return big;
    }
    Value[] out = new Value[rows * cols];
    int depth = depth(vars);
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        Object[] args = new Object[n];
        for (int i = 0; i < n; i++) {
          args[i] = arrays[i].broadcastGet(r, c);
        }
        out[r * cols + c] = element(invoke(f, args, depth, ctx));
      }
    }
    return result(rows, cols, out);
  }

  /** REDUCE and SCAN: the accumulator through the array's cells in row order; an omitted start is blank. */
  private Value fold(String name, List<Expr> a, Value[] literals, Template.Variables vars, EvalContext ctx) {
    Object acc = a.size() == 3 ? evalAny(a.get(0), literals, vars, ctx) : Value.MISSING;
    Value.Arr arr = array(interpreter.eval(a.get(a.size() - 2), literals, vars, ctx));
    Closure f = function(evalAny(a.get(a.size() - 1), literals, vars, ctx));
    if (f == null || f.params().size() != 2) {
      return needsLambda(name, 2);
    }
    boolean scan = name.equals("SCAN");
    Value[] out = scan ? new Value[arr.size()] : null;
    int depth = depth(vars);
    for (int i = 0; i < arr.size(); i++) {
      acc = invoke(f, new Object[] {acc, arr.cells()[i]}, depth, ctx);
      if (scan) {
        out[i] = element(acc);
      }
    }
    return scan ? result(arr.rows(), arr.cols(), out) : value(acc);
  }

  private Value by(String name, List<Expr> a, Value[] literals, Template.Variables vars, EvalContext ctx) {
    Value.Arr arr = array(interpreter.eval(a.get(0), literals, vars, ctx));
    Closure f = function(evalAny(a.get(1), literals, vars, ctx));
    if (f == null || f.params().size() != 1) {
      return needsLambda(name, 1);
    }
    boolean rows = name.equals("BYROW");
    int n = rows ? arr.rows() : arr.cols();
    Value[] out = new Value[n];
    int depth = depth(vars);
    for (int i = 0; i < n; i++) {
      Value slice;
      if (rows) {
        Value[] cells = new Value[arr.cols()];
        System.arraycopy(arr.cells(), i * arr.cols(), cells, 0, arr.cols());
        slice = new Value.Arr(1, arr.cols(), cells);
      } else {
        Value[] cells = new Value[arr.rows()];
        for (int r = 0; r < arr.rows(); r++) {
          cells[r] = arr.get(r, i);
        }
        slice = new Value.Arr(arr.rows(), 1, cells);
      }
      out[i] = element(invoke(f, new Object[] {slice}, depth, ctx));
    }
    return rows ? result(n, 1, out) : result(1, n, out);
  }

  private Value makeArray(List<Expr> a, Value[] literals, Template.Variables vars, EvalContext ctx) {
    Value rv = Coerce.toNumber(interpreter.eval(a.get(0), literals, vars, ctx), ctx.dates());
    if (rv instanceof Value.Err) {
      return rv;
    }
    Value cv = Coerce.toNumber(interpreter.eval(a.get(1), literals, vars, ctx), ctx.dates());
    if (cv instanceof Value.Err) {
      return cv;
    }
    double rd = Math.floor(((Value.Num) rv).v());
    double cd = Math.floor(((Value.Num) cv).v());
    if (rd < 1 || cd < 1) {
      return Value.err(ExcelError.VALUE, "MAKEARRAY needs at least one row and one column");
    }
    Value.Err big = ctx.budget().tooLarge((long) Math.min(rd, 1e12), (long) Math.min(cd, 1e12));
    if (big != null) {
      return big;
    }
    int rows = (int) rd;
    int cols = (int) cd;
    Closure f = function(evalAny(a.get(2), literals, vars, ctx));
    if (f == null || f.params().size() != 2) {
      return needsLambda("MAKEARRAY", 2);
    }
    Value[] out = new Value[rows * cols];
    int depth = depth(vars);
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        out[r * cols + c] = element(invoke(f, new Object[] {Value.num(r + 1), Value.num(c + 1)}, depth, ctx));
      }
    }
    return result(rows, cols, out);
  }
}

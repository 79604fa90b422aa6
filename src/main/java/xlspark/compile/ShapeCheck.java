package xlspark.compile;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import xlspark.formula.FormulaSyntaxException;
import xlspark.formula.ast.BinaryOp;
import xlspark.formula.ast.Expr;
import xlspark.functions.FunctionSpec;
import xlspark.functions.library.FunctionRegistry;
import xlspark.value.ExcelError;
import xlspark.value.Value;

/**
 * The rules a parsed formula must pass before it runs, in either tier (the JEXL template and the AST
 * interpreter), and what the formula refers to. One home for these rules, so that both tiers refuse the same
 * formulas with the same message: a call with the wrong number of arguments, ranges, sheets and structured
 * references outside workbook mode, array constants over the cell cap. The first failure in source order wins.
 * The arguments of an unknown function are not looked at: the call is #NAME? whatever they are.
 */
public final class ShapeCheck {
  /** What a formula refers to; {@code failure} is null when it may run. */
  public record Result(FormulaSyntaxException failure, Set<String> variables, Set<String> functions,
                       Set<String> unknownFunctions, boolean isVolatile) {
  }

  private final FunctionRegistry registry;
  private final int maxArrayCells;
  private final boolean workbook;
  private final boolean collect;
  private final Set<String> variables;
  private final Set<String> functions;
  private final Set<String> unknown;
  private boolean isVolatile;
  private FormulaSyntaxException failure;
  /** Names bound by the enclosing LETs and LAMBDAs, with how many bindings of each are open. */
  private Map<String, Integer> bound;

  private ShapeCheck(FunctionRegistry registry, int maxArrayCells, boolean workbook, boolean collect) {
    this.registry = registry;
    this.maxArrayCells = maxArrayCells;
    this.workbook = workbook;
    this.collect = collect;
    this.variables = collect ? new LinkedHashSet<>() : null;
    this.functions = collect ? new LinkedHashSet<>() : null;
    this.unknown = collect ? new LinkedHashSet<>() : null;
  }

  /** Checks a formula and collects the names it uses. */
  public static Result check(Expr root, boolean workbook, FunctionRegistry registry, int maxArrayCells) {
    ShapeCheck c = new ShapeCheck(registry, maxArrayCells, workbook, true);
    c.visit(root);
    return new Result(c.failure, Set.copyOf(c.variables), Set.copyOf(c.functions), Set.copyOf(c.unknown),
        c.isVolatile);
  }

  /** Checks a formula only: the first failure, or null. The fast form for the interpreter's cold path. */
  public static FormulaSyntaxException failure(Expr root, boolean workbook, FunctionRegistry registry,
                                               int maxArrayCells) {
    ShapeCheck c = new ShapeCheck(registry, maxArrayCells, workbook, false);
    c.visit(root);
    return c.failure;
  }

  /**
   * Workbook mode: a spilled range's reference as files store it, {@code _xlfn.ANCHORARRAY(A1)} for {@code A1#}
   * (not a function of the registry: the translator gives it to an internal one).
   */
  public static boolean isSpillReference(Expr.Call c) {
    return c.args().size() == 1 && (c.name().equals("_XLFN.ANCHORARRAY") || c.name().equals("ANCHORARRAY"));
  }

  /**
   * True when a formula of this shape key (expression mode) calls a function the registry marks interpreter-only
   * (LET, LAMBDA, the lambda helpers: {@link FunctionSpec#isInterpreterOnly}) or calls a call's result
   * ({@code LAMBDA(x,x)(1)}): such formulas bind names and call function values, which only the
   * {@link Interpreter} does, so they are never compiled. A false positive only costs the compile's speed-up.
   */
  public static boolean needsInterpreter(String shapeKey, FunctionRegistry registry) {
    List<String> names = registry.interpreterOnlyNames();
    for (int i = shapeKey.indexOf('('); i >= 0; i = shapeKey.indexOf('(', i + 1)) {
      if (i == 0) {
        continue;
      }
      char before = shapeKey.charAt(i - 1);
      if (before == ')') {
        return true;
      }
      if (!registry.mayEndInterpreterOnlyName(before)) {
        continue;
      }
      for (String name : names) {
        int n = name.length();
        int at = i - n;
        if (at >= 2 && shapeKey.startsWith(name, at)
            && (shapeKey.charAt(at - 1) == '.' || shapeKey.charAt(at - 1) == (char) n)) {
          return true;
        }
      }
    }
    return false;
  }

  /** The value of a call to a function the registry does not have: #NAME? with the reason. */
  static Value unknownFunction(FunctionRegistry registry, String name) {
    String why = registry.isExcelFunction(name) ? name + ": not implemented" : "unknown function " + name;
    return Value.err(ExcelError.NAME, why);
  }

  private void fail(String message, Expr at) {
    if (failure == null) {
      failure = new FormulaSyntaxException(message, at.span());
    }
  }

  /** Walks in source order; left spines of operators iteratively (a chain of 4,000 terms is 4,000 deep). */
  private void visit(Expr root) {
    Expr e = root;
    while (true) {
      if (e instanceof Expr.Binary b) {
        if (b.op().isReference()) {
          if (!workbook) {
            fail(b.op() == BinaryOp.RANGE ? "Cell ranges (':') need workbook mode"
                : "Reference operators (intersection, union) need workbook mode", b);
            return;
          }
          visit(b.left());
          visit(b.right());
          return;
        }
        ArrayDeque<Expr> rights = new ArrayDeque<>();
        while (e instanceof Expr.Binary x && !x.op().isReference()) {
          rights.push(x.right());
          e = x.left();
        }
        visit(e);
        for (Expr r : rights) {
          visit(r);
        }
        return;
      }
      if (e instanceof Expr.Unary u) {
        e = u.operand();
        continue;
      }
      if (e instanceof Expr.Percent p) {
        e = p.operand();
        continue;
      }
      break;
    }
    if (e instanceof Expr.Var v) {
      if (workbook || isBound(v.name())) {
        return;
      }
      if (v.name().contains("!")) {
        fail("Sheet references need workbook mode", v);
      }
      if (collect) {
        variables.add(v.name());
      }
    } else if (e instanceof Expr.Ref r) {
      if (workbook) {
        return;
      }
      if (r.area().sheet() != null) {
        fail("Sheet references need workbook mode", r);
      } else if (r.text().contains(":")) {
        fail("Cell ranges (':') need workbook mode", r);
      }
      if (collect) {
        variables.add(r.text());
      }
    } else if (e instanceof Expr.Structured s) {
      if (!workbook) {
        fail("Structured references (Table1[Column]) need workbook mode", s);
      }
    } else if (e instanceof Expr.Call c) {
      if (workbook && isSpillReference(c)) {
        visit(c.args().get(0));
        return;
      }
      if (isBound(c.name())) {
        for (Expr arg : c.args()) {
          visit(arg);
        }
        return;
      }
      FunctionSpec spec = registry.lookup(c.name());
      if (spec != null && spec.isInterpreterOnly()) {
        lambdaCall(spec, c);
        return;
      }
      if (spec == null) {
        if (collect) {
          unknown.add(c.name());
        }
        return;
      }
      String arity = spec.checkArity(c.args().size());
      if (arity != null && failure == null) {
        failure = new FormulaSyntaxException(arity, c.span());
      }
      if (collect) {
        functions.add(spec.name());
      }
      isVolatile |= spec.isVolatile();
      for (Expr arg : c.args()) {
        visit(arg);
      }
    } else if (e instanceof Expr.Apply a) {
      if (workbook) {
        fail(IN_WORKBOOK, a);
        return;
      }
      visit(a.callee());
      for (Expr arg : a.args()) {
        visit(arg);
      }
    } else if (e instanceof Expr.ArrayLit a) {
      if ((long) a.rows() * a.cols() > maxArrayCells && failure == null) {
        failure = new FormulaSyntaxException("Array constant larger than " + maxArrayCells + " cells", a.span());
      }
    }
  }

  private static final String IN_WORKBOOK =
      "LET, LAMBDA and the lambda helpers are evaluated in expression mode only, not in workbook mode";

  /**
   * LET and LAMBDA: the names they bind are names, distinct, and in scope where Excel puts them (a LET name from
   * the next value on, a parameter in the body); every other lambda function is an ordinary call.
   */
  private void lambdaCall(FunctionSpec spec, Expr.Call c) {
    if (workbook) {
      fail(IN_WORKBOOK, c);
      return;
    }
    String arity = spec.checkArity(c.args().size());
    if (arity != null) {
      fail(arity, c);
      return;
    }
    if (collect) {
      functions.add(spec.name());
    }
    List<Expr> args = c.args();
    int n = args.size();
    switch (spec.name()) {
      case "LET": {
        if (n % 2 == 0) {
          fail("LET needs name, value pairs followed by a calculation", c);
          return;
        }
        List<String> names = new java.util.ArrayList<>();
        for (int i = 0; i + 1 < n; i += 2) {
          String name = bindable(args.get(i), names, "LET");
          if (name == null) {
            unbind(names);
            return;
          }
          visit(args.get(i + 1));
          bind(name);
          names.add(name);
        }
        visit(args.get(n - 1));
        unbind(names);
        return;
      }
      case "LAMBDA": {
        List<String> names = new java.util.ArrayList<>();
        for (int i = 0; i + 1 < n; i++) {
          String name = bindable(args.get(i), names, "LAMBDA");
          if (name == null) {
            return;
          }
          names.add(name);
        }
        for (String name : names) {
          bind(name);
        }
        visit(args.get(n - 1));
        unbind(names);
        return;
      }
      default:
        for (int i = 0; i < n; i++) {
          if (isFunctionArgument(spec, i, args.get(i))) {
            continue;
          }
          visit(args.get(i));
        }
    }
  }

  /** GROUPBY's and PIVOTBY's function given by name ({@code SUM}, {@code _xleta.SUM}): a function, no variable. */
  private boolean isFunctionArgument(FunctionSpec spec, int i, Expr arg) {
    int at = spec.name().equals("GROUPBY") ? 2 : spec.name().equals("PIVOTBY") ? 3 : -1;
    return i == at && arg instanceof Expr.Var v && !isBound(v.name())
        && registry.lookup(FunctionRegistry.bareName(v.name())) != null;
  }

  /** A LET name or LAMBDA parameter: a plain name (not a cell, not a function's name), not given twice. */
  private String bindable(Expr e, List<String> earlier, String what) {
    String name = e instanceof Expr.Var v && !v.name().contains("!") ? v.name() : null;
    if (name == null) {
      fail(what + " needs a name here (a name such as x or rate, not a cell or a value)", e);
      return null;
    }
    if (earlier.contains(name)) {
      fail(what + " binds the name " + name + " twice", e);
      return null;
    }
    return name;
  }

  private boolean isBound(String name) {
    return bound != null && bound.containsKey(name);
  }

  private void bind(String name) {
    if (bound == null) {
      bound = new HashMap<>();
    }
    bound.merge(name, 1, Integer::sum);
  }

  private void unbind(List<String> names) {
    for (String name : names) {
      if (bound != null && bound.containsKey(name)) {
        bound.compute(name, (k, v) -> v == 1 ? null : v - 1);
      }
    }
  }
}

package xlspark.compile;

import java.util.ArrayDeque;
import java.util.LinkedHashSet;
import java.util.Set;
import xlspark.formula.FormulaSyntaxException;
import xlspark.formula.ast.BinaryOp;
import xlspark.formula.ast.Expr;
import xlspark.functions.FunctionRegistry;
import xlspark.functions.FunctionSpec;
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
      if (workbook) {
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
      FunctionSpec spec = registry.lookup(c.name());
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
    } else if (e instanceof Expr.ArrayLit a) {
      if ((long) a.rows() * a.cols() > maxArrayCells && failure == null) {
        failure = new FormulaSyntaxException("Array constant larger than " + maxArrayCells + " cells", a.span());
      }
    }
  }
}

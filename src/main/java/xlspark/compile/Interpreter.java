package xlspark.compile;

import java.util.ArrayDeque;
import java.util.List;
import xlspark.formula.ast.BinaryOp;
import xlspark.formula.ast.Expr;
import xlspark.functions.EvalContext;
import xlspark.functions.FunctionSpec;
import xlspark.functions.library.FunctionRegistry;
import xlspark.value.Budget;
import xlspark.value.ExcelError;
import xlspark.value.Ops;
import xlspark.value.Ops.Op;
import xlspark.value.Value;

/**
 * The cold tier: evaluates an expression-mode formula straight from its AST, for shapes not (yet) worth a
 * JEXL compile. It computes exactly what the formula's JEXL template computes: the same operators of
 * {@link Ops} in the same order (left operand first, arguments left to right), the same functions of the
 * registry through {@link FunctionSpec#invoke}, the same sign and percent rules as {@link JexlTranslator}, the
 * same variable binding as {@link Template#bind}. Run {@link ShapeCheck} first: it refuses what may not run.
 * No user text reaches anything but this switch over AST nodes and the registry.
 */
public final class Interpreter {
  private static final Value HUNDRED = Value.num(100);

  private final FunctionRegistry registry;
  private final Lambdas lambdas;

  public Interpreter(FunctionRegistry registry) {
    this.registry = registry;
    this.lambdas = new Lambdas(this, registry);
  }

  /** The value of a checked expression-mode formula; {@code literals} are its lexed literals. */
  public Value run(Expr root, Value[] literals, Template.Variables vars, EvalContext ctx) {
    return eval(root, literals, vars, ctx);
  }

  Value eval(Expr e, Value[] literals, Template.Variables vars, EvalContext ctx) {
    if (e instanceof Expr.Num n) {
      return literals[n.literal()];
    }
    if (e instanceof Expr.Binary b) {
      return binary(b, literals, vars, ctx);
    }
    if (e instanceof Expr.Call c) {
      return Lambdas.value(call(c, literals, vars, ctx));
    }
    if (e instanceof Expr.Var v) {
      return vars instanceof Lambdas.Scope ? Lambdas.variable(vars, v.name()) : Template.variable(vars, v.name());
    }
    if (e instanceof Expr.Str s) {
      return literals[s.literal()];
    }
    if (e instanceof Expr.Unary u) {
      return unary(u, literals, vars, ctx);
    }
    if (e instanceof Expr.Percent p) {
      int n = 0;
      Expr x = p;
      while (x instanceof Expr.Percent q) {
        n++;
        x = q.operand();
      }
      Value v = eval(x, literals, vars, ctx);
      for (int i = 0; i < n; i++) {
        v = Ops.apply(Op.DIV, v, HUNDRED, ctx.budget());
      }
      return v;
    }
    if (e instanceof Expr.Bool b) {
      return Value.bool(b.value());
    }
    if (e instanceof Expr.Error er) {
      return Value.err(er.code());
    }
    if (e instanceof Expr.Ref r) {
      // Expression mode: ShapeCheck let only a single cell without sheet through, a column of that name.
      return Template.variable(vars, r.text());
    }
    if (e instanceof Expr.Missing) {
      return Value.MISSING;
    }
    if (e instanceof Expr.ArrayLit a) {
      return array(a, literals);
    }
    if (e instanceof Expr.Apply a) {
      return Lambdas.value(lambdas.apply(a, literals, vars, ctx));
    }
    // Structured references never pass ShapeCheck in expression mode.
    return Value.err(ExcelError.REF);
  }

  /** A run of signs as the translator emits it: at most two negations ({@code ----x} is {@code --x}). */
  private Value unary(Expr.Unary u, Value[] literals, Template.Variables vars, EvalContext ctx) {
    int negations = 0;
    Expr e = u;
    while (e instanceof Expr.Unary v) {
      negations += v.negate() ? 1 : 0;
      e = v.operand();
    }
    Value x = eval(e, literals, vars, ctx);
    int keep = negations == 0 ? 0 : negations % 2 == 1 ? 1 : 2;
    for (int i = 0; i < keep; i++) {
      x = Ops.negate(x, ctx.budget());
    }
    return x;
  }

  /** Left spines iteratively, left operand first, as JEXL evaluates the flat chains the translator emits. */
  private Value binary(Expr.Binary top, Value[] literals, Template.Variables vars, EvalContext ctx) {
    Expr e = top;
    ArrayDeque<Expr.Binary> spine = null;
    while (e instanceof Expr.Binary b && !b.op().isReference()) {
      if (spine == null) {
        spine = new ArrayDeque<>();
      }
      spine.push(b);
      e = b.left();
    }
    Value acc = eval(e, literals, vars, ctx);
    for (Expr.Binary b : spine) {
      Value r = eval(b.right(), literals, vars, ctx);
      acc = apply(b.op(), acc, r, ctx.budget());
    }
    return acc;
  }

  private static Value apply(BinaryOp op, Value l, Value r, Budget budget) {
    return switch (op) {
      case ADD -> Ops.apply(Op.ADD, l, r, budget);
      case SUB -> Ops.apply(Op.SUB, l, r, budget);
      case MUL -> Ops.apply(Op.MUL, l, r, budget);
      case DIV -> Ops.apply(Op.DIV, l, r, budget);
      case POW -> Ops.apply(Op.POW, l, r, budget);
      case CONCAT -> Ops.apply(Op.CONCAT, l, r, budget);
      case EQ -> Ops.apply(Op.EQ, l, r, budget);
      case NE -> ExcelArithmetic.logicalNot(Ops.apply(Op.EQ, l, r, budget));
      case LT -> Ops.apply(Op.LT, l, r, budget);
      case GT -> Ops.apply(Op.GT, l, r, budget);
      case LE -> Ops.apply(Op.LE, l, r, budget);
      case GE -> Ops.apply(Op.GE, l, r, budget);
      case RANGE, INTERSECT, UNION -> Value.err(ExcelError.REF); // workbook mode only: refused by ShapeCheck
    };
  }

  /**
   * A call by name, the one place that decides what a name calls: a LAMBDA bound to it in a LET or LAMBDA scope, an
   * interpreter-only function (LET, LAMBDA, a helper), or a registry function. The result is a value, or a
   * {@link Lambdas.Closure} where LET or LAMBDA makes one; callers that need a value take it through
   * {@link Lambdas#value}.
   */
  Object call(Expr.Call c, Value[] literals, Template.Variables vars, EvalContext ctx) {
    if (vars instanceof Lambdas.Scope s) {
      Lambdas.Closure f = s.closure(c.name());
      if (f != null) {
        return lambdas.callNamed(f, c, literals, vars, ctx);
      }
    }
    FunctionSpec spec = registry.lookup(c.name());
    if (spec == null) {
      return ShapeCheck.unknownFunction(registry, c.name());
    }
    if (spec.isInterpreterOnly()) {
      return lambdas.special(spec, c, literals, vars, ctx);
    }
    List<Expr> argExprs = c.args();
    LazyCalls.Kind lazy = LazyCalls.kind(spec, argExprs.size(), false);
    if (lazy != null) {
      return lazyCall(lazy, spec, argExprs, literals, vars, ctx);
    }
    Value[] args = new Value[argExprs.size()];
    for (int i = 0; i < args.length; i++) {
      args[i] = eval(argExprs.get(i), literals, vars, ctx);
    }
    return spec.invoke(args, ctx);
  }

  /**
   * A lazy call ({@link LazyCalls}): the function decides on constant branches, then runs on the one branch
   * evaluated; a decision that is not one branch evaluates every argument, as the eager call does. The JEXL tier
   * emits the same decisions and hands its row here when a decision is not one branch.
   */
  private Value lazyCall(LazyCalls.Kind kind, FunctionSpec spec, List<Expr> a, Value[] literals,
                         Template.Variables vars, EvalContext ctx) {
    switch (kind) {
      case IF: {
        Value cond = eval(a.get(0), literals, vars, ctx);
        Value d = spec.invoke(new Value[] {cond, Value.TRUE, Value.FALSE}, ctx);
        if (d instanceof Value.Err) {
          return d; // the condition's error: what the eager call returns, without its branches
        }
        if (d instanceof Value.Bool b) {
          if (b.b()) {
            return spec.invoke(new Value[] {Value.TRUE, eval(a.get(1), literals, vars, ctx)}, ctx);
          }
          return a.size() == 3
              ? spec.invoke(new Value[] {Value.FALSE, Value.MISSING, eval(a.get(2), literals, vars, ctx)}, ctx)
              : spec.invoke(new Value[] {Value.FALSE, Value.MISSING}, ctx);
        }
        Value[] seen = new Value[a.size()];
        seen[0] = cond;
        return eager(spec, a, seen, literals, vars, ctx);
      }
      case IFERROR:
      case IFNA: {
        Value v = eval(a.get(0), literals, vars, ctx);
        FunctionSpec test = registry.lookup(kind == LazyCalls.Kind.IFERROR ? "ISERROR" : "ISNA");
        Value d = test.invoke(new Value[] {v}, ctx);
        if (d instanceof Value.Bool b && !b.b()) {
          return spec.invoke(new Value[] {v, Value.MISSING}, ctx);
        }
        return spec.invoke(new Value[] {v, eval(a.get(1), literals, vars, ctx)}, ctx);
      }
      case CHOOSE: {
        int n = a.size() - 1;
        Value index = eval(a.get(0), literals, vars, ctx);
        Value[] probe = new Value[n + 1];
        probe[0] = index;
        for (int k = 1; k <= n; k++) {
          probe[k] = Value.num(k);
        }
        Value d = spec.invoke(probe, ctx);
        if (d instanceof Value.Err) {
          return d; // a bad index: what the eager call returns, without its values
        }
        if (d instanceof Value.Num k && k.v() >= 1 && k.v() <= n && k.v() == Math.rint(k.v())) {
          return spec.invoke(new Value[] {ONE, eval(a.get((int) k.v()), literals, vars, ctx)}, ctx);
        }
        Value[] seen = new Value[n + 1];
        seen[0] = index;
        return eager(spec, a, seen, literals, vars, ctx);
      }
      case IFS: {
        // IFS(c1, v1, c2, v2, ...): the function decides each pair on constant values, the value of the first
        // TRUE condition is the only value evaluated; no TRUE condition is the function's own #N/A
        Value[] seen = new Value[a.size()];
        for (int i = 0; i < a.size(); i += 2) {
          Value cond = eval(a.get(i), literals, vars, ctx);
          seen[i] = cond;
          Value d = spec.invoke(new Value[] {cond, Value.TRUE, Value.TRUE, Value.FALSE}, ctx);
          if (d instanceof Value.Err) {
            return d;
          }
          if (!(d instanceof Value.Bool b)) {
            return eager(spec, a, seen, literals, vars, ctx);
          }
          if (b.b()) {
            return spec.invoke(new Value[] {Value.TRUE, eval(a.get(i + 1), literals, vars, ctx)}, ctx);
          }
        }
        return spec.invoke(new Value[] {Value.FALSE, Value.MISSING}, ctx);
      }
      case SWITCH: {
        // SWITCH(x, v1, r1, ..., [default]): x and the values up to the match are evaluated, then the one result
        Value x = eval(a.get(0), literals, vars, ctx);
        int pairs = (a.size() - 1) / 2;
        Value[] seen = new Value[a.size()];
        seen[0] = x;
        for (int k = 0; k < pairs; k++) {
          int vi = 1 + 2 * k;
          Value v = eval(a.get(vi), literals, vars, ctx);
          seen[vi] = v;
          Value d = spec.invoke(new Value[] {x, v, Value.TRUE, Value.FALSE}, ctx);
          if (d instanceof Value.Err) {
            return d;
          }
          if (!(d instanceof Value.Bool b)) {
            return eager(spec, a, seen, literals, vars, ctx);
          }
          if (b.b()) {
            return spec.invoke(new Value[] {Value.TRUE, Value.TRUE, eval(a.get(vi + 1), literals, vars, ctx)}, ctx);
          }
        }
        if (a.size() % 2 == 0) {
          return spec.invoke(new Value[] {Value.TRUE, Value.FALSE, Value.MISSING,
              eval(a.get(a.size() - 1), literals, vars, ctx)}, ctx);
        }
        return spec.invoke(new Value[] {Value.TRUE, Value.FALSE, Value.MISSING}, ctx);
      }
      default:
        throw new IllegalStateException(kind.name());
    }
  }

  /**
   * A decision that is not one branch: the eager call, with the arguments already evaluated ({@code seen}, not
   * null) kept, so that each argument is evaluated once, and the others evaluated now in order.
   */
  private Value eager(FunctionSpec spec, List<Expr> a, Value[] seen, Value[] literals, Template.Variables vars,
                      EvalContext ctx) {
    Value[] all = new Value[a.size()];
    for (int i = 0; i < all.length; i++) {
      all[i] = seen[i] != null ? seen[i] : eval(a.get(i), literals, vars, ctx);
    }
    return spec.invoke(all, ctx);
  }

  private static final Value ONE = Value.num(1);

  private static Value array(Expr.ArrayLit a, Value[] literals) {
    List<Expr> exprs = a.cells();
    Value[] cells = new Value[exprs.size()];
    for (int i = 0; i < cells.length; i++) {
      Expr e = exprs.get(i);
      if (e instanceof Expr.Num n) {
        cells[i] = literals[n.literal()];
      } else if (e instanceof Expr.Str s) {
        cells[i] = literals[s.literal()];
      } else if (e instanceof Expr.Unary u && u.operand() instanceof Expr.Num n) {
        Value v = literals[n.literal()];
        cells[i] = u.negate() && v instanceof Value.Num x ? Value.num(-x.v()) : v;
      } else if (e instanceof Expr.Bool b) {
        cells[i] = Value.bool(b.value());
      } else if (e instanceof Expr.Error er) {
        cells[i] = Value.err(er.code());
      } else {
        throw new IllegalStateException("the parser admits only constants in arrays");
      }
    }
    return new Value.Arr(a.rows(), a.cols(), cells);
  }
}

package xlspark.formula.ast;

/** Visitor over {@link Expr}: a new node kind breaks every visitor until it is handled. */
public interface ExprVisitor<R> {
  R num(Expr.Num n);

  R str(Expr.Str s);

  R bool(Expr.Bool b);

  R error(Expr.Error e);

  R var(Expr.Var v);

  R ref(Expr.Ref r);

  R structured(Expr.Structured s);

  R call(Expr.Call c);

  R apply(Expr.Apply a);

  R missing(Expr.Missing m);

  R unary(Expr.Unary u);

  R percent(Expr.Percent p);

  R binary(Expr.Binary b);

  R array(Expr.ArrayLit a);
}

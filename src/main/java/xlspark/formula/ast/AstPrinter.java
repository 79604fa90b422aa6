package xlspark.formula.ast;

import java.util.stream.Collectors;
import xlspark.value.NumberText;

/** Prints an AST as an s-expression: {@code -2^2} is {@code (^ (neg 2) 2)}. */
public final class AstPrinter implements ExprVisitor<String> {
  private static final AstPrinter INSTANCE = new AstPrinter();

  public static String print(Expr e) {
    return e.accept(INSTANCE);
  }

  public String num(Expr.Num n) {
    return NumberText.shortest(n.value());
  }

  public String str(Expr.Str s) {
    return '"' + s.value().replace("\"", "\"\"") + '"';
  }

  public String bool(Expr.Bool b) {
    return b.value() ? "TRUE" : "FALSE";
  }

  public String error(Expr.Error e) {
    return e.code().text();
  }

  public String var(Expr.Var v) {
    return v.name().matches("[A-Z_][A-Z0-9_.]*") || v.name().contains("!") ? v.name() : "[" + v.name() + "]";
  }

  public String ref(Expr.Ref r) {
    return r.text();
  }

  public String structured(Expr.Structured s) {
    return s.text();
  }

  public String call(Expr.Call c) {
    if (c.args().isEmpty()) {
      return "(" + c.name() + ")";
    }
    return "(" + c.name() + " " + c.args().stream().map(a -> a.accept(this)).collect(Collectors.joining(" ")) + ")";
  }

  public String apply(Expr.Apply a) {
    return "(apply " + a.callee().accept(this)
        + a.args().stream().map(x -> " " + x.accept(this)).collect(Collectors.joining()) + ")";
  }

  public String missing(Expr.Missing m) {
    return "_";
  }

  public String unary(Expr.Unary u) {
    return "(" + (u.negate() ? "neg" : "pos") + " " + u.operand().accept(this) + ")";
  }

  public String percent(Expr.Percent p) {
    return "(% " + p.operand().accept(this) + ")";
  }

  public String binary(Expr.Binary b) {
    return "(" + b.op().symbol() + " " + b.left().accept(this) + " " + b.right().accept(this) + ")";
  }

  public String array(Expr.ArrayLit a) {
    StringBuilder sb = new StringBuilder("{");
    for (int r = 0; r < a.rows(); r++) {
      if (r > 0) {
        sb.append(';');
      }
      for (int c = 0; c < a.cols(); c++) {
        if (c > 0) {
          sb.append(',');
        }
        sb.append(a.cells().get(r * a.cols() + c).accept(this));
      }
    }
    return sb.append('}').toString();
  }
}

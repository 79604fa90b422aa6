package xlspark.formula.ast;

import java.util.List;
import xlspark.formula.SourceSpan;
import xlspark.value.Area;
import xlspark.value.ExcelError;

/** The immutable syntax tree of a formula. Number and text literals carry their hoisted-literal slot. */
public sealed interface Expr {
  SourceSpan span();

  <R> R accept(ExprVisitor<R> v);

  /** A number literal; {@code literal} is its slot among the formula's hoisted literals. */
  record Num(double value, int literal, SourceSpan span) implements Expr {
    public <R> R accept(ExprVisitor<R> v) {
      return v.num(this);
    }
  }

  record Str(String value, int literal, SourceSpan span) implements Expr {
    public <R> R accept(ExprVisitor<R> v) {
      return v.str(this);
    }
  }

  record Bool(boolean value, SourceSpan span) implements Expr {
    public <R> R accept(ExprVisitor<R> v) {
      return v.bool(this);
    }
  }

  record Error(ExcelError code, SourceSpan span) implements Expr {
    public <R> R accept(ExprVisitor<R> v) {
      return v.error(this);
    }
  }

  /** A variable (input column or named constant); {@code name} is upper-cased. */
  record Var(String name, SourceSpan span) implements Expr {
    public <R> R accept(ExprVisitor<R> v) {
      return v.var(this);
    }
  }

  /**
   * A cell reference or area ({@code A1}, {@code $A$1:B2}, {@code Sheet2!A:A}); {@code text} is as written with
   * the cell part upper-cased, {@code index} its slot among the formula's hoisted references. In expression
   * mode a single cell without sheet is a variable of that name (an input column called A1).
   */
  record Ref(String text, int index, Area area, SourceSpan span) implements Expr {
    public <R> R accept(ExprVisitor<R> v) {
      return v.ref(this);
    }
  }

  /** A structured reference to an Excel table ({@code Table1[Amount]}, {@code [@Amount]}), as written. */
  record Structured(String text, SourceSpan span) implements Expr {
    public <R> R accept(ExprVisitor<R> v) {
      return v.structured(this);
    }
  }

  /** A function call; {@code name} is upper-cased. */
  record Call(String name, List<Expr> args, SourceSpan span) implements Expr {
    public <R> R accept(ExprVisitor<R> v) {
      return v.call(this);
    }
  }

  /**
   * A call of a function value: {@code LAMBDA(x,x+1)(2)}, or {@code f(1)(2)} where {@code f(1)} returns a LAMBDA.
   * (A call by a LET name, {@code f(2)}, is a {@link Call} whose name the evaluator finds bound.)
   */
  record Apply(Expr callee, List<Expr> args, SourceSpan span) implements Expr {
    public <R> R accept(ExprVisitor<R> v) {
      return v.apply(this);
    }
  }

  /** An omitted argument, as in {@code IF(A,,1)}. */
  record Missing(SourceSpan span) implements Expr {
    public <R> R accept(ExprVisitor<R> v) {
      return v.missing(this);
    }
  }

  /** Unary minus ({@code negate}) or plus. */
  record Unary(boolean negate, Expr operand, SourceSpan span) implements Expr {
    public <R> R accept(ExprVisitor<R> v) {
      return v.unary(this);
    }
  }

  /** Postfix percent: divides by 100. */
  record Percent(Expr operand, SourceSpan span) implements Expr {
    public <R> R accept(ExprVisitor<R> v) {
      return v.percent(this);
    }
  }

  record Binary(BinaryOp op, Expr left, Expr right, SourceSpan span) implements Expr {
    public <R> R accept(ExprVisitor<R> v) {
      return v.binary(this);
    }
  }

  /** An array constant such as {@code {1,2;3,4}}, row-major; elements are literals. */
  record ArrayLit(int rows, int cols, List<Expr> cells, SourceSpan span) implements Expr {
    public <R> R accept(ExprVisitor<R> v) {
      return v.array(this);
    }
  }
}

package xlspark.formula;

import java.util.ArrayList;
import java.util.List;
import xlspark.formula.ast.BinaryOp;
import xlspark.formula.ast.Expr;
import xlspark.value.ExcelError;

/**
 * Recursive-descent parser, one method per precedence level, lowest first:
 * comparison &lt; {@code &} &lt; {@code + -} &lt; {@code * /} &lt; {@code ^} (left-associative) &lt; postfix
 * {@code %} &lt; unary {@code - +} &lt; union {@code ,} (inside parentheses, workbook mode) &lt; intersection (a
 * space, workbook mode) &lt; {@code :}. So {@code -2^2} is 4 and {@code 2^3^2} is 64.
 *
 * <p>The binary levels repeat one loop on purpose: one table-driven method for all of them ({@code binary(level)}
 * over operator tables) parsed W1d's cold rows about 30% slower in the engine benchmark (CPU-time rates, three
 * alternating runs each), since the JIT no longer inlined the fixed chain.
 */
public final class Parser {
  /** Excel's limit on nested function calls. */
  public static final int MAX_NESTING = 64;
  /** Excel's limit on the arguments of one function call. */
  public static final int MAX_ARGS = 255;
  /** Bound on parenthesis/operator depth, so deep input cannot overflow the stack. */
  static final int MAX_DEPTH = 256;

  private final List<Token> tokens;
  private final Lexed lexed;
  private int pos;
  private int callDepth;
  private int depth;

  private Parser(Lexed lexed) {
    this.tokens = lexed.tokens();
    this.lexed = lexed;
  }

  /** Parses lexed tokens into an AST. */
  public static Expr parse(Lexed lexed) throws FormulaSyntaxException {
    Parser p = new Parser(lexed);
    if (p.peek().kind() == TokenKind.EOF) {
      throw new FormulaSyntaxException("Empty formula", p.peek().span());
    }
    Expr e = p.comparison();
    Token t = p.peek();
    if (t.kind() != TokenKind.EOF) {
      if (t.kind() == TokenKind.RPAREN) {
        throw new FormulaSyntaxException("Unexpected ')' without a matching '('", t.span());
      }
      throw new FormulaSyntaxException("Expected an operator or end of formula, found " + describe(t), t.span());
    }
    return e;
  }

  /** Lexes and parses a formula text. */
  public static Expr parse(String formula) throws FormulaSyntaxException {
    return parse(Lexer.lex(formula));
  }

  private Token peek() {
    return tokens.get(pos);
  }

  private Token next() {
    return tokens.get(pos++);
  }

  private boolean at(TokenKind k) {
    return tokens.get(pos).kind() == k;
  }

  /**
   * Comparisons and percents do not chain flat in the emitted JEXL when mixed, so each one counts as a level
   * of nesting: a thousand of them would otherwise overflow the stack of JEXL's parser.
   */
  private Expr comparison() throws FormulaSyntaxException {
    enter();
    int chained = 0;
    Expr left = concat();
    while (true) {
      BinaryOp op = switch (peek().kind()) {
        case EQ -> BinaryOp.EQ;
        case NE -> BinaryOp.NE;
        case LT -> BinaryOp.LT;
        case GT -> BinaryOp.GT;
        case LE -> BinaryOp.LE;
        case GE -> BinaryOp.GE;
        default -> null;
      };
      if (op == null) {
        depth -= chained;
        leave();
        return left;
      }
      next();
      enter();
      chained++;
      Expr right = concat();
      left = new Expr.Binary(op, left, right, left.span().to(right.span()));
    }
  }

  private Expr concat() throws FormulaSyntaxException {
    Expr left = additive();
    while (at(TokenKind.AMP)) {
      next();
      Expr right = additive();
      left = new Expr.Binary(BinaryOp.CONCAT, left, right, left.span().to(right.span()));
    }
    return left;
  }

  private Expr additive() throws FormulaSyntaxException {
    Expr left = multiplicative();
    while (at(TokenKind.PLUS) || at(TokenKind.MINUS)) {
      BinaryOp op = next().kind() == TokenKind.PLUS ? BinaryOp.ADD : BinaryOp.SUB;
      Expr right = multiplicative();
      left = new Expr.Binary(op, left, right, left.span().to(right.span()));
    }
    return left;
  }

  private Expr multiplicative() throws FormulaSyntaxException {
    Expr left = power();
    while (at(TokenKind.STAR) || at(TokenKind.SLASH)) {
      BinaryOp op = next().kind() == TokenKind.STAR ? BinaryOp.MUL : BinaryOp.DIV;
      Expr right = power();
      left = new Expr.Binary(op, left, right, left.span().to(right.span()));
    }
    return left;
  }

  private Expr power() throws FormulaSyntaxException {
    Expr left = percent();
    while (at(TokenKind.CARET)) {
      next();
      Expr right = percent();
      left = new Expr.Binary(BinaryOp.POW, left, right, left.span().to(right.span()));
    }
    return left;
  }

  private Expr percent() throws FormulaSyntaxException {
    Expr e = unary();
    int chained = 0;
    while (at(TokenKind.PERCENT)) {
      enter();
      chained++;
      Token t = next();
      e = new Expr.Percent(e, e.span().to(t.span()));
    }
    depth -= chained;
    return e;
  }

  private Expr unary() throws FormulaSyntaxException {
    if (at(TokenKind.MINUS) || at(TokenKind.PLUS)) {
      Token t = next();
      enter();
      Expr operand = unary();
      leave();
      return new Expr.Unary(t.kind() == TokenKind.MINUS, operand, t.span().to(operand.span()));
    }
    return intersection();
  }

  private Expr intersection() throws FormulaSyntaxException {
    Expr left = range();
    while (at(TokenKind.INTERSECT)) {
      next();
      Expr right = range();
      left = new Expr.Binary(BinaryOp.INTERSECT, left, right, left.span().to(right.span()));
    }
    return left;
  }

  private Expr range() throws FormulaSyntaxException {
    Expr left = primary();
    while (at(TokenKind.COLON)) {
      next();
      Expr right = primary();
      left = new Expr.Binary(BinaryOp.RANGE, left, right, left.span().to(right.span()));
    }
    return left;
  }

  private Expr primary() throws FormulaSyntaxException {
    Token t = next();
    switch (t.kind()) {
      case NUMBER:
        return new Expr.Num(t.number(), t.literal(), t.span());
      case STRING:
        return new Expr.Str(t.text(), t.literal(), t.span());
      case BOOL:
        return new Expr.Bool(t.text().equals("TRUE"), t.span());
      case ERROR:
        return new Expr.Error(ExcelError.valueOf(t.text()), t.span());
      case IDENT:
        if (at(TokenKind.LPAREN)) {
          return call(t);
        }
        return new Expr.Var(t.text(), t.span());
      case REF:
        return new Expr.Ref(t.text(), t.literal(), lexed.refs()[t.literal()], t.span());
      case STRUCT:
        return new Expr.Structured(t.text(), t.span());
      case LPAREN: {
        enter();
        Expr inner = comparison();
        while (lexed.workbook() && at(TokenKind.COMMA)) {
          next();
          Expr right = comparison();
          inner = new Expr.Binary(BinaryOp.UNION, inner, right, inner.span().to(right.span()));
        }
        leave();
        Token close = next();
        if (close.kind() != TokenKind.RPAREN) {
          throw new FormulaSyntaxException("Expected ')' to close '(', found " + describe(close), close.span());
        }
        return inner;
      }
      case LBRACE:
        return array(t);
      default:
        throw new FormulaSyntaxException("Expected an expression, found " + describe(t), t.span());
    }
  }

  private Expr call(Token name) throws FormulaSyntaxException {
    next();
    enterCall(name.span());
    List<Expr> args = new ArrayList<>();
    Token close = arguments(name.text(), name.span(), args);
    callDepth--;
    Expr e = new Expr.Call(name.text(), List.copyOf(args), name.span().to(close.span()));
    // A call applied to arguments: LAMBDA(x,x+1)(2), or a LET name's lambda called twice over f(1)(2)
    while (at(TokenKind.LPAREN)) {
      Token open = next();
      enterCall(open.span());
      List<Expr> applied = new ArrayList<>();
      Token end = arguments("a LAMBDA", open.span(), applied);
      callDepth--;
      e = new Expr.Apply(e, List.copyOf(applied), e.span().to(end.span()));
    }
    return e;
  }

  private void enterCall(SourceSpan at) throws FormulaSyntaxException {
    if (++callDepth > MAX_NESTING) {
      throw new FormulaSyntaxException("More than " + MAX_NESTING + " levels of nested functions", at);
    }
  }

  /** The arguments after an opening '(' up to its ')', which is returned; an empty argument is Missing. */
  private Token arguments(String what, SourceSpan at, List<Expr> args) throws FormulaSyntaxException {
    if (at(TokenKind.RPAREN)) {
      return next();
    }
    while (true) {
      if (at(TokenKind.COMMA) || at(TokenKind.RPAREN)) {
        args.add(new Expr.Missing(peek().span()));
      } else {
        args.add(comparison());
      }
      if (args.size() > MAX_ARGS) {
        throw new FormulaSyntaxException("More than " + MAX_ARGS + " arguments in a call to " + what, at);
      }
      Token sep = next();
      if (sep.kind() == TokenKind.RPAREN) {
        return sep;
      }
      if (sep.kind() != TokenKind.COMMA) {
        String why = sep.kind() == TokenKind.EOF ? "Expected ')' after arguments"
            : "Expected ',' or ')' after an argument, found " + describe(sep);
        throw new FormulaSyntaxException(why, sep.span());
      }
    }
  }

  private Expr array(Token open) throws FormulaSyntaxException {
    List<Expr> cells = new ArrayList<>();
    int cols = -1;
    int rowLen = 0;
    int rows = 1;
    while (true) {
      cells.add(arrayElement());
      rowLen++;
      Token sep = next();
      if (sep.kind() == TokenKind.COMMA) {
        continue;
      }
      if (sep.kind() == TokenKind.SEMICOLON || sep.kind() == TokenKind.RBRACE) {
        if (cols >= 0 && rowLen != cols) {
          throw new FormulaSyntaxException("Array rows have different lengths", sep.span());
        }
        cols = rowLen;
        rowLen = 0;
        if (sep.kind() == TokenKind.RBRACE) {
          return new Expr.ArrayLit(rows, cols, List.copyOf(cells), open.span().to(sep.span()));
        }
        rows++;
        continue;
      }
      String what = sep.kind() == TokenKind.EOF ? "Expected '}' to close the array"
          : "Expected ',', ';' or '}' in an array, found " + describe(sep);
      throw new FormulaSyntaxException(what, sep.span());
    }
  }

  private Expr arrayElement() throws FormulaSyntaxException {
    Token t = next();
    switch (t.kind()) {
      case NUMBER:
        return new Expr.Num(t.number(), t.literal(), t.span());
      case STRING:
        return new Expr.Str(t.text(), t.literal(), t.span());
      case BOOL:
        return new Expr.Bool(t.text().equals("TRUE"), t.span());
      case ERROR:
        return new Expr.Error(ExcelError.valueOf(t.text()), t.span());
      case MINUS:
      case PLUS: {
        Token n = next();
        if (n.kind() != TokenKind.NUMBER) {
          throw new FormulaSyntaxException("Expected a number after the sign in an array", n.span());
        }
        Expr num = new Expr.Num(n.number(), n.literal(), n.span());
        return t.kind() == TokenKind.MINUS ? new Expr.Unary(true, num, t.span().to(n.span())) : num;
      }
      default:
        throw new FormulaSyntaxException("Expected a constant in an array, found " + describe(t), t.span());
    }
  }

  private void enter() throws FormulaSyntaxException {
    if (++depth > MAX_DEPTH) {
      throw new FormulaSyntaxException("Formula nested more than " + MAX_DEPTH + " levels deep", peek().span());
    }
  }

  private void leave() {
    depth--;
  }

  private static String describe(Token t) {
    return switch (t.kind()) {
      case EOF -> "end of formula";
      case IDENT -> "name " + t.text();
      case NUMBER, STRING -> t.kind().display();
      default -> t.kind().display();
    };
  }
}

package xlspark.compile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import xlspark.formula.FormulaSyntaxException;
import xlspark.formula.ast.BinaryOp;
import xlspark.formula.ast.Expr;
import xlspark.formula.ast.ExprVisitor;
import xlspark.functions.ArgKind;
import xlspark.functions.FunctionSpec;
import xlspark.functions.library.FunctionRegistry;
import xlspark.value.ExcelError;
import xlspark.value.Value;

/**
 * Emits JEXL source from an AST; user text never reaches JEXL. Literals become parameters ({@code s0},
 * {@code s1}, ...) described by {@link Slot}s; Excel operators become JEXL operators that
 * {@link ExcelArithmetic} implements ({@code <>} as {@code !(a == b)}, {@code %} as {@code (a / 100)});
 * calls become {@code xl:NAME(...)} for registry functions only; unknown functions become a #NAME? constant.
 * In workbook mode references, names and structured references become slots the workbook fills at bind
 * time ({@link Slot.Ref}, {@link Slot.Name}, {@link Slot.Structured}), each marked with how it is used;
 * in expression mode a single cell such as {@code A1} is the variable of that name and the rest is refused.
 */
public final class JexlTranslator {
  private final FunctionRegistry registry;

  public JexlTranslator(FunctionRegistry registry) {
    this.registry = registry;
  }

  /** The JEXL text, its parameter slots, and what the formula refers to. */
  public record Translation(String jexl, List<Slot> slots, Set<String> variables, Set<String> functions,
                            Set<String> unknownFunctions, boolean isVolatile) {
  }

  /**
   * Translates in workbook mode ({@code workbook}) or expression mode; an array constant of more than
   * {@code maxArrayCells} cells (the run's limit) is refused.
   */
  public Translation translate(Expr root, boolean workbook, int maxArrayCells) throws FormulaSyntaxException {
    ShapeCheck.Result check = ShapeCheck.check(root, workbook, registry, maxArrayCells);
    if (check.failure() != null) {
      throw check.failure();
    }
    Emitter em = new Emitter(workbook);
    String jexl = root.accept(em);
    return new Translation(jexl, List.copyOf(em.slots), check.variables(), check.functions(),
        check.unknownFunctions(), check.isVolatile());
  }

  /**
   * JEXL precedence level of an operator that chains without parentheses, or null. Comparisons never do:
   * JEXL's grammar takes one comparison per level, and its levels differ from Excel's single one.
   */
  private static String group(BinaryOp op) {
    return switch (op) {
      case ADD, SUB -> "additive";
      case MUL, DIV -> "multiplicative";
      case POW -> "power";
      case CONCAT -> "concat";
      case EQ, NE, LT, GT, LE, GE, RANGE, INTERSECT, UNION -> null;
    };
  }

  private static String jexlOperator(BinaryOp op) {
    return switch (op) {
      case ADD -> "+";
      case SUB -> "-";
      case MUL -> "*";
      case DIV -> "/";
      case POW -> "^";
      case CONCAT -> "&";
      case EQ, NE, LT, GT, LE, GE, RANGE, INTERSECT, UNION -> throw new IllegalArgumentException(op.name());
    };
  }

  private final class Emitter implements ExprVisitor<String> {
    final List<Slot> slots = new ArrayList<>();
    final Map<Slot, String> names = new LinkedHashMap<>();
    final boolean workbook;
    /** How the expression being emitted is used (workbook mode: what its references become). */
    Slot.Use use = Slot.Use.VALUE;

    Emitter(boolean workbook) {
      this.workbook = workbook;
    }

    /** Emits a child expression used as {@code u}. */
    private String child(Expr e, Slot.Use u) {
      Slot.Use saved = use;
      use = u;
      try {
        return e.accept(this);
      } finally {
        use = saved;
      }
    }

    /**
     * An operand: one value, unless inside an array argument (SUMPRODUCT(A1:A3*B1:B3)), where the whole
     * argument expression is evaluated over arrays, as Excel does for array-type parameters.
     */
    private String operand(Expr e) {
      return child(e, use == Slot.Use.ARRAY ? Slot.Use.ARRAY : Slot.Use.VALUE);
    }

    private String slot(Slot s) {
      return names.computeIfAbsent(s, k -> {
        slots.add(k);
        return "s" + (slots.size() - 1);
      });
    }

    public String num(Expr.Num n) {
      return slot(new Slot.Literal(n.literal()));
    }

    public String str(Expr.Str s) {
      return slot(new Slot.Literal(s.literal()));
    }

    public String bool(Expr.Bool b) {
      return slot(new Slot.Const(Value.bool(b.value())));
    }

    public String error(Expr.Error e) {
      return slot(new Slot.Const(Value.err(e.code())));
    }

    public String var(Expr.Var v) {
      if (workbook) {
        return slot(new Slot.Name(v.name(), use));
      }
      return slot(new Slot.Variable(v.name()));
    }

    public String ref(Expr.Ref r) {
      if (workbook) {
        return slot(new Slot.Ref(r.index(), use));
      }
      return slot(new Slot.Variable(r.text()));
    }

    public String structured(Expr.Structured s) {
      if (workbook) {
        return slot(new Slot.Structured(s.text(), use));
      }
      return slot(new Slot.Const(Value.err(ExcelError.REF)));
    }

    public String apply(Expr.Apply a) {
      // ShapeCheck sends every formula with a LAMBDA to the interpreter, and refuses it in workbook mode
      throw new IllegalStateException("a LAMBDA call reached the JEXL translator");
    }

    public String missing(Expr.Missing m) {
      return slot(new Slot.Const(Value.MISSING));
    }

    public String call(Expr.Call c) {
      if (workbook && ShapeCheck.isSpillReference(c)) {
        // A1# as Excel saves it: _xlfn.ANCHORARRAY(A1), the range the array formula at A1 spills over
        return internal(FunctionNamespace.SPILL) + "(" + child(c.args().get(0), Slot.Use.REFERENCE) + ")";
      }
      FunctionSpec spec = registry.lookup(c.name());
      if (spec == null) {
        return slot(new Slot.Const(ShapeCheck.unknownFunction(registry, c.name())));
      }
      LazyCalls.Kind lazy = LazyCalls.kind(spec, c.args().size(), workbook);
      if (lazy != null) {
        return lazyCall(lazy, c);
      }
      StringBuilder sb = new StringBuilder(fn(spec.name())).append('(');
      for (int i = 0; i < c.args().size(); i++) {
        if (i > 0) {
          sb.append(", ");
        }
        ArgKind kind = spec.kind(i);
        Expr arg = c.args().get(i);
        sb.append(kind == ArgKind.REFERENCE ? child(arg, Slot.Use.REFERENCE)
            : kind == ArgKind.ARRAY ? child(arg, Slot.Use.ARRAY) : operand(arg));
      }
      return sb.append(')').toString();
    }

    private String fn(String excelName) {
      return JexlSandbox.NAMESPACE + ":" + FunctionNamespace.jexlName(excelName);
    }

    private String internal(String jexlName) {
      return JexlSandbox.NAMESPACE + ":" + jexlName;
    }

    private String constant(Value v) {
      return slot(new Slot.Const(v));
    }

    /**
     * A lazy call as JEXL conditionals over the function's own decision on constant branches; only the branch
     * taken is evaluated. A decision that is not a boolean makes the conditional throw {@link LazyFallback}.
     */
    private String lazyCall(LazyCalls.Kind kind, Expr.Call c) {
      String t = constant(Value.TRUE);
      String f = constant(Value.FALSE);
      String m = constant(Value.MISSING);
      List<Expr> args = c.args();
      switch (kind) {
        case IF: {
          String cond = operand(args.get(0));
          String taken = fn("IF") + "(" + t + ", " + operand(args.get(1)) + ")";
          String other = args.size() == 3 ? fn("IF") + "(" + f + ", " + m + ", " + operand(args.get(2)) + ")"
              : fn("IF") + "(" + f + ", " + m + ")";
          return "(" + fn("IF") + "(" + cond + ", " + t + ", " + f + ") ? " + taken + " : " + other + ")";
        }
        case IFERROR:
        case IFNA: {
          String name = kind == LazyCalls.Kind.IFERROR ? "IFERROR" : "IFNA";
          String test = kind == LazyCalls.Kind.IFERROR ? "ISERROR" : "ISNA";
          String value = operand(args.get(0));
          String fallback = operand(args.get(1));
          return "(" + fn(test) + "(" + internal(FunctionNamespace.PUSH) + "(" + value + ")) ? "
              + fn(name) + "(" + internal(FunctionNamespace.POP) + "(), " + fallback + ") : "
              + fn(name) + "(" + internal(FunctionNamespace.POP) + "(), " + m + "))";
        }
        case CHOOSE: {
          int n = args.size() - 1;
          StringBuilder index = new StringBuilder(fn("CHOOSE")).append('(').append(operand(args.get(0)));
          String[] ks = new String[n + 1];
          for (int k = 1; k <= n; k++) {
            ks[k] = constant(Value.num(k));
            index.append(", ").append(ks[k]);
          }
          index.append(')');
          StringBuilder sb = new StringBuilder();
          int open = 0;
          for (int k = 1; k <= n; k++) {
            String branch = fn("CHOOSE") + "(" + internal(FunctionNamespace.DROP_ONE) + "(), " + operand(args.get(k))
                + ")";
            if (k == n && n > 1) {
              sb.append(branch);
              break;
            }
            String key = k == 1 ? internal(FunctionNamespace.PUSH) + "(" + index + ")"
                : internal(FunctionNamespace.PEEK) + "()";
            sb.append("((").append(key).append(" == ").append(ks[k]).append(") ? ").append(branch).append(" : ");
            open++;
            if (n == 1) {
              sb.append(branch);
            }
          }
          sb.append(")".repeat(open));
          return sb.toString();
        }
        case IFS: {
          StringBuilder sb = new StringBuilder();
          for (int i = 0; i < args.size(); i += 2) {
            sb.append('(').append(fn("IFS")).append('(').append(operand(args.get(i))).append(", ").append(t)
                .append(", ").append(t).append(", ").append(f).append(") ? ").append(fn("IFS")).append('(').append(t)
                .append(", ").append(operand(args.get(i + 1))).append(") : ");
          }
          sb.append(fn("IFS")).append('(').append(f).append(", ").append(m).append(')');
          sb.append(")".repeat(args.size() / 2));
          return sb.toString();
        }
        case SWITCH: {
          int pairs = (args.size() - 1) / 2;
          String one = constant(Value.num(1));
          String zero = constant(Value.num(0));
          String drop = internal(FunctionNamespace.DROP_ONE) + "()";
          StringBuilder sb = new StringBuilder();
          for (int k = 0; k < pairs; k++) {
            String key = k == 0 ? internal(FunctionNamespace.PUSH) + "(" + operand(args.get(0)) + ")"
                : internal(FunctionNamespace.PEEK) + "()";
            sb.append('(').append(fn("SWITCH")).append('(').append(key).append(", ").append(operand(args.get(1 + 2 * k)))
                .append(", ").append(t).append(", ").append(f).append(") ? ").append(fn("SWITCH")).append('(')
                .append(drop).append(", ").append(one).append(", ").append(operand(args.get(2 + 2 * k))).append(") : ");
          }
          sb.append(fn("SWITCH")).append('(').append(drop).append(", ").append(zero).append(", ").append(m);
          if (args.size() % 2 == 0) {
            sb.append(", ").append(operand(args.get(args.size() - 1)));
          }
          sb.append(')').append(")".repeat(pairs));
          return sb.toString();
        }
        default:
          throw new IllegalStateException(kind.name());
      }
    }

    /**
     * Workbook mode: a reference operator as an internal function on its operands taken as references (ShapeCheck
     * refuses them elsewhere). {@code INDEX} as an operand is its reference form ({@code A1:INDEX(B:B,3)}).
     */
    private String referenceOperator(Expr.Binary b) {
      String fn = switch (b.op()) {
        case RANGE -> FunctionNamespace.RANGE;
        case INTERSECT -> FunctionNamespace.INTERSECT;
        case UNION -> FunctionNamespace.UNION;
        default -> throw new IllegalStateException(b.op().name());
      };
      return internal(fn) + "(" + reference(b.left()) + ", " + reference(b.right()) + ")";
    }

    private String reference(Expr e) {
      if (e instanceof Expr.Call c && c.name().equals("INDEX") && c.args().size() >= 2 && c.args().size() <= 3) {
        StringBuilder sb = new StringBuilder(internal(FunctionNamespace.INDEX_REFERENCE)).append('(')
            .append(child(c.args().get(0), Slot.Use.REFERENCE));
        for (int i = 1; i < c.args().size(); i++) {
          sb.append(", ").append(child(c.args().get(i), Slot.Use.VALUE));
        }
        return sb.append(')').toString();
      }
      return child(e, Slot.Use.REFERENCE);
    }

    /**
     * A run of signs emits at most two negations: unary plus changes nothing in Excel, and a double negation
     * is exactly a conversion to number, so {@code ----x} is {@code --x}. Long runs ({@code =-----...1}, valid
     * Excel) would otherwise nest JEXL's parser as deep as the run is long.
     */
    public String unary(Expr.Unary u) {
      int negations = 0;
      int signs = 0;
      Expr e = u;
      while (e instanceof Expr.Unary v) {
        negations += v.negate() ? 1 : 0;
        signs++;
        e = v.operand();
      }
      if (signs == 1) {
        return "(" + (u.negate() ? "-" : "+") + operand(e) + ")";
      }
      int keep = negations == 0 ? 0 : negations % 2 == 1 ? 1 : 2;
      String inner = operand(e);
      if (keep == 0) {
        return "(+" + inner + ")";
      }
      return keep == 1 ? "(-" + inner + ")" : "(-(-" + inner + "))";
    }

    /** {@code x%%%} as {@code (x / 100 / 100 / 100)}: flat, for the reason given at {@link #chain}. */
    public String percent(Expr.Percent p) {
      int n = 0;
      Expr e = p;
      while (e instanceof Expr.Percent q) {
        n++;
        e = q.operand();
      }
      StringBuilder sb = new StringBuilder("(").append(operand(e));
      String hundred = slot(new Slot.Const(Value.num(100)));
      for (int i = 0; i < n; i++) {
        sb.append(" / ").append(hundred);
      }
      return sb.append(')').toString();
    }

    public String binary(Expr.Binary b) {
      if (b.op().isReference()) {
        return referenceOperator(b);
      }
      if (group(b.op()) != null) {
        return chain(b);
      }
      String l = operand(b.left());
      String r = operand(b.right());
      return switch (b.op()) {
        case ADD -> "(" + l + " + " + r + ")";
        case SUB -> "(" + l + " - " + r + ")";
        case MUL -> "(" + l + " * " + r + ")";
        case DIV -> "(" + l + " / " + r + ")";
        case POW -> "(" + l + " ^ " + r + ")";
        case CONCAT -> "(" + l + " & " + r + ")";
        case EQ -> "(" + l + " == " + r + ")";
        case NE -> "!(" + l + " == " + r + ")";
        case LT -> "(" + l + " < " + r + ")";
        case GT -> "(" + l + " > " + r + ")";
        case LE -> "(" + l + " <= " + r + ")";
        case GE -> "(" + l + " >= " + r + ")";
        case RANGE, INTERSECT, UNION -> throw new IllegalStateException("handled above");
      };
    }

    /**
     * A left-deep chain of operators of one JEXL precedence level ({@code 1+2-3+...}, {@code a&b&c}) as one
     * flat JEXL expression: JEXL parses it in a loop and associates it to the left as Excel does, whereas one
     * parenthesis per operator would nest as deep as the chain is long and overflow the stack of JEXL's
     * parser after a few hundred operators. Walks the left spine iteratively for the same reason.
     */
    private String chain(Expr.Binary top) {
      String level = group(top.op());
      java.util.ArrayDeque<Expr.Binary> spine = new java.util.ArrayDeque<>();
      Expr e = top;
      while (e instanceof Expr.Binary b && level.equals(group(b.op()))) {
        spine.push(b);
        e = b.left();
      }
      StringBuilder sb = new StringBuilder("(").append(operand(e));
      for (Expr.Binary b : spine) {
        sb.append(' ').append(jexlOperator(b.op())).append(' ').append(operand(b.right()));
      }
      return sb.append(')').toString();
    }

    public String array(Expr.ArrayLit a) {
      List<Slot.Cell> cells = new ArrayList<>(a.cells().size());
      for (Expr e : a.cells()) {
        cells.add(cell(e));
      }
      return slot(new Slot.ArrayConst(a.rows(), a.cols(), List.copyOf(cells)));
    }

    private Slot.Cell cell(Expr e) {
      if (e instanceof Expr.Num n) {
        return new Slot.Cell(n.literal(), false, null);
      }
      if (e instanceof Expr.Str s) {
        return new Slot.Cell(s.literal(), false, null);
      }
      if (e instanceof Expr.Unary u && u.operand() instanceof Expr.Num n) {
        return new Slot.Cell(n.literal(), u.negate(), null);
      }
      if (e instanceof Expr.Bool b) {
        return new Slot.Cell(-1, false, Value.bool(b.value()));
      }
      if (e instanceof Expr.Error er) {
        return new Slot.Cell(-1, false, Value.err(er.code()));
      }
      throw new IllegalStateException("the parser admits only constants in arrays");
    }
  }
}

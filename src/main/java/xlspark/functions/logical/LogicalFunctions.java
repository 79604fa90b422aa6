package xlspark.functions.logical;

import static xlspark.functions.ArgKind.ANY;
import static xlspark.functions.ArgKind.ARRAY;
import static xlspark.functions.ArgKind.BOOLEAN;

import java.util.List;
import java.util.function.IntBinaryOperator;
import xlspark.functions.Args;
import xlspark.functions.ErrorPolicy;
import xlspark.functions.FunctionSpec;
import xlspark.value.Coerce;
import xlspark.value.ExcelError;
import xlspark.value.Ops;
import xlspark.value.Value;
import xlspark.value.Value.Arr;
import xlspark.value.Value.Blank;
import xlspark.value.Value.Bool;
import xlspark.value.Value.Err;
import xlspark.value.Value.Num;

/**
 * Logical functions. The branching functions (IF, IFS, IFERROR, IFNA, SWITCH) inspect errors themselves:
 * Excel evaluates only the branch it takes, so an error in a branch not taken does not matter.
 */
public final class LogicalFunctions {
  private LogicalFunctions() {
  }

  public static List<FunctionSpec> specs() {
    return List.of(
        FunctionSpec.builder("IF", LogicalFunctions::ifFn).arg(BOOLEAN).optionalArg(ANY, false).optionalArg(ANY, false)
            .errorPolicy(ErrorPolicy.INSPECTS_ERRORS).build(),
        FunctionSpec.builder("IFS", LogicalFunctions::ifs).args(ANY, ANY).repeating(ANY, 254)
            .errorPolicy(ErrorPolicy.INSPECTS_ERRORS).build(),
        FunctionSpec.builder("IFERROR", a -> orElse(a, a.get(0) instanceof Err)).args(ANY, ANY)
            .errorPolicy(ErrorPolicy.INSPECTS_ERRORS).build(),
        FunctionSpec.builder("IFNA", a -> orElse(a, a.get(0) instanceof Err e && e.code() == ExcelError.NA))
            .args(ANY, ANY).errorPolicy(ErrorPolicy.INSPECTS_ERRORS).build(),
        FunctionSpec.builder("SWITCH", LogicalFunctions::switchFn).args(ANY, ANY, ANY).repeating(ANY, 254)
            .errorPolicy(ErrorPolicy.INSPECTS_ERRORS).build(),
        fold("AND", (t, n) -> t == n ? 1 : 0),
        fold("OR", (t, n) -> t > 0 ? 1 : 0),
        fold("XOR", (t, n) -> t % 2),
        FunctionSpec.builder("NOT", a -> Value.bool(!a.bool(0))).arg(BOOLEAN).build(),
        FunctionSpec.builder("TRUE", a -> Value.TRUE).build(),
        FunctionSpec.builder("FALSE", a -> Value.FALSE).build());
  }

  /** IF: an omitted value branch is FALSE (the spec's default), one written empty is 0 ({@code IF(A,,1)}). */
  static Value ifFn(Args a) {
    if (a.get(0) instanceof Err e) {
      return e;
    }
    return branch(a, a.bool(0) ? 1 : 2);
  }

  /** Argument i as a result: written empty, it is 0. */
  private static Value branch(Args a, int i) {
    Value v = a.get(i);
    return v == Value.MISSING ? Value.ZERO : v;
  }

  /** IFERROR and IFNA: the first value unless it is the error caught, then the second. */
  private static Value orElse(Args a, boolean caught) {
    return branch(a, caught ? 1 : 0);
  }

  /** IFS(condition, value, ...): the value of the first TRUE condition; none is #N/A. */
  static Value ifs(Args a) {
    if (a.size() % 2 != 0) {
      // Excel refuses such a formula when it is typed; here it is an engine error, not a data error
      return Value.err(ExcelError.ERROR, "IFS needs condition/value pairs");
    }
    for (int i = 0; i < a.size(); i += 2) {
      Value c = Coerce.toBool(a.get(i));
      if (c instanceof Err) {
        return c;
      }
      if (((Bool) c).b()) {
        return branch(a, i + 1);
      }
    }
    return Value.err(ExcelError.NA, "no IFS condition is TRUE");
  }

  /**
   * SWITCH(expression, value, result, ..., [default]): the result of the first value equal to the expression
   * (as {@code =} compares, text without case); no match and no default is #N/A.
   */
  static Value switchFn(Args a) {
    Value x = a.get(0);
    if (x instanceof Err) {
      return x;
    }
    int i = 1;
    for (; i + 1 < a.size(); i += 2) {
      Value v = a.get(i);
      if (v instanceof Err) {
        return v;
      }
      if (sameKind(x, v) && Ops.compare(x, v) == 0) {
        return branch(a, i + 1);
      }
    }
    return i < a.size() ? branch(a, i) : Value.err(ExcelError.NA, "no SWITCH value matches");
  }

  /** SWITCH matches a number only with a number, text with text...; a blank matches 0, "" and FALSE. */
  private static boolean sameKind(Value x, Value v) {
    return x instanceof Blank || v instanceof Blank || x.getClass() == v.getClass();
  }

  /**
   * AND, OR and XOR: {@code verdict(trueCount, logicalCount)} is 1 for TRUE. Direct arguments must be
   * logical (numbers, booleans, "TRUE"/"FALSE" text; an empty argument is FALSE); inside arrays text and
   * blanks are skipped. No logical value at all is #VALUE!; the first error value met is returned, even after a
   * text argument that is not logical ({@code AND(TRUE,"0",#REF!)} is #REF! in Excel), which is #VALUE! otherwise.
   */
  private static FunctionSpec fold(String name, IntBinaryOperator verdict) {
    return FunctionSpec.builder(name, a -> logical(a, verdict)).arg(ARRAY).repeating(ARRAY)
        .errorPolicy(ErrorPolicy.INSPECTS_ERRORS).build();
  }

  private static Value logical(Args a, IntBinaryOperator verdict) {
    int trues = 0;
    int count = 0;
    Value notLogical = null;
    for (int i = 0; i < a.size(); i++) {
      Value v = a.get(i);
      if (v instanceof Arr arr) {
        for (Value c : arr.cells()) {
          if (c instanceof Err) {
            return c;
          }
          if (c instanceof Bool || c instanceof Num) {
            count++;
            trues += ((Bool) Coerce.toBool(c)).b() ? 1 : 0;
          }
        }
        a.ctx().checkDeadline();
      } else if (v instanceof Blank && v != Value.MISSING) {
        continue;
      } else {
        if (v instanceof Err) {
          return v;
        }
        Value b = Coerce.toBool(v);
        if (b instanceof Err) {
          notLogical = notLogical == null ? b : notLogical;
          continue;
        }
        count++;
        trues += ((Bool) b).b() ? 1 : 0;
      }
    }
    if (notLogical != null) {
      return notLogical;
    }
    if (count == 0) {
      return Value.err(ExcelError.VALUE, "no logical values");
    }
    return Value.bool(verdict.applyAsInt(trues, count) == 1);
  }
}

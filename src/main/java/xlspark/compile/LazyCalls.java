package xlspark.compile;

import xlspark.functions.FunctionSpec;

/**
 * The calls that evaluate only the argument they return, as Excel does: IF (the branch taken), IFERROR and IFNA
 * (the fallback only when needed), CHOOSE (the chosen value), IFS and SWITCH (the first match). One home for which calls these are, used by the
 * translator (JEXL conditionals over the function's own decision) and the interpreter alike. The decision is always
 * made by the registry function itself on constant branches ({@code IF(c,TRUE,FALSE)}, {@code ISERROR(v)},
 * {@code CHOOSE(i,1,2,...)}), and the result by the function on the one evaluated branch, so a lazy call returns
 * what the eager call returns whenever its untaken branches are harmless. A decision that is not one branch (an
 * array condition: IF over arrays evaluates both) evaluates every argument, as before.
 * IFS decides each pair with {@code IFS(c,TRUE,TRUE,FALSE)}, SWITCH each value with {@code SWITCH(x,v,TRUE,FALSE)}.
 * Not in workbook mode (references are bound before evaluation there).
 */
final class LazyCalls {
  /** CHOOSE with more values than this stays eager (its JEXL form nests one conditional per value). */
  static final int MAX_CHOOSE = 32;

  enum Kind { IF, IFERROR, IFNA, CHOOSE, IFS, SWITCH }

  private LazyCalls() {
  }

  static Kind kind(FunctionSpec spec, int args, boolean workbook) {
    if (workbook) {
      return null;
    }
    return switch (spec.name()) {
      case "IF" -> args >= 2 && args <= 3 ? Kind.IF : null;
      case "IFERROR" -> args == 2 ? Kind.IFERROR : null;
      case "IFNA" -> args == 2 ? Kind.IFNA : null;
      case "CHOOSE" -> args >= 2 && args - 1 <= MAX_CHOOSE ? Kind.CHOOSE : null;
      case "IFS" -> args >= 2 && args % 2 == 0 && args / 2 <= MAX_CHOOSE ? Kind.IFS : null;
      case "SWITCH" -> args >= 3 && (args - 1) / 2 <= MAX_CHOOSE ? Kind.SWITCH : null;
      default -> null;
    };
  }
}

package xlspark.compile;

import xlspark.functions.FunctionSpec;

/**
 * The calls that evaluate only the argument they return, as Excel does: IF (the branch taken), IFERROR and IFNA
 * (the fallback only when needed) and CHOOSE (the chosen value). One home for which calls these are, used by the
 * translator (JEXL conditionals over the function's own decision) and the interpreter alike. The decision is always
 * made by the registry function itself on constant branches ({@code IF(c,TRUE,FALSE)}, {@code ISERROR(v)},
 * {@code CHOOSE(i,1,2,...)}), and the result by the function on the one evaluated branch, so a lazy call returns
 * what the eager call returns whenever its untaken branches are harmless. A decision that is not one branch (an
 * array condition: IF over arrays evaluates both) evaluates every argument, as before.
 * Not in workbook mode (references are bound before evaluation there). IFS and SWITCH are still eager.
 */
final class LazyCalls {
  /** CHOOSE with more values than this stays eager (its JEXL form nests one conditional per value). */
  static final int MAX_CHOOSE = 32;

  enum Kind { IF, IFERROR, IFNA, CHOOSE }

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
      default -> null;
    };
  }
}

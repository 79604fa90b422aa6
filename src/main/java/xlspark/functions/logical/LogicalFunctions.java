package xlspark.functions.logical;

import static xlspark.functions.ArgKind.ANY;
import static xlspark.functions.ArgKind.BOOLEAN;

import java.util.List;
import xlspark.functions.Args;
import xlspark.functions.FunctionSpec;
import xlspark.value.Value;

/** Logical functions. */
public final class LogicalFunctions {
  private LogicalFunctions() {
  }

  public static List<FunctionSpec> specs() {
    return List.of(
        FunctionSpec.builder("IF", LogicalFunctions::ifFn).arg(BOOLEAN).optionalArg(ANY).optionalArg(ANY).build());
  }

  /** IF: an omitted value branch gives FALSE when absent and 0 when written empty ({@code IF(A,,1)}). */
  static Value ifFn(Args a) {
    int branch = a.bool(0) ? 1 : 2;
    if (!a.has(branch)) {
      return Value.FALSE;
    }
    Value v = a.get(branch);
    return v == Value.MISSING ? Value.ZERO : v;
  }
}

package xlspark.compile;

import java.util.HashMap;
import java.util.Map;
import xlspark.functions.ArgKind;
import xlspark.functions.ErrorPolicy;
import xlspark.functions.FunctionSpec;
import xlspark.functions.library.FunctionRegistry;
import xlspark.functions.reference.ReferenceOperators;

/**
 * The object bound to the JEXL namespace {@code xl}. It has no methods of its own that JEXL could reach:
 * {@link SandboxUberspect} resolves {@code xl:NAME(...)} to the registry's function of that name, and
 * nothing else. The functions get the run's {@link xlspark.functions.EvalContext} from {@link JexlSandbox#run}.
 */
public final class FunctionNamespace {
  private final Map<String, FunctionSpec> byJexlName = new HashMap<>();

  /** Internal functions of lazy calls' JEXL (lower case: no registry name, so no user formula can name them). */
  static final String PUSH = "push_";
  static final String POP = "pop_";
  static final String PEEK = "peek_";
  static final String DROP_ONE = "drop1_";
  /** Internal functions of the reference operators (workbook mode). */
  static final String RANGE = "range_";
  static final String INTERSECT = "isect_";
  static final String UNION = "union_";
  static final String INDEX_REFERENCE = "indexref_";
  static final String SPILL = "spill_";

  FunctionNamespace(FunctionRegistry registry) {
    for (FunctionSpec s : registry.all()) {
      byJexlName.put(jexlName(s.name()), s);
    }
    byJexlName.put(PUSH, FunctionSpec.builder(PUSH, a -> a.ctx().pushBranch(a.get(0))).arg(ArgKind.ANY)
        .errorPolicy(ErrorPolicy.INSPECTS_ERRORS).build());
    byJexlName.put(POP, FunctionSpec.builder(POP, a -> a.ctx().popBranch()).build());
    byJexlName.put(PEEK, FunctionSpec.builder(PEEK, a -> a.ctx().peekBranch()).build());
    for (FunctionSpec s : ReferenceOperators.specs(RANGE, INTERSECT, UNION, INDEX_REFERENCE, SPILL)) {
      byJexlName.put(s.name(), s);
    }
    byJexlName.put(DROP_ONE, FunctionSpec.builder(DROP_ONE, a -> {
      a.ctx().popBranch();
      return ONE;
    }).build());
  }

  private static final xlspark.value.Value ONE = xlspark.value.Value.num(1);

  /** The identifier a function has in emitted JEXL: its Excel name with '.' as '_' ({@code STDEV.S} to {@code STDEV_S}). */
  public static String jexlName(String excelName) {
    return excelName.replace('.', '_');
  }

  FunctionSpec function(String jexlName) {
    return byJexlName.get(jexlName);
  }
}

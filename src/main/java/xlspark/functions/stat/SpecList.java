package xlspark.functions.stat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import xlspark.functions.FunctionSpec;

/**
 * Collects a class's specs; {@link #add(Function, String...)} declares one function under each of its
 * names once (Excel 2010 names and their compatibility aliases, e.g. NORM.DIST and NORMDIST).
 */
final class SpecList {
  private final List<FunctionSpec> specs = new ArrayList<>();

  SpecList add(FunctionSpec spec) {
    specs.add(spec);
    return this;
  }

  /** The spec {@code make} builds for a name, under every name given. */
  SpecList add(Function<String, FunctionSpec> make, String... names) {
    for (String n : names) {
      specs.add(make.apply(n));
    }
    return this;
  }

  SpecList addAll(List<FunctionSpec> more) {
    specs.addAll(more);
    return this;
  }

  List<FunctionSpec> build() {
    return List.copyOf(specs);
  }
}

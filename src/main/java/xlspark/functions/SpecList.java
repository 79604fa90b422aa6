package xlspark.functions;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Collects a category class's specs. {@link #add(Function, String...)} declares one function under each of its
 * names once: Excel 2010 names and their compatibility aliases (NORM.DIST and NORMDIST), byte-count twins of the
 * text functions (LEN and LENB), alternative names (CEILING.PRECISE and ISO.CEILING).
 */
public final class SpecList {
  private final List<FunctionSpec> specs = new ArrayList<>();

  public SpecList add(FunctionSpec spec) {
    specs.add(spec);
    return this;
  }

  /** The spec {@code make} builds for a name, under every name given. */
  public SpecList add(Function<String, FunctionSpec> make, String... names) {
    for (String n : names) {
      specs.add(make.apply(n));
    }
    return this;
  }

  public SpecList addAll(List<FunctionSpec> more) {
    specs.addAll(more);
    return this;
  }

  public List<FunctionSpec> build() {
    return List.copyOf(specs);
  }
}

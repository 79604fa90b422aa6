package xlspark.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import xlspark.functions.FunctionSpec;
import xlspark.functions.library.FunctionRegistry;

/** {@code xlspark functions}: lists the implemented functions with their metadata and prints the count. */
@Command(name = "functions", mixinStandardHelpOptions = true,
    description = "Lists the Excel functions the engine implements (name, category, arguments, volatile).")
public final class FunctionsCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--category", description = "Only this category (math, statistical, text, ...).")
  String category;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    List<FunctionSpec> all = FunctionRegistry.standard().all();
    Map<String, Integer> perCategory = new TreeMap<>();
    int shown = 0;
    out.printf("%-22s %-12s %-9s %s%n", "function", "category", "args", "volatile");
    for (FunctionSpec f : all) {
      perCategory.merge(f.category().id(), 1, Integer::sum);
      if (category != null && !category.equalsIgnoreCase(f.category().id())) {
        continue;
      }
      String args = f.minArgs() == f.maxArgs() ? String.valueOf(f.minArgs())
          : f.minArgs() + ".." + (f.maxArgs() >= 255 ? "255" : String.valueOf(f.maxArgs()));
      out.printf("%-22s %-12s %-9s %s%n", f.name(), f.category(), args, f.isVolatile() ? "yes" : "");
      shown++;
    }
    out.println();
    perCategory.forEach((c, n) -> out.printf("%-12s %d%n", c, n));
    out.printf("%d functions%s%n", category == null ? all.size() : shown,
        category == null ? "" : " in " + category + " (" + all.size() + " in all)");
    return 0;
  }
}

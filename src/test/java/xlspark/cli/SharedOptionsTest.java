package xlspark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** evaluate and workbook declare their common options once (mixins), each with its own wording where it differs. */
class SharedOptionsTest {
  static final List<String> SHARED = List.of("--input", "--output", "--output-format", "--overwrite",
      "--single-file", "--csv-option", "--csv-escape-formulas", "--mode", "--partitions", "--max-tasks",
      "--timings", "--task-slots");

  private static String help(String command) {
    StringWriter out = new StringWriter();
    int code = Main.run(null, new PrintWriter(out, true), new PrintWriter(new StringWriter(), true), command,
        "--help");
    assertEquals(0, code, out::toString);
    return out.toString().replaceAll("\\s+", " ");
  }

  @Test
  void bothCommandsTakeTheSharedOptionsFromTheSameMixins() {
    for (Object command : List.of(new EvaluateCommand(null), new WorkbookCommand(null))) {
      CommandLine cl = new CommandLine(command);
      Set<String> names = new TreeSet<>();
      for (OptionSpec o : cl.getCommandSpec().options()) {
        names.add(o.longestName());
      }
      assertTrue(names.containsAll(SHARED), command.getClass().getSimpleName() + ": " + names);
      Set<String> fromMixins = new TreeSet<>();
      cl.getCommandSpec().mixins().values().forEach(m -> m.options().forEach(o -> fromMixins.add(o.longestName())));
      assertTrue(fromMixins.containsAll(SHARED), command.getClass().getSimpleName() + ": " + fromMixins);
    }
  }

  @Test
  void wordingDiffersWhereTheMeaningDoes() {
    String evaluate = help("evaluate");
    String workbook = help("workbook");
    assertTrue(evaluate.contains("Option for Spark's CSV reader and writer"), evaluate);
    assertTrue(evaluate.contains("else the input format."), evaluate);
    assertTrue(evaluate.contains("Tasks mode refuses more groups."), evaluate);
    assertTrue(workbook.contains("Option for Spark's CSV writer (repeatable)."), workbook);
    assertTrue(workbook.contains("else csv."), workbook);
    assertTrue(workbook.contains("Tasks mode refuses more workbooks."), workbook);
    assertTrue(workbook.contains("A workbook or a folder of workbooks"), workbook);
    assertTrue(workbook.contains("Default: print the summary only."), workbook);
    assertTrue(workbook.contains("tasks (one task per workbook)"), workbook);
    assertTrue(workbook.contains("--csv-escape-formulas"), workbook);
  }
}

package xlspark.eval;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Evaluates the 6,157 formulas whose results real Excel cached in public workbooks
 * ({@code src/test/resources/excel-truth/constants.csv}, a copy of {@code ../shared/excel-truth/constants.csv}),
 * writes {@code target/excel-truth/actual.csv} for {@code check_constants.py} and fails on any case that fails
 * without being listed in {@code allowed-failures.csv}, and on any listed case that passes now.
 */
class ExcelTruthTest {
  private static final Path DIR = Path.of("src/test/resources/excel-truth");

  @Test
  void everyExcelConstantPassesOrIsAllowedWithItsReason() throws IOException {
    ReferenceCorpus.Run run = ReferenceCorpus.run(DIR.resolve("constants.csv"), DIR.resolve("allowed-failures.csv"),
        Path.of("target", "excel-truth"));
    Predicate<ReferenceCorpus.Case> inlined = c -> c.category().endsWith("-inlined");
    String figures = String.format("Excel constants, plain: %d/%d passed (%.2f%%); inlined: %d/%d passed (%.2f%%)%n",
        run.passed(inlined.negate()), run.count(inlined.negate()),
        100.0 * run.passed(inlined.negate()) / run.count(inlined.negate()),
        run.passed(inlined), run.count(inlined), 100.0 * run.passed(inlined) / run.count(inlined));
    System.out.print(run.report().substring(0, run.report().indexOf("\nfailures:")) + figures);
    assertTrue(run.problems().isEmpty(), run.problems().size() + " problem(s) against Excel's results (report: "
        + "target/excel-truth/report.txt):\n  " + String.join("\n  ", run.problems()));
  }
}

package xlspark.workbook;

import static xlspark.workbook.ExternalLinksTest.book;
import static xlspark.workbook.WorkbookEvaluatorTest.check;
import static xlspark.workbook.WorkbookEvaluatorTest.evaluate;

import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Excel tables as Excel saves them (issue 12); expected values are the ones Excel cached. */
class TablesTest {
  /** A column name's trailing space is not written in formulas: {@code [Field 4 ]} is the column "Field 4 ". */
  @Test
  void columnNamesWithSpacesAndTotalsRow() throws IOException {
    Map<String, CellResult> c = evaluate(book("table-sample.xlsx"));
    check(c, "Tabelle1!G5", "0.16666666666666666");
    check(c, "Tabelle1!G8", "0.3333333333333333");
    check(c, "Tabelle1!F9", "36");
    check(c, "Tabelle1!G9", "1");
  }

  /** Table parts carrying an {@code x14:table} extension element, used through defined names. */
  @Test
  void namesOverTablesWithExtensions() throws IOException {
    Map<String, CellResult> c = evaluate(book("simple-monthly-budget.xlsx"));
    check(c, "Simple Monthly Budget!E4", "2336");
    check(c, "Simple Monthly Budget!E9", "3750");
    check(c, "Simple Monthly Budget!G9", "1414");
  }
}

package xlspark.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TableTest {
  private final Table table = new Table(List.of("expression", "value"),
      List.of(List.of("=IF(a<b,\"x\",\"y\")", "x"), Arrays.asList("=1/0", null)), true);

  @Test
  void htmlEscapesCellsAndMarksNullAndTruncation() {
    String html = table.html();
    assertTrue(html.contains("<td>=IF(a&lt;b,&quot;x&quot;,&quot;y&quot;)</td><td>x</td>"), html);
    assertTrue(html.contains("<td>=1/0</td><td><i>null</i></td>"), html);
    assertTrue(html.contains("only the first 2 rows shown"), html);
  }

  @Test
  void textAlignsColumnsRight() {
    assertEquals(String.join("\n",
        "+----------------+-----+",
        "|      expression|value|",
        "+----------------+-----+",
        "|=IF(a<b,\"x\",\"y\")|    x|",
        "|            =1/0| null|",
        "+----------------+-----+",
        "only the first 2 rows shown"), table.text());
  }
}

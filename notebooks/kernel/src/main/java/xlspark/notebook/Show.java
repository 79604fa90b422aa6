package xlspark.notebook;

import org.apache.spark.sql.Dataset;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;

/**
 * What notebook cells call to show things. A cell's last expression is shown anyway (a {@code Dataset} as a
 * table of its first 20 rows, a {@link BarChart} as PNG); these put an output in the middle of a cell or build one.
 */
public final class Show {
  private Show() {}

  /** Shows any value now, rendered as the cell's value would be. */
  public static void display(Object value) {
    BaseKernel kernel = BaseKernel.notebookKernel();
    kernel.display(value instanceof DisplayData d ? d : kernel.getRenderer().render(value));
  }

  /** The first {@code maxRows} rows as a table. */
  public static Table table(Dataset<?> data, int maxRows) {
    return Table.of(data, maxRows);
  }

  /** The first 20 rows as a table. */
  public static Table table(Dataset<?> data) {
    return Table.of(data, Table.DEFAULT_ROWS);
  }

  public static DisplayData html(String html) {
    DisplayData d = new DisplayData(html.replaceAll("<[^>]*>", ""));
    d.putHTML(html);
    return d;
  }

  public static DisplayData svg(String svg) {
    DisplayData d = new DisplayData("(SVG image)");
    d.putSVG(svg);
    return d;
  }

  public static DisplayData markdown(String markdown) {
    DisplayData d = new DisplayData(markdown);
    d.putMarkdown(markdown);
    return d;
  }
}

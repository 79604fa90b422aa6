package xlspark.notebook;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The first rows of a table, as HTML for the notebook and as aligned text for plain-text readers. Values are
 * shown as Spark's {@code Row} gives them; null as {@code null} in italics.
 *
 * @param columns   column names
 * @param rows      the rows shown, each as many cells as there are columns
 * @param truncated whether the source had more rows than shown
 */
public record Table(List<String> columns, List<List<Object>> rows, boolean truncated) {
  /** Rows shown when none is given. */
  public static final int DEFAULT_ROWS = 20;

  public Table {
    columns = List.copyOf(columns);
    rows = rows.stream().map(r -> java.util.Collections.unmodifiableList(new ArrayList<>(r))).toList();
  }

  /** The first {@code maxRows} rows of a Dataset (runs a Spark job for {@code maxRows + 1} rows). */
  public static Table of(Dataset<?> data, int maxRows) {
    Row[] taken = (Row[]) data.toDF().take(maxRows + 1);
    List<List<Object>> rows = new ArrayList<>();
    for (int i = 0; i < Math.min(maxRows, taken.length); i++) {
      Row r = taken[i];
      List<Object> cells = new ArrayList<>(r.size());
      for (int c = 0; c < r.size(); c++) {
        cells.add(r.get(c));
      }
      rows.add(cells);
    }
    return new Table(Arrays.asList(data.schema().fieldNames()), rows, taken.length > maxRows);
  }

  public String html() {
    StringBuilder b = new StringBuilder("<table class=\"xlspark\">\n<thead><tr>");
    for (String c : columns) {
      b.append("<th>").append(escape(c)).append("</th>");
    }
    b.append("</tr></thead>\n<tbody>\n");
    for (List<Object> row : rows) {
      b.append("<tr>");
      for (Object v : row) {
        b.append(v == null ? "<td><i>null</i></td>" : "<td>" + escape(String.valueOf(v)) + "</td>");
      }
      b.append("</tr>\n");
    }
    b.append("</tbody>\n</table>\n");
    if (truncated) {
      b.append("<p>only the first ").append(rows.size()).append(" rows shown</p>\n");
    }
    return b.toString();
  }

  /** Aligned columns, as Spark's {@code show()} prints them. */
  public String text() {
    int[] width = new int[columns.size()];
    for (int c = 0; c < width.length; c++) {
      width[c] = columns.get(c).length();
      for (List<Object> row : rows) {
        width[c] = Math.max(width[c], String.valueOf(row.get(c)).length());
      }
    }
    StringBuilder rule = new StringBuilder("+");
    for (int w : width) {
      rule.append("-".repeat(w)).append('+');
    }
    StringBuilder b = new StringBuilder().append(rule).append('\n');
    line(b, new ArrayList<>(columns), width);
    b.append(rule).append('\n');
    for (List<Object> row : rows) {
      line(b, row, width);
    }
    b.append(rule);
    if (truncated) {
      b.append("\nonly the first ").append(rows.size()).append(" rows shown");
    }
    return b.toString();
  }

  private static void line(StringBuilder b, List<?> cells, int[] width) {
    b.append('|');
    for (int c = 0; c < width.length; c++) {
      String s = String.valueOf(cells.get(c));
      b.append(" ".repeat(width[c] - s.length())).append(s).append('|');
    }
    b.append('\n');
  }

  static String escape(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      switch (ch) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        default -> b.append(ch);
      }
    }
    return b.toString();
  }

  @Override
  public String toString() {
    return text();
  }
}

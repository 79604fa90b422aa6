package xlspark.workbook;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import xlspark.value.Area;

/**
 * A structured reference to an Excel table, resolved to the cells it means: {@code Table1[Amount]} (the
 * column's data rows), {@code Table1[[#This Row],[Amount]]} and {@code [@Amount]} (the formula's row),
 * {@code Table1[#All]}, {@code #Headers}, {@code #Totals}, {@code #Data}, column spans
 * {@code Table1[[Qty]:[Price]]}, and {@code Table1} or {@code Table1[]} for the data body.
 */
final class StructuredRef {
  private StructuredRef() {
  }

  /**
   * The area, or a String saying why it cannot be resolved. Never throws: a reference this cannot handle fails the
   * formulas that use it (and it is resolved outside any one formula too, when the evaluator orders the cells).
   */
  static Object resolve(String text, WorkbookModel wb, String sheet, int row, int col) {
    try {
      return resolveChecked(text, wb, sheet, row, col);
    } catch (RuntimeException e) {
      return "cannot resolve " + text + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }
  }

  private static Object resolveChecked(String text, WorkbookModel wb, String sheet, int row, int col) {
    int open = text.indexOf('[');
    if (open >= 0 && (text.length() < open + 2 || text.charAt(text.length() - 1) != ']')) {
      return "malformed structured reference " + text;
    }
    String tableName = open < 0 ? text : text.substring(0, open).trim();
    TableModel t = tableName.isEmpty() ? wb.tableAt(sheet, row, col) : wb.table(tableName);
    if (t == null) {
      String why = tableName.isEmpty() ? null : wb.tableProblem(tableName);
      return why != null ? why
          : tableName.isEmpty() ? "no table around the cell for " + text : "unknown table " + tableName;
    }
    String inner = open < 0 ? "" : text.substring(open + 1, text.length() - 1).trim();
    List<String> items = items(inner);
    boolean all = false;
    boolean headers = false;
    boolean data = false;
    boolean totals = false;
    boolean thisRow = false;
    List<String> cols = new ArrayList<>();
    for (String item : items) {
      String u = item.toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
      switch (u) {
        case "#ALL" -> all = true;
        case "#HEADERS" -> headers = true;
        case "#DATA" -> data = true;
        case "#TOTALS" -> totals = true;
        case "#THIS ROW", "@" -> thisRow = true;
        default -> cols.add(item);
      }
    }
    int c1 = 0;
    int c2 = t.columns().size() - 1;
    if (!cols.isEmpty()) {
      String[] span = cols.get(0).split("(?<!')\\]\\s*:\\s*\\[", -1);
      String first = cols.size() == 2 ? cols.get(0) : span[0];
      String last = cols.size() == 2 ? cols.get(1) : span.length == 2 ? span[1] : span[0];
      c1 = t.column(unescape(first));
      c2 = t.column(unescape(last));
      if (c1 < 0 || c2 < 0) {
        return "unknown column " + (c1 < 0 ? first : last) + " in table " + t.name();
      }
    }
    int r1;
    int r2;
    Area a = t.area();
    if (thisRow) {
      if (row < t.firstDataRow() || row > t.lastDataRow()) {
        return "the row of " + text + " is outside the table's data";
      }
      r1 = row;
      r2 = row;
    } else if (all) {
      r1 = a.firstRow();
      r2 = a.lastRow();
    } else {
      boolean anyData = data || !headers && !totals;
      r1 = headers ? a.firstRow() : anyData ? t.firstDataRow() : t.lastDataRow() + 1;
      r2 = totals ? a.lastRow() : anyData ? t.lastDataRow() : t.firstDataRow() - 1;
      if (headers && t.headerRows() == 0 || totals && !anyData && t.totalsRows() == 0 || r2 < r1) {
        return "the table " + t.name() + " has no such rows";
      }
    }
    return new Area(t.sheet(), r1, a.firstCol() + Math.min(c1, c2), r2, a.firstCol() + Math.max(c1, c2));
  }

  /**
   * The items of a specifier: {@code @Amount} gives [@, Amount]; {@code [#This Row],[Amount]} gives both;
   * {@code [Qty]:[Price]} stays one item (a column span); a bare column name is one item.
   */
  static List<String> items(String inner) {
    List<String> out = new ArrayList<>();
    String s = inner;
    if (s.startsWith("@")) {
      out.add("@");
      s = s.substring(1).trim();
      if (s.isEmpty()) {
        return out;
      }
    }
    if (!s.startsWith("[")) {
      if (!s.isEmpty()) {
        out.add(s);
      }
      return out;
    }
    int depth = 0;
    int start = -1;
    StringBuilder span = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\'') {
        i++;
        continue;
      }
      if (c == '[' && depth++ == 0) {
        start = i + 1;
      } else if (c == ']' && --depth == 0) {
        String item = s.substring(start, i);
        int j = i + 1;
        while (j < s.length() && s.charAt(j) == ' ') {
          j++;
        }
        if (j < s.length() && s.charAt(j) == ':') {
          span = new StringBuilder(item).append("]:[");
          i = j;
          continue;
        }
        out.add(span != null ? span.append(item).toString() : item);
        span = null;
      }
    }
    return out;
  }

  private static String unescape(String name) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '\'' && i + 1 < name.length()) {
        sb.append(name.charAt(++i));
      } else {
        sb.append(c);
      }
    }
    return sb.toString().trim();
  }
}

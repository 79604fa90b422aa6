package xlspark.spark.strategy;

import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import xlspark.spark.core.ResultColumns;

/**
 * Numbers the groups of tasks mode 0..n-1 in order of first appearance: the distinct values of the group
 * column (null is a group of its own), or, without that column, one group per row.
 */
final class GroupIndex implements Serializable {
  private final HashMap<Object, Integer> byValue;
  private final int column;
  private final int rowIndexPos;
  private final long count;

  private GroupIndex(HashMap<Object, Integer> byValue, int column, int rowIndexPos, long count) {
    this.byValue = byValue;
    this.column = column;
    this.rowIndexPos = rowIndexPos;
    this.count = count;
  }

  /**
   * Counts the groups, numbering them only when there are at most {@code limit}; beyond that
   * {@link #count()} is {@code limit + 1} ("more than limit") and {@link #of(Row)} must not be used.
   */
  static GroupIndex find(EvaluationInput in, int limit) {
    int rowIndexPos = in.input().indexPosition();
    if (in.groupColumn().isEmpty()) {
      return perRow(in.input().count(), rowIndexPos);
    }
    String g = in.groupColumn().get();
    // the first row of each group under the row index's own name, apart from every input column's
    String first = in.input().rowIndexName();
    List<Row> firsts = in.input().rows()
        .groupBy(ResultColumns.column(g))
        .agg(functions.min(ResultColumns.column(first)).as(first))
        .orderBy(ResultColumns.column(first))
        .limit(limit + 1)
        .collectAsList();
    HashMap<Object, Integer> byValue = new HashMap<>();
    if (firsts.size() <= limit) {
      for (Row r : firsts) {
        byValue.put(r.get(0), byValue.size());
      }
    }
    return new GroupIndex(byValue, in.input().rows().schema().fieldIndex(g), rowIndexPos, firsts.size());
  }

  /** One group per row of {@code rows} rows (no group column). */
  static GroupIndex perRow(long rows, int rowIndexPos) {
    return new GroupIndex(null, -1, rowIndexPos, rows);
  }

  /** Number of groups (capped at the limit plus one). */
  long count() {
    return count;
  }

  boolean perRow() {
    return byValue == null;
  }

  int of(Row r) {
    return byValue == null ? (int) r.getLong(rowIndexPos) : byValue.get(r.get(column));
  }

  Map<Object, Integer> values() {
    return byValue;
  }
}

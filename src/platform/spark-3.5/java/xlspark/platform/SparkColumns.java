package xlspark.platform;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.catalyst.expressions.Expression;
import xlspark.spark.sql.CatalystColumns;

/** Spark 3.5 (Scala 2.12 and 2.13): a Column wraps its Expression. */
public final class SparkColumns implements CatalystColumns {
  @Override
  public Column column(Expression expression) {
    return new Column(expression);
  }

  @Override
  public Expression expression(Column column) {
    return column.expr();
  }
}

package xlspark.platform;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.classic.ColumnConversions$;
import org.apache.spark.sql.classic.ExpressionUtils;
import xlspark.spark.sql.CatalystColumns;

/** Spark 4: a Column holds a ColumnNode; the classic (non-Connect) session converts it to and from Expressions. */
public final class SparkColumns implements CatalystColumns {
  @Override
  public Column column(Expression expression) {
    return ExpressionUtils.column(expression);
  }

  @Override
  public Expression expression(Column column) {
    // converted now (ExpressionUtils.expression would only wrap the node for the analyzer of a Dataset call)
    return ColumnConversions$.MODULE$.expression(column);
  }
}

package xlspark.spark.sql;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.catalyst.expressions.Expression;

/**
 * Between a {@link Column} and the catalyst {@link Expression} it stands for, which a function registered in the
 * session's function registry receives and returns. Spark 3.5's Column wraps an Expression; Spark 4's holds a
 * ColumnNode and converts through the classic session's {@code ColumnConversions}. The implementation is the
 * one {@code xlspark.platform.SparkColumns} of the build's platform ({@code src/platform/NAME/java}).
 */
public interface CatalystColumns {
  /** This build's implementation. */
  CatalystColumns PLATFORM = new xlspark.platform.SparkColumns();

  Column column(Expression expression);

  Expression expression(Column column);
}

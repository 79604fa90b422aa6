package xlspark.spark.sql;

import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.NullType;
import org.apache.spark.sql.types.StructType;
import scala.Function1;
import scala.collection.Seq;
import scala.runtime.AbstractFunction1;
import xlspark.spark.core.ResultColumns;
import xlspark.spark.core.RowEvaluator;
import xlspark.spark.core.UsageException;
import xlspark.spark.io.FormulaSource;

/**
 * xlspark as a library for notebooks and pipelines.
 * <pre>{@code
 * Dataset<Row> results = Xlspark.evaluate(table, EvaluateOptions.defaults());
 * Xlspark.register(spark);
 * spark.sql("SELECT xl_eval('=1+2').value, xl_eval('a*b', named_struct('a', 2, 'b', 3)).number");
 * }</pre>
 */
public final class Xlspark {
  public static final String FUNCTION = "xl_eval";

  private Xlspark() {}

  /**
   * Appends {@code type, value, number, message} to every row, lazily and without a shuffle: row order and
   * partitioning stay as they are. Every other column is a variable the expressions may name and is passed through,
   * {@code _corrupt_record} included (a reader's malformed-line column is the caller's to handle).
   */
  public static Dataset<Row> evaluate(Dataset<Row> input, EvaluateOptions options) {
    String expression = FormulaSource.column(input.schema(), options.expressionColumn()).orElseThrow(
        () -> new UsageException("no '" + options.expressionColumn() + "' column"));
    ResultColumns results = new ResultColumns(options.resultPrefix());
    results.checkNoClash(input.schema());
    RowEvaluator evaluator = new RowEvaluator(input.schema(), expression, null, false, options.textCells(), results,
        options.engine(), options.dryRun(), null);
    return input.mapPartitions((MapPartitionsFunction<Row, Row>) evaluator::evaluatePartition,
        Encoders.row(evaluator.outputSchema()));
  }

  /** Adds the SQL function {@code xl_eval(expression [, struct_of_variables])} to the session. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static void register(SparkSession spark) {
    UserDefinedFunction one = functions.udf(new XlEvalUdf(), XlEvalUdf.RETURN_TYPE);
    UserDefinedFunction two = functions.udf(new XlEvalUdf.WithVariables(), XlEvalUdf.RETURN_TYPE);
    // Raw: the registry takes a function of scala.collection.immutable.Seq on Scala 2.13 and of
    // scala.collection.Seq on 2.12; the Builder takes the common supertype, so one source serves both. A temporary
    // function, as spark.udf().register makes (Spark 4 qualifies it as system.session.xl_eval).
    spark.sessionState().functionRegistry().createOrReplaceTempFunction(FUNCTION, (Function1) new Builder(one, two),
        "java_udf");
  }

  /** Builds the call by argument count; the expression is cast to text first. */
  private static final class Builder extends AbstractFunction1<Seq<Expression>, Expression>
      implements java.io.Serializable {
    private final UserDefinedFunction one;
    private final UserDefinedFunction two;

    Builder(UserDefinedFunction one, UserDefinedFunction two) {
      this.one = one;
      this.two = two;
    }

    @Override
    public Expression apply(Seq<Expression> args) {
      CatalystColumns columns = CatalystColumns.PLATFORM;
      Column expression = columns.column(args.apply(0)).cast("string");
      return switch (args.size()) {
        case 1 -> columns.expression(one.apply(expression));
        case 2 -> columns.expression(two.apply(expression, columns.column(variables(args.apply(1)))));
        default -> throw new UsageException(FUNCTION + " takes an expression and optionally a struct of variables, got "
            + args.size() + " arguments");
      };
    }

    /**
     * The variables argument, checked when the query is analysed (the function is built once its arguments are
     * resolved): a struct (or NULL) whose field names do not fold alike.
     *
     * @throws UsageException naming both fields, or the type given
     */
    private static Expression variables(Expression arg) {
      if (arg.resolved()) {
        DataType type = arg.dataType();
        if (!(type instanceof StructType) && !(type instanceof NullType)) {
          throw new UsageException(FUNCTION + ": the variables must be a struct, e.g. named_struct('a', 1) or "
              + "struct(a, b); got " + type.simpleString());
        }
        String clash = type instanceof StructType s ? XlEvalUdf.fieldClash(s) : null;
        if (clash != null) {
          throw new UsageException(clash);
        }
      }
      return arg;
    }
  }
}

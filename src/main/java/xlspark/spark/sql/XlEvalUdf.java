package xlspark.spark.sql;

import java.util.HashMap;
import java.util.Map;
import org.apache.spark.TaskContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.internal.SQLConf;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import xlspark.eval.EngineOptions;
import xlspark.eval.EvalOutcome;
import xlspark.eval.FormulaEvaluator;
import xlspark.eval.ResultType;
import xlspark.eval.VariableSource;
import xlspark.formula.Names;
import xlspark.spark.CellTyping;
import xlspark.spark.ResultColumns;

/**
 * {@code xl_eval(expression)} as a Java UDF returning {@code struct<type, value, number, message>}. PySpark and
 * Spark Connect register it with {@code spark.udf.registerJavaFunction("xl_eval", "xlspark.spark.sql.XlEvalUdf",
 * ...)}; the two-argument form {@code xl_eval(expression, struct_of_variables)} is
 * {@link WithVariables} (Spark allows one UDF interface per class). Engine options come from the
 * {@code spark.xlspark.*} conf keys ({@link EngineConf}), read when a task first calls the function.
 */
public class XlEvalUdf implements UDF1<String, Row> {
  /** The struct both forms return. */
  public static final StructType RETURN_TYPE = ResultColumns.struct();

  private transient Engine engine;

  @Override
  public Row call(String expression) {
    if (engine == null) {
      engine = new Engine();
    }
    return engine.evaluate(expression, VariableSource.NONE);
  }

  /** {@code xl_eval(expression, struct)}: the struct's fields are the variables, by name. */
  public static class WithVariables implements UDF2<String, Row, Row> {
    private transient Engine engine;

    @Override
    public Row call(String expression, Row variables) {
      if (engine == null) {
        engine = new Engine();
      }
      return engine.evaluate(expression, variables == null ? VariableSource.NONE : new StructVariables(variables,
          engine.options.timeZone()));
    }
  }

  /** One task's evaluator: a UDF instance is deserialized per task and used by that task's thread. */
  static final class Engine {
    final EngineOptions options = EngineConf.read(key -> SQLConf.get().getConfString(key, null));
    private final FormulaEvaluator evaluator = new FormulaEvaluator(options);
    private final long base;
    private long position;

    Engine() {
      TaskContext task = TaskContext.get();
      base = task == null ? 0 : ((long) task.partitionId()) << 33;
    }

    Row evaluate(String expression, VariableSource vars) {
      long rowId = base + ++position;
      String formula = expression == null ? "" : expression.startsWith("=") ? expression.substring(1) : expression;
      EvalOutcome o;
      if (formula.isBlank()) {
        o = new EvalOutcome(ResultType.BLANK, "", null, null);
      } else {
        o = evaluator.evaluate(formula, vars, rowId);
      }
      return RowFactory.create(o.type().name(), o.value() == null ? "" : o.value(),
          o.type() == ResultType.NUMBER ? o.number() : null, o.message());
    }
  }

  /** The fields of a struct as variables; typed values keep their type. */
  static final class StructVariables implements VariableSource {
    private final Map<String, Object> values = new HashMap<>();

    StructVariables(Row row, java.time.ZoneId zone) {
      StructField[] fields = row.schema().fields();
      for (int i = 0; i < fields.length; i++) {
        values.putIfAbsent(Names.fold(fields[i].name()), CellTyping.fromTyped(row.get(i), zone));
      }
    }

    @Override
    public Object lookup(String upperCaseName) {
      return values.containsKey(upperCaseName) ? values.get(upperCaseName) : UNKNOWN;
    }
  }
}

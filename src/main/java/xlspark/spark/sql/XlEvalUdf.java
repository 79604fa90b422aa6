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
import xlspark.spark.core.CellTyping;
import xlspark.spark.core.ResultColumns;

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

  /**
   * {@code xl_eval(expression, struct)}: the struct's fields are the variables, by name. A struct with two fields
   * whose names fold alike ({@link #fieldClash}) gives every row an {@code ERROR} with the reason: registered this
   * way, a UDF never sees the query's analysis ({@link Xlspark#register} refuses such a call there).
   */
  public static class WithVariables implements UDF2<String, Row, Row> {
    private transient Engine engine;
    private transient StructType checked;
    private transient String clash;

    @Override
    public Row call(String expression, Row variables) {
      if (engine == null) {
        engine = new Engine();
      }
      if (variables == null) {
        return engine.evaluate(expression, VariableSource.NONE);
      }
      if (variables.schema() != checked) {
        checked = variables.schema();
        clash = fieldClash(checked);
      }
      if (clash != null) {
        return RowFactory.create(ResultType.ERROR.name(), "#ERROR!", null, clash);
      }
      return engine.evaluate(expression, new StructVariables(variables, engine.options.timeZone()));
    }
  }

  /**
   * Why a struct cannot hold the variables, or null when it can: two fields whose names fold alike
   * ({@link Names#fold}, the one rule formulas name variables by) would leave a formula one of them, as two such
   * columns would in {@code evaluate}, where they are a usage error.
   */
  public static String fieldClash(StructType variables) {
    Map<String, String> seen = new HashMap<>();
    for (String name : variables.fieldNames()) {
      String before = seen.putIfAbsent(Names.fold(name), name);
      if (before != null) {
        return Xlspark.FUNCTION + ": the variables struct has fields '" + before + "' and '" + name
            + "', one name to a formula (names are matched without regard to case); rename one";
      }
    }
    return null;
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
        // fields folding alike never get here (fieldClash)
        values.put(Names.fold(fields[i].name()), CellTyping.fromTyped(row.get(i), zone));
      }
    }

    @Override
    public Object lookup(String upperCaseName) {
      return values.containsKey(upperCaseName) ? values.get(upperCaseName) : UNKNOWN;
    }
  }
}

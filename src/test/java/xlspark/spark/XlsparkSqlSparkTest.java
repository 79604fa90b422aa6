package xlspark.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import xlspark.spark.core.UsageException;
import xlspark.spark.sql.EvaluateOptions;
import xlspark.spark.sql.XlEvalUdf;
import xlspark.spark.sql.Xlspark;

/** The library API and the SQL function. */
class XlsparkSqlSparkTest {
  private final SparkSession spark = SharedSpark.session();

  @Test
  void sqlFunctionWithAndWithoutVariables() {
    Xlspark.register(spark);
    Row r = spark.sql("SELECT xl_eval('=1+2') AS a, xl_eval('price*qty', named_struct('price', 2.5, 'qty', 4)) AS b,"
        + " xl_eval('1/0') AS c, xl_eval('SUM(1,') AS d, xl_eval(NULL) AS e").first();
    assertEquals(RowFactory.create("NUMBER", "3", 3.0, null), r.getStruct(0));
    assertEquals("10", r.getStruct(1).getString(1));
    assertEquals(10.0, r.getStruct(1).getDouble(2));
    assertEquals("ERROR", r.getStruct(2).getString(0));
    assertEquals("#DIV/0!", r.getStruct(2).getString(1));
    assertNull(r.getStruct(2).get(2));
    assertEquals("#ERROR!", r.getStruct(3).getString(1));
    assertEquals("BLANK", r.getStruct(4).getString(0));
  }

  @Test
  void sqlFunctionOverATable() {
    Xlspark.register(spark);
    spark.createDataFrame(List.of(RowFactory.create("=a>b", 2, 1), RowFactory.create("IF(a>b,\"up\",\"down\")", 1, 2)),
        schema()).createOrReplaceTempView("xl_exprs");
    List<Row> rows = spark.sql("SELECT r.type, r.value FROM (SELECT xl_eval(expression, struct(a, b)) AS r FROM xl_exprs)")
        .collectAsList();
    assertEquals(List.of(RowFactory.create("BOOLEAN", "TRUE"), RowFactory.create("TEXT", "down")), rows);
  }

  @Test
  void registeredTheWayPySparkDoes() {
    spark.udf().registerJava("xl_eval_py", XlEvalUdf.class.getName(), XlEvalUdf.RETURN_TYPE);
    spark.udf().registerJava("xl_eval_vars_py", XlEvalUdf.WithVariables.class.getName(), XlEvalUdf.RETURN_TYPE);
    Row r = spark.sql("SELECT xl_eval_py('=ROUND(2.5,0)').value, xl_eval_vars_py('x*2', named_struct('x', 21)).value")
        .first();
    assertEquals("3", r.getString(0));
    assertEquals("42", r.getString(1));
  }

  @Test
  void issue16_variablesFoldingAlikeAreRefusedWhenTheQueryIsAnalysed() {
    Xlspark.register(spark);
    // 'a' and 'A'; the long s and 's'; the Kelvin sign and 'k': one name each under formula.Names
    for (String[] pair : new String[][] {{"A", "a"}, {"s", "\u017F"}, {"\u212A", "k"}}) {
      String sql = "SELECT xl_eval('" + pair[1] + "+1', named_struct('" + pair[0] + "', 1, '" + pair[1] + "', 2))";
      UsageException e = assertThrows(UsageException.class, () -> spark.sql(sql), sql);
      assertEquals("xl_eval: the variables struct has fields '" + pair[0] + "' and '" + pair[1] + "', one name to a "
          + "formula (names are matched without regard to case); rename one", e.getMessage());
    }
    spark.createDataFrame(List.of(RowFactory.create("=a>b", 2, 1)), schema()).createOrReplaceTempView("xl_fold");
    UsageException e = assertThrows(UsageException.class,
        () -> spark.sql("SELECT xl_eval(expression, struct(a, b AS A)) FROM xl_fold"));
    assertTrue(e.getMessage().contains("'a' and 'A'"), e.getMessage());
    UsageException notStruct = assertThrows(UsageException.class, () -> spark.sql("SELECT xl_eval('a', 5)"));
    assertEquals("xl_eval: the variables must be a struct, e.g. named_struct('a', 1) or struct(a, b); got int",
        notStruct.getMessage());
    // 'ß' and 'ss' are two names (a char by char fold), each reached by its own name
    Row r = spark.sql("SELECT xl_eval('\u00DF*10+SS', named_struct('\u00DF', 1, 'ss', 2)).number").first();
    assertEquals(12.0, r.getDouble(0));
    assertEquals("BLANK", spark.sql("SELECT xl_eval('', NULL).type").first().getString(0));
  }

  @Test
  void issue16_variablesFoldingAlikeAreErrorRowsRegisteredThePySparkWay() {
    spark.udf().registerJava("xl_eval_vars_fold", XlEvalUdf.WithVariables.class.getName(), XlEvalUdf.RETURN_TYPE);
    List<Row> rows = spark.sql("SELECT r.* FROM (SELECT xl_eval_vars_fold('a+1', named_struct('A', 1, 'a', id)) AS r "
        + "FROM range(3))").collectAsList();
    assertEquals(3, rows.size());
    for (Row r : rows) {
      assertEquals(RowFactory.create("ERROR", "#ERROR!", null, "xl_eval: the variables struct has fields 'A' and 'a', "
          + "one name to a formula (names are matched without regard to case); rename one"), r);
    }
    assertEquals("3", spark.sql("SELECT xl_eval_vars_fold('a+1', named_struct('a', 2, 'b', 9)).value").first()
        .getString(0));
  }

  @Test
  void engineOptionsFromSparkConf() {
    Xlspark.register(spark);
    spark.conf().set("spark.xlspark.now", "2024-01-31T12:00:00Z");
    try {
      spark.conf().set("spark.xlspark.timeZone", "UTC");
      Row r = spark.sql("SELECT xl_eval('=TODAY()')").first();
      assertEquals(45322.0, r.getStruct(0).getDouble(2), "TODAY() on the configured clock");
    } finally {
      spark.conf().unset("spark.xlspark.now");
      spark.conf().unset("spark.xlspark.timeZone");
    }
  }

  @Test
  void datasetApiAppendsResultColumnsInPlace() {
    Dataset<Row> in = spark.createDataFrame(List.of(RowFactory.create("a+b", 1, 2), RowFactory.create("a/0", 1, 2)),
        schema());
    List<Row> out = Xlspark.evaluate(in, EvaluateOptions.defaults().withResultPrefix("r_")).collectAsList();
    assertEquals(RowFactory.create("a+b", 1, 2, "NUMBER", "3", 3.0, null), out.get(0));
    assertEquals("#DIV/0!", out.get(1).getString(4));
  }

  private static StructType schema() {
    return DataTypes.createStructType(List.of(
        DataTypes.createStructField("expression", DataTypes.StringType, true),
        DataTypes.createStructField("a", DataTypes.IntegerType, true),
        DataTypes.createStructField("b", DataTypes.IntegerType, true)));
  }
}

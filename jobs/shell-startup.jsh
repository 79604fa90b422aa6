import org.apache.spark.sql.*;
import org.apache.spark.sql.types.*;
import xlspark.spark.sql.*;
import xlspark.eval.*;

var spark = SparkSession.builder().master(System.getProperty("xlspark.master", "local[*]")).appName("xlspark shell").getOrCreate();
Xlspark.register(spark);
System.out.println("xlspark shell: `spark` is a SparkSession (" + spark.sparkContext().master() + "), xl_eval is registered.");
System.out.println("  spark.sql(\"SELECT r.* FROM (SELECT xl_eval('=ROUND(2.5,0)') AS r)\").show()");
System.out.println("  Xlspark.evaluate(spark.read().option(\"header\",true).option(\"escape\",\"\\\"\").csv(\"data/sample.csv\"), EvaluateOptions.defaults().withTextCells(true)).show()");

// Runs once when the xlspark kernel starts, before the first cell: what every notebook cell can use.
import java.io.*;
import java.math.*;
import java.net.*;
import java.nio.file.*;
import java.util.*;
import java.util.concurrent.*;
import java.util.function.*;
import java.util.regex.*;
import java.util.stream.*;
import org.apache.spark.sql.*;
import org.apache.spark.sql.types.*;
import xlspark.spark.sql.*;
import xlspark.eval.*;
import xlspark.notebook.*;

/* The project folder (data/, conf/, target/), wherever the notebook is opened from. */
Path home = Path.of(System.getProperty("xlspark.home", ".")).toAbsolutePath().normalize();

/* A local session with conf/spark-defaults.conf, as jobs/xlspark gives a job; XLSPARK_MASTER picks the master. */
SparkSession spark;
{
  SparkSession.Builder builder = SparkSession.builder()
      .master(System.getProperty("xlspark.master", "local[*]")).appName("xlspark notebook");
  Properties defaults = new Properties();
  try (Reader in = Files.newBufferedReader(home.resolve("conf/spark-defaults.conf"))) {
    defaults.load(in);
  }
  defaults.forEach((k, v) -> builder.config(k.toString(), v.toString().strip()));
  spark = builder.getOrCreate();
}
Xlspark.register(spark);

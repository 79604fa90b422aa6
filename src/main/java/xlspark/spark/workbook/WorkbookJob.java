package xlspark.spark.workbook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.SerializableWritable;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.CollectionAccumulator;
import scala.Tuple2;
import xlspark.spark.core.UsageException;
import xlspark.spark.io.DataFormat;
import xlspark.spark.io.OutputPaths;
import xlspark.spark.io.OutputSpec;
import xlspark.spark.io.ResultSink;
import xlspark.spark.strategy.StrategyKind;
import xlspark.workbook.CellResult;
import xlspark.workbook.WorkbookSummary;

/**
 * The {@code workbook} job: list the workbooks, check the output, pick how to split them
 * ({@link WorkbookPlan}), recalculate each in one piece (serial on the driver; tasks and pool on the executors,
 * whole workbooks per task), write one row per formula cell in input order and
 * return the per-workbook summaries. Never exits the JVM nor stops the session.
 */
public final class WorkbookJob {
  /** The output columns, one row per formula cell. */
  public static final StructType SCHEMA = new StructType()
      .add("workbook", DataTypes.StringType).add("sheet", DataTypes.StringType)
      .add("cell", DataTypes.StringType).add("formula", DataTypes.StringType)
      .add("type", DataTypes.StringType).add("value", DataTypes.StringType)
      .add("number", DataTypes.DoubleType).add("message", DataTypes.StringType)
      .add("cached_type", DataTypes.StringType).add("cached_value", DataTypes.StringType)
      .add("matches_cached", DataTypes.BooleanType);

  private WorkbookJob() {
  }

  public static WorkbookJobResult run(SparkSession spark, WorkbookConfig config) {
    long start = System.nanoTime();
    Configuration hconf = spark.sparkContext().hadoopConfiguration();
    List<WorkbookFiles.Entry> files = WorkbookFiles.list(config.input(), hconf);
    Optional<ResultSink> sink = config.outputOption()
        .map(o -> ResultSink.prepare(spark, o, config.input(), DataFormat.CSV));
    String writeValues = prepareWriteValues(config, hconf);
    int slots = spark.sparkContext().defaultParallelism();
    WorkbookPlan plan = WorkbookPlan.choose(config, files, slots);
    WorkbookTask task = new WorkbookTask(config.engine(), writeValues);
    spark.sparkContext().setJobDescription("xlspark workbook: evaluate " + files.size() + " workbooks ("
        + plan.kind().cliName() + ")");
    try {
      List<WorkbookSummary> summaries;
      Dataset<Row> rows = null;
      if (plan.kind() == StrategyKind.SERIAL) {
        List<WorkbookResult> results = new ArrayList<>();
        for (WorkbookFiles.Entry e : files) {
          Path p = new Path(e.path());
          FileSystem fs = p.getFileSystem(hconf);
          results.add(task.run(e, () -> fs.open(p), hconf));
        }
        summaries = results.stream().map(WorkbookResult::summary).toList();
        List<Row> all = new ArrayList<>();
        results.forEach(r -> r.cells().forEach(c -> all.add(row(c))));
        rows = spark.createDataFrame(all, SCHEMA);
      } else if (sink.isEmpty()) {
        summaries = distributed(spark, files, plan, task).map(WorkbookResult::summary).collect();
      } else {
        // One pass: the rows go to the sink, the summaries come back through an accumulator (deduplicated by
        // workbook in case a task is retried). Persisting the results instead would cost Spark a size estimate
        // of every cell object, more than evaluating them.
        CollectionAccumulator<Tuple2<Integer, WorkbookSummary>> acc = spark.sparkContext()
            .collectionAccumulator("xlspark workbook summaries");
        rows = spark.createDataFrame(distributed(spark, files, plan, task).flatMap(r -> {
          acc.add(new Tuple2<>(r.index(), r.summary()));
          return r.cells().stream().map(WorkbookJob::row).iterator();
        }), SCHEMA);
        spark.sparkContext().setJobDescription("xlspark workbook: evaluate and write " + config.output().path());
        sink.get().write(rows);
        Map<Integer, WorkbookSummary> byIndex = new java.util.TreeMap<>();
        acc.value().forEach(t -> byIndex.put(t._1(), t._2()));
        summaries = new ArrayList<>(byIndex.values());
        rows = null;
      }
      if (rows != null && sink.isPresent()) {
        spark.sparkContext().setJobDescription("xlspark workbook: write " + config.output().path());
        sink.get().write(rows);
      }
      return new WorkbookJobResult(config.mode(), plan.kind(), plan.reason(), plan.partitions(), summaries,
          config.outputOption().map(OutputSpec::path).orElse(null), sink.map(ResultSink::format).orElse(null),
          writeValues, System.nanoTime() - start, config.heavySeconds(),
          sink.map(ResultSink::warnings).orElse(List.of()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      spark.sparkContext().setJobDescription(null);
    }
  }

  /**
   * Tasks and pool: the workbooks listed on the driver, grouped by the plan, one group per partition (so one
   * stage, no shuffle); each task opens its files through the Hadoop file system with the configuration
   * broadcast once. Spark's {@code binaryFiles} was the first design: it serializes the whole Hadoop
   * configuration into every file's stream and back (over half of a small workbook's task time) and needs a
   * shuffle to place one workbook per task.
   */
  private static JavaRDD<WorkbookResult> distributed(SparkSession spark, List<WorkbookFiles.Entry> files,
      WorkbookPlan plan, WorkbookTask task) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    List<List<WorkbookFiles.Entry>> groups = new ArrayList<>();
    for (int p = 0; p < plan.partitions(); p++) {
      groups.add(new ArrayList<>());
    }
    for (WorkbookFiles.Entry e : files) {
      groups.get(plan.partitionOf()[e.index()]).add(e);
    }
    Broadcast<SerializableWritable<Configuration>> conf =
        jsc.broadcast(new SerializableWritable<>(spark.sparkContext().hadoopConfiguration()));
    return jsc.parallelize(groups, groups.size()).flatMap(group -> {
      Configuration c = conf.value().value();
      List<WorkbookResult> out = new ArrayList<>();
      for (WorkbookFiles.Entry e : group) {
        Path p = new Path(e.path());
        FileSystem fs = p.getFileSystem(c);
        out.add(task.run(e, () -> fs.open(p), c));
      }
      return out.iterator();
    });
  }

  static Row row(CellResult c) {
    return RowFactory.create(c.workbook(), c.sheet(), c.cell(), c.formula(), c.type(), c.value(), c.number(),
        c.message(), c.cachedType(), c.cachedValue(), c.matchesCached());
  }

  private static String prepareWriteValues(WorkbookConfig config, Configuration hconf) {
    if (config.writeValues() == null) {
      return null;
    }
    try {
      Path dir = new Path(config.writeValues());
      FileSystem fs = dir.getFileSystem(hconf);
      dir = fs.makeQualified(dir);
      OutputPaths.requireApart("--write-values", config.writeValues(), "the input", config.input(), hconf);
      if (config.output() != null) {
        OutputPaths.requireApart("--write-values", config.writeValues(), "--output", config.output().path(), hconf);
      }
      if (fs.exists(dir) && !fs.getFileStatus(dir).isDirectory()) {
        throw new UsageException("--write-values " + config.writeValues() + " is a file, not a folder");
      }
      fs.mkdirs(dir);
      return dir.toString();
    } catch (IOException e) {
      throw new UsageException("cannot prepare --write-values " + config.writeValues() + ": " + e.getMessage(), e);
    }
  }
}

package xlspark.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.LongAccumulator;
import xlspark.spark.core.ResultColumns;
import xlspark.spark.core.RowEvaluator;
import xlspark.spark.core.RunTally;
import xlspark.spark.core.TallyAccumulator;
import xlspark.spark.core.UsageException;
import xlspark.spark.io.FormulaSource;
import xlspark.spark.io.IndexedInput;
import xlspark.spark.io.OutputSpec;
import xlspark.spark.io.ResultSink;
import xlspark.spark.io.SourceTable;
import xlspark.spark.strategy.Evaluated;
import xlspark.spark.strategy.EvaluationInput;
import xlspark.spark.strategy.EvaluationStrategy;
import xlspark.spark.strategy.GroupTaskStrategy;
import xlspark.spark.strategy.SplitSpec;
import xlspark.spark.strategy.StrategyKind;

/**
 * The {@code evaluate} job: read and check the input, index the rows, evaluate them with the chosen strategy,
 * write the results in input order. Usage and input problems surface as {@link UsageException} before any
 * evaluation and before the output is touched; never exits the JVM nor stops the session.
 */
public final class EvaluationJob {
  private static final Logger LOG = LogManager.getLogger(EvaluationJob.class);
  private static final int MAX_PROBLEMS = 20;

  private EvaluationJob() {}

  public static JobResult run(SparkSession spark, JobConfig config) {
    return run(spark, config, RunProgress.NONE);
  }

  /** Runs the job, telling {@code progress} when the evaluation starts and what counts its rows. */
  public static JobResult run(SparkSession spark, JobConfig config, RunProgress progress) {
    long start = System.nanoTime();
    List<String> warnings = new ArrayList<>();
    ResultColumns results = new ResultColumns(config.resultPrefix());
    int slots = spark.sparkContext().defaultParallelism();
    SplitSpec split = config.split();
    int readPartitions = split.readPartitions(slots, () -> FormulaSource.dataBytes(spark, config.input()));
    SourceTable table = FormulaSource.read(spark, config.input(), split.mode() == StrategyKind.AUTO, readPartitions);
    results.checkNoClash(table.data().schema());
    Optional<ResultSink> sink = config.outputOption()
        .map(o -> ResultSink.prepare(spark, o, config.input().path(), table.format()));

    if (config.mode() == StrategyKind.TASKS) {
      spark.sparkContext().setJobDescription("xlspark: count the groups for --max-tasks");
      try {
        GroupTaskStrategy.refuseEarly(table.data(), table.column(split.groupColumn()),
            table.lines() == null ? -1 : Arrays.stream(table.lines().rows()).sum(), split);
      } finally {
        spark.sparkContext().setJobDescription(null);
      }
    }
    spark.sparkContext().setJobDescription("xlspark: read and index " + config.input().path());
    IndexedInput input = IndexedInput.of(spark, table);
    try {
      sink.ifPresent(s -> s.checkCapacity(input.count()));
      if (input.count() == 0) {
        warnings.add("the input has no rows");
        LOG.warn("the input {} has no rows", config.input().path());
      }
      TallyAccumulator tally = new TallyAccumulator();
      spark.sparkContext().register(tally, "xlspark rows");
      RowEvaluator evaluator = new RowEvaluator(input.schema(), table.expressionColumn(), table.corruptColumn(),
          table.idColumn() == null, table.textCells(), results, config.engine(), config.dryRun(), tally);
      if (progress != RunProgress.NONE) {
        LongAccumulator evaluatedRows = spark.sparkContext().longAccumulator("xlspark rows evaluated");
        evaluator = evaluator.withProgress(evaluatedRows);
        progress.evaluating(input.count(), evaluatedRows);
      }
      Optional<String> group = table.column(split.groupColumn());

      spark.sparkContext().setJobDescription("xlspark: evaluate (" + config.mode().cliName() + ")");
      Evaluated evaluated = EvaluationStrategy.of(config.mode())
          .evaluate(new EvaluationInput(spark, input, evaluator, split, group));
      if (evaluated.kind() != config.mode()) {
        LOG.debug("auto chose {}: {}", evaluated.kind().cliName(), evaluated.reason());
      }
      Dataset<Row> out = evaluated.rows();
      if (Arrays.asList(out.schema().fieldNames()).contains(input.rowIndexName())) {
        out = out.drop(input.rowIndexName());
      }

      spark.sparkContext().setJobDescription("xlspark: evaluate and write");
      List<String> problems = new ArrayList<>();
      if (sink.isPresent()) {
        sink.get().write(out);
        warnings.addAll(sink.get().warnings());
      } else {
        problems = firstProblems(out, table.idColumn() == null ? "id" : table.idColumn(), results);
      }
      RunTally total = tally.total();
      return new JobResult(total.rows(), total.errors(), config.mode(), evaluated.kind(), evaluated.reason(),
          evaluated.parallelism(), config.outputOption().map(OutputSpec::path).orElse(null),
          sink.map(ResultSink::format).orElse(null),
          System.nanoTime() - start, total.engine(), warnings, problems, table.readNote(),
          sink.map(ResultSink::tableVersion).orElse(null));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      spark.sparkContext().setJobDescription(null);
      input.release();
    }
  }

  /**
   * Evaluates every row (so the tally is complete) and brings back only the first {@link #MAX_PROBLEMS} ERROR
   * rows, as {@code id: message}, in input order: each partition sends at most that many.
   */
  static List<String> firstProblems(Dataset<Row> out, String id, ResultColumns results) {
    Dataset<Row> errors = out.filter(ResultColumns.column(results.type()).equalTo("ERROR"))
        .select(ResultColumns.column(id).cast("string"), ResultColumns.column(results.message()));
    List<Row> firsts = errors.mapPartitions((MapPartitionsFunction<Row, Row>) it -> {
      List<Row> keep = new ArrayList<>();
      while (it.hasNext()) {
        Row r = it.next();
        if (keep.size() < MAX_PROBLEMS) {
          keep.add(r);
        }
      }
      return keep.iterator();
    }, Encoders.row(errors.schema())).collectAsList();
    List<String> problems = new ArrayList<>();
    for (Row r : firsts.subList(0, Math.min(MAX_PROBLEMS, firsts.size()))) {
      problems.add(r.getString(0) + ": " + r.getString(1));
    }
    return problems;
  }
}

package xlspark.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import xlspark.spark.io.FormulaSource;
import xlspark.spark.io.ResultSink;
import xlspark.spark.io.SourceTable;
import xlspark.spark.strategy.EvaluationInput;
import xlspark.spark.strategy.EvaluationStrategy;
import xlspark.spark.strategy.Evaluated;

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
    long start = System.nanoTime();
    List<String> warnings = new ArrayList<>();
    ResultColumns results = new ResultColumns(config.resultPrefix());
    SourceTable table = FormulaSource.read(spark, config);
    results.checkNoClash(table.data().schema());
    Optional<ResultSink> sink = config.outputOption().map(o -> ResultSink.prepare(spark, config, table.format()));

    spark.sparkContext().setJobDescription("xlspark: read and index " + config.input());
    IndexedInput input = IndexedInput.of(spark, table.data(), table.files().size());
    try {
      sink.ifPresent(s -> s.checkCapacity(input.count()));
      if (input.count() == 0) {
        warnings.add("the input has no rows");
        LOG.warn("the input {} has no rows", config.input());
      }
      TallyAccumulator tally = new TallyAccumulator();
      spark.sparkContext().register(tally, "xlspark rows");
      RowEvaluator evaluator = new RowEvaluator(input.rows().schema(), table.expressionColumn(),
          table.idColumn() == null, table.textCells(), results, config.engine(), config.dryRun(), tally);
      Optional<String> group = FormulaSource.column(table.data().schema(), config.groupColumn());

      spark.sparkContext().setJobDescription("xlspark: evaluate (" + config.mode().cliName() + ")");
      Evaluated evaluated = EvaluationStrategy.of(config.mode())
          .evaluate(new EvaluationInput(spark, input, evaluator, config, group));
      if (evaluated.kind() != config.mode()) {
        LOG.debug("auto chose {}: {}", evaluated.kind().cliName(), evaluated.reason());
      }
      Dataset<Row> out = evaluated.rows().drop(ResultColumns.ROW_INDEX);

      spark.sparkContext().setJobDescription("xlspark: evaluate and write");
      List<String> problems = new ArrayList<>();
      if (sink.isPresent()) {
        sink.get().write(out);
      } else {
        String id = table.idColumn() == null ? "id" : table.idColumn();
        for (Row r : out.filter(functions.col(results.type()).equalTo("ERROR"))
            .select(functions.col(id).cast("string"), functions.col(results.message()))
            .collectAsList()) {
          if (problems.size() < MAX_PROBLEMS) {
            problems.add(r.getString(0) + ": " + r.getString(1));
          }
        }
      }
      RunTally total = tally.total();
      return new JobResult(total.rows(), total.errors(), config.mode(), evaluated.kind(), evaluated.reason(),
          evaluated.parallelism(), config.output(), sink.map(ResultSink::format).orElse(null),
          System.nanoTime() - start, total.engine(), warnings, problems);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      spark.sparkContext().setJobDescription(null);
      input.release();
    }
  }
}

package xlspark.spark.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerStageCompleted;
import org.apache.spark.scheduler.StageInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xlspark.cli.CliRun;
import java.util.Map;
import xlspark.spark.EvaluationJob;
import xlspark.spark.JobConfig;
import xlspark.spark.JobResult;
import xlspark.spark.Tables;

/** Every mode gives the same rows; tasks mode runs one task per group. */
class ModesSparkTest {
  @TempDir
  Path dir;

  @Test
  void allModesGiveIdenticalOutput() throws IOException {
    Path in = Corpus.write(dir.resolve("corpus.csv"), 300, 42);
    List<List<String>> variants = List.of(
        List.of("--mode", "serial"),
        List.of("--mode", "pool"),
        List.of("--mode", "pool", "--partitions", "3"),
        List.of("--mode", "tasks"),
        List.of("--mode", "tasks", "--group-column", "none"),
        List.of("--mode", "auto"));
    String expected = null;
    for (List<String> v : variants) {
      Path out = dir.resolve("out-" + String.join("-", v) + ".csv");
      List<String> args = new ArrayList<>(List.of("evaluate", "--input", in.toString(), "--output", out.toString(),
          "--single-file", "--now", "2024-01-31T00:00:00Z"));
      args.addAll(v);
      CliRun run = CliRun.of(args.toArray(String[]::new));
      assertEquals(0, run.exitCode(), run::toString);
      String text = Files.readString(out);
      if (expected == null) {
        expected = text;
        assertEquals(300, Tables.readCsv(out).size());
      } else {
        assertEquals(expected, text, () -> "mode " + v + " differs from serial");
      }
    }
  }

  @Test
  void poolUsesBalancedInputSplitsWithoutAShuffle() throws IOException {
    Path in = Corpus.write(dir.resolve("corpus.csv"), 120, 3);
    var spark = xlspark.spark.SharedSpark.session();
    List<Map<String, String>> expected = null;
    for (String mode : List.of("serial", "pool")) {
      Path out = dir.resolve("out-" + mode + ".csv");
      JobConfig.Builder b = JobConfig.builder(in.toString())
          .output(xlspark.spark.io.OutputSpec.to(out.toString()).singleFile(true).build())
          .mode(StrategyKind.parse(mode)).csvOption("multiLine", "false");
      spark.conf().set("spark.sql.files.maxPartitionBytes", String.valueOf(Files.size(in) / 2 + 1));
      JobResult result;
      try {
        result = EvaluationJob.run(spark, b.build());
      } finally {
        spark.conf().unset("spark.sql.files.maxPartitionBytes");
      }
      if (expected == null) {
        expected = Tables.readCsv(out);
      } else {
        assertTrue(result.reason().contains("input partitions"), result.reason());
        assertEquals(expected, Tables.readCsv(out));
      }
    }
  }

  @Test
  void tasksModeRunsOneTaskPerGroup() throws Exception {
    Path in = Corpus.write(dir.resolve("corpus.csv"), 200, 7);
    Recorder recorder = new Recorder();
    var sc = xlspark.spark.SharedSpark.session().sparkContext();
    sc.addSparkListener(recorder);
    try {
      CliRun run = CliRun.of("evaluate", "--input", in.toString(), "--output", dir.resolve("out").toString(),
          "--mode", "tasks");
      assertEquals(0, run.exitCode(), run::toString);
      StageInfo stage = recorder.await(GroupTaskStrategy.STAGE_NAME);
      assertEquals(Corpus.GROUPS.length, stage.numTasks(), "one task per distinct group (empty is a group)");
    } finally {
      sc.removeSparkListener(recorder);
    }
  }

  /** Records completed stages. */
  static final class Recorder extends SparkListener {
    final List<StageInfo> stages = new CopyOnWriteArrayList<>();

    @Override
    public void onStageCompleted(SparkListenerStageCompleted e) {
      stages.add(e.stageInfo());
    }

    StageInfo await(String name) throws InterruptedException {
      for (int i = 0; i < 200; i++) {
        for (StageInfo s : stages) {
          if (s.name().equals(name)) {
            return s;
          }
        }
        Thread.sleep(50);
      }
      List<String> names = stages.stream().map(StageInfo::name).toList();
      assertFalse(true, "no stage named " + name + " in " + names);
      return null;
    }
  }

  @Test
  void tasksModeWithoutGroupColumnRunsOneTaskPerExpression() throws Exception {
    Path in = Tables.csv(dir.resolve("in.csv"), List.of(List.of("expression"), List.of("=1"), List.of("=2"),
        List.of("=3")));
    Recorder recorder = new Recorder();
    var sc = xlspark.spark.SharedSpark.session().sparkContext();
    sc.addSparkListener(recorder);
    try {
      CliRun run = CliRun.of("evaluate", "--input", in.toString(), "--output", dir.resolve("out").toString(),
          "--mode", "tasks");
      assertEquals(0, run.exitCode(), run::toString);
      assertTrue(run.out().contains("mode tasks"), run::toString);
      assertEquals(3, recorder.await(GroupTaskStrategy.STAGE_NAME).numTasks());
    } finally {
      sc.removeSparkListener(recorder);
    }
  }
}

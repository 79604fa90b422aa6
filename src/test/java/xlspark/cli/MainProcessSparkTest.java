package xlspark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xlspark.spark.Tables;

/** The real {@code main} in its own JVM: exit codes through System.exit, and --task-slots starting local[N]. */
class MainProcessSparkTest {
  @TempDir
  Path dir;

  @Test
  void mainExitsWithTheJobsCodeAndTaskSlotsPickTheLocalMaster() throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (a.startsWith("--add-opens") || a.startsWith("-Djdk.reflect") || a.startsWith("-XX:+IgnoreUnrecognized")) {
        cmd.add(a);
      }
    }
    cmd.addAll(List.of("-Dspark.ui.enabled=false", "-Dspark.driver.host=127.0.0.1",
        "-Dspark.driver.bindAddress=127.0.0.1", "-cp", System.getProperty("java.class.path"), "xlspark.cli.Main",
        "evaluate", "--input", Tables.project().resolve("data/sample.csv").toString(),
        "--output", dir.resolve("out").toString(), "--task-slots", "3", "--mode", "pool",
        "--max-error-rate", "0.1"));
    Path log = dir.resolve("main.log");
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    assertTrue(p.waitFor(180, TimeUnit.SECONDS), "main did not finish");
    String out = Files.readString(log);
    assertEquals(3, p.exitValue(), out);
    assertTrue(out.contains("master local[3], 3 task slots"), out);
    assertTrue(out.contains("above --max-error-rate"), out);
  }
}

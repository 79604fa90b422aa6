package xlspark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** generate needs no Spark session. */
class GenerateCommandTest {
  @TempDir
  Path dir;

  private int run(String... args) {
    return Main.run(null, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), args);
  }

  @Test
  void writesWorkloadsAsCsvAndXlsx() throws IOException {
    Path csv = dir.resolve("w5.csv");
    assertEquals(0, run("generate", "--workload", "W5", "--rows", "3", "--output", csv.toString()));
    List<String> lines = Files.readAllLines(csv);
    assertEquals(4, lines.size());
    assertEquals("expression,group", lines.get(0));
    Path xlsx = dir.resolve("w2.xlsx");
    assertEquals(0, run("generate", "--workload", "W2", "--rows", "5", "--output", xlsx.toString()));
    assertTrue(Files.size(xlsx) > 0);
  }

  @Test
  void badWorkloadIsAUsageError() {
    assertEquals(2, run("generate", "--workload", "W9", "--output", dir.resolve("x.csv").toString()));
    assertEquals(2, run("generate", "--output", dir.resolve("x.csv").toString()));
  }
}

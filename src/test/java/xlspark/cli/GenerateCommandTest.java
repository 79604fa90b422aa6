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
    assertEquals(0, run("generate", "--workload", "W5", "--max-rows", "1000", "--output", csv.toString()));
    assertEquals(201, Files.readAllLines(csv).size(), "--max-rows leaves a smaller workload whole");
    assertEquals(0, run("generate", "--workload", "W4", "--max-rows", "7", "--output", csv.toString()));
    assertEquals(8, Files.readAllLines(csv).size(), "--max-rows cuts a bigger one");
    Path xlsx = dir.resolve("w2.xlsx");
    assertEquals(0, run("generate", "--workload", "W2", "--rows", "5", "--output", xlsx.toString()));
    assertTrue(Files.size(xlsx) > 0);
  }

  @Test
  void divergentWorkloadsPrintTextsAndShapes() throws IOException {
    for (String w : List.of("W1d", "W4d")) {
      Path csv = dir.resolve(w + ".csv");
      StringWriter out = new StringWriter();
      assertEquals(0, Main.run(null, new PrintWriter(out), new PrintWriter(new StringWriter()),
          "generate", "--workload", w, "--rows", "300", "--seed", "3", "--output", csv.toString()));
      assertEquals(301, Files.readAllLines(csv).size());
      assertTrue(out.toString().matches("(?s).*xlspark: " + w + ": 300 texts \\(300 distinct\\), [0-9,]+ shapes, "
          + "[0-9.]+% of rows with a shape of their own\n.*"), out.toString());
    }
  }

  @Test
  void badWorkloadIsAUsageError() {
    assertEquals(2, run("generate", "--workload", "W9", "--output", dir.resolve("x.csv").toString()));
    assertEquals(2, run("generate", "--output", dir.resolve("x.csv").toString()));
  }
}

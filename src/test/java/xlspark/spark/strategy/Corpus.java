package xlspark.spark.strategy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import xlspark.spark.Tables;

/** A mixed corpus of good, bad and odd expressions with variables and groups, deterministic per seed. */
final class Corpus {
  static final List<String> SHAPES = List.of(
      "=a+b", "=ROUND(a/b,2)", "=IF(a>b,\"up\",\"down\")", "=SUM(a,b,1)", "=1/0", "=SUM(1,", "=UPPER(t)",
      "=LEN(t)", "=NOSUCHFUNCTION(1)", "=zz+1", "", "=\"=q\"", "=a*b-3.5", "=t&\" \"&a", "=TRUE+a", "=-a");
  static final String[] GROUPS = {"g1", "g2", "g3", "g4", "g5", "g6", ""};

  private Corpus() {}

  /** {@code rows} rows: expression, a, b, t, group (7 distinct groups, one of them empty). */
  static Path write(Path file, int rows, long seed) throws IOException {
    Random r = new Random(seed);
    List<List<String>> table = new ArrayList<>();
    table.add(List.of("expression", "a", "b", "t", "group"));
    for (int i = 0; i < rows; i++) {
      table.add(List.of(SHAPES.get(r.nextInt(SHAPES.size())), String.valueOf(r.nextInt(200) - 50),
          r.nextInt(10) == 0 ? "0" : String.valueOf(r.nextInt(50) + 1), "t" + r.nextInt(1000),
          GROUPS[r.nextInt(GROUPS.length)]));
    }
    return Tables.csv(file, table);
  }
}

package xlspark.spark.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.spark.SparkException;
import org.apache.spark.rdd.RDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xlspark.spark.SharedSpark;
import xlspark.spark.core.InternalRows;
import xlspark.spark.core.ResultColumns;

/**
 * Rows are numbered where they are read: a CSV read line by line comes in the ranges and counts of the driver's
 * scan, which must be exactly the rows Spark's line reader gives for those ranges; other inputs are counted by a
 * job, a folder in name order; ranges of any number read the right rows and fail loudly on a wrong count.
 */
class IndexedInputSparkTest {
  @TempDir
  Path dir;

  private final SparkSession spark = SharedSpark.session();

  @Test
  void lineRangesHoldExactlyTheRowsOfSparksLineReader() throws IOException {
    List<String> texts = new ArrayList<>(List.of(
        "id,expression\n1,=1\n2,=2\n3,=3\n4,=4\n5,=5\n6,=6\n7,=7\n",
        "id,expression\r\n1,=1\r\n\r\n2,=2\r\n3,\"a\r\nb\"\r\n4,=4",
        "\n\n  \nid,expression\n\n1,=1\n \n2,=2\n\t\n3,=3\n\n\n",
        "\uFEFFid,expression\n1,=1\n2,=2\n3,=3\n",
        "\uFEFF\nid,expression\n1,=1\n",
        "id,expression\r1,=1\r2,=2\r\n3,=3\n\r4,=4\r",
        "id,expression\n1,=1,extra\n2\n3,\"=\"\"a\"\"\"\n"));
    Random random = new Random(7);
    for (int i = 0; i < 6; i++) {
      texts.add(xlsparkRandomCsv(random, 5 + random.nextInt(60)));
    }
    for (int t = 0; t < texts.size(); t++) {
      Path f = dir.resolve("f" + t + ".csv");
      Files.writeString(f, texts.get(t), StandardCharsets.UTF_8);
      for (int parts : new int[] {1, 2, 3, 5, 8}) {
        checkLineRanges(f.toString(), parts, texts.get(t));
      }
    }
  }

  @Test
  void lineRangesOfAFolderFollowNameOrder() throws IOException {
    Path folder = Files.createDirectories(dir.resolve("in"));
    Files.writeString(folder.resolve("b.csv"), "id,expression\nb1,=1\nb2,=2\n");
    Files.writeString(folder.resolve("a.csv"), "id,expression\n" + "a,=1\n".repeat(40));
    Files.writeString(folder.resolve("c.csv"), "id,expression\n\nc1,=1\n");
    Files.writeString(folder.resolve("d.csv"), "id,expression\n");
    for (int parts : new int[] {1, 2, 4, 7}) {
      IndexedInput in = index(folder.toString(), parts, Map.of("multiLine", "false"), true);
      List<String> ids = in.rows().select("id").as(org.apache.spark.sql.Encoders.STRING()).collectAsList();
      List<String> expected = new ArrayList<>(Collections.nCopies(40, "a"));
      expected.addAll(List.of("b1", "b2", "c1"));
      assertEquals(expected, ids, "parts " + parts);
      assertIndexDense(in);
    }
  }

  @Test
  void countedInputsOfAFolderFollowNameOrder() throws IOException {
    StructType schema = DataTypes.createStructType(List.of(
        DataTypes.createStructField("expression", DataTypes.StringType, true),
        DataTypes.createStructField("n", DataTypes.LongType, true)));
    // sizes differ on purpose: Spark packs files by size, largest first
    int[] sizes = {3, 200, 20, 1};
    for (String format : List.of("parquet", "json")) {
      Path folder = dir.resolve("folder-" + format);
      for (int f = 0; f < sizes.length; f++) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < sizes[f]; i++) {
          rows.add(RowFactory.create("=" + f, (long) f * 1000 + i));
        }
        Path tmp = dir.resolve("tmp-" + format + f);
        spark.createDataFrame(rows, schema).coalesce(1).write().format(format).save(tmp.toString());
        Path part = Files.list(tmp).filter(p -> p.getFileName().toString().startsWith("part-")).findFirst()
            .orElseThrow();
        Files.createDirectories(folder);
        Files.move(part, folder.resolve("part-" + (char) ('a' + f) + "." + format));
      }
      spark.conf().set("spark.sql.files.maxPartitionBytes", "1500");
      spark.conf().set("spark.sql.files.openCostInBytes", "1");
      IndexedInput in;
      try {
        in = index(folder.toString(), 3, Map.of(), false);
      } finally {
        spark.conf().unset("spark.sql.files.maxPartitionBytes");
        spark.conf().unset("spark.sql.files.openCostInBytes");
      }
      List<Long> ns = in.rows().select("n").as(org.apache.spark.sql.Encoders.LONG()).collectAsList();
      List<Long> expected = new ArrayList<>();
      for (int f = 0; f < sizes.length; f++) {
        for (int i = 0; i < sizes[f]; i++) {
          expected.add((long) f * 1000 + i);
        }
      }
      assertEquals(expected, ns, format);
      assertIndexDense(in);
      for (int parts : new int[] {1, 2, 5}) {
        assertEquals(expected, rangeValues(in.ranges(parts), 1), format + " in " + parts + " ranges");
      }
      in.release();
    }
  }

  @Test
  void driverParsedSampleRowsAreSparksRows() throws IOException {
    StringBuilder b = new StringBuilder("id,expression,a\n\n");
    for (int i = 0; i < 80; i++) {
      b.append(i).append(i % 10 == 3 ? ",\"=\"\"x, y\"\"\"," : ",=a*").append(i % 10 == 3 ? "" : i + ",")
          .append(i % 7 == 0 ? "" : "v" + i).append(i % 25 == 24 ? ",extra" : "").append('\n');
    }
    Path f = Files.writeString(dir.resolve("s.csv"), b.toString());
    SourceTable table = FormulaSource.read(spark, new InputSpec(f.toString(), null, null, Map.of(), null, null), false, 2);
    IndexedInput in = IndexedInput.of(spark, table);
    List<Row> sample = in.head(64);
    List<Row> spark = in.rows().limit(64).collectAsList();
    assertEquals(64, sample.size());
    int corrupt = in.schema().fieldIndex(ResultColumns.CORRUPT_RECORD);
    for (int i = 0; i < 64; i++) {
      if (spark.get(i).isNullAt(corrupt)) {
        assertEquals(spark.get(i), sample.get(i), "row " + i);
      } else {
        assertTrue(!sample.get(i).isNullAt(corrupt), "row " + i + " is malformed in both");
      }
    }
  }

  @Test
  void rangesFailOnAWrongCount() {
    RDD<InternalRow> rows = InternalRows.PLATFORM.rdd(spark.range(0, 10, 1, 2).toDF());
    assertEquals(List.of(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L),
        rangeValues(new IndexedInput.Ranges(RowRangeRDD.equalRanges(rows, new long[] {5, 5}, 3), null, ""), 0));
    SparkException fewer = assertThrows(SparkException.class, () -> rangeValues(
        new IndexedInput.Ranges(RowRangeRDD.equalRanges(rows, new long[] {6, 5}, 2), null, ""), 0));
    assertTrue(fewer.getMessage().contains("fewer rows than counted"), fewer::getMessage);
    SparkException more = assertThrows(SparkException.class, () -> rangeValues(
        new IndexedInput.Ranges(RowRangeRDD.equalRanges(rows, new long[] {4, 5}, 2), null, ""), 0));
    assertTrue(more.getMessage().contains("more rows than counted"), more::getMessage);
  }

  /** Indexes {@code input} the way the job does, reading {@code parts} partitions. */
  private IndexedInput index(String input, int parts, Map<String, String> csv, boolean expectLines) {
    SourceTable table = FormulaSource.read(spark, new InputSpec(input, null, null, csv, null, null), false, parts);
    if (expectLines) {
      assertNotNull(table.lines(), table.readNote());
    } else {
      assertNull(table.lines(), table.readNote());
    }
    return IndexedInput.of(spark, table);
  }

  private void checkLineRanges(String file, int parts, String text) {
    IndexedInput in = index(file, parts, Map.of("multiLine", "false"), true);
    String what = parts + " parts of " + text.replace("\r", "\\r").replace("\n", "\\n");
    Dataset<Row> expected = spark.read().options(FormulaSource.csvReadOptions(Map.of("multiLine", "false")))
        .schema(in.schema()).csv(file);
    List<Row> got = in.rows().drop(ResultColumns.ROW_INDEX).collectAsList();
    assertEquals(expected.collectAsList(), got, what);
    assertIndexDense(in);
    assertEquals(got.size(), in.count(), what);
  }

  private static void assertIndexDense(IndexedInput in) {
    List<Long> index = in.rows().select(ResultColumns.ROW_INDEX).as(org.apache.spark.sql.Encoders.LONG())
        .collectAsList();
    for (int i = 0; i < index.size(); i++) {
      assertEquals(i, index.get(i));
    }
  }

  /** Column {@code col} (a long) of every row of the ranges, in order. */
  private static List<Long> rangeValues(IndexedInput.Ranges ranges, int col) {
    List<List<Long>> parts = ranges.rdd().toJavaRDD().mapPartitions((Iterator<InternalRow> it) -> {
      List<Long> v = new ArrayList<>();
      while (it.hasNext()) {
        v.add(it.next().getLong(col));
      }
      return Collections.singletonList(v).iterator();
    }).collect();
    List<Long> all = new ArrayList<>();
    parts.forEach(all::addAll);
    return all;
  }

  private static String xlsparkRandomCsv(Random random, int rows) {
    StringBuilder b = new StringBuilder("id,expression,a\n");
    for (int r = 0; r < rows; r++) {
      switch (random.nextInt(12)) {
        case 0 -> b.append('\n');
        case 1 -> b.append(" \t\n");
        case 2 -> b.append("r").append(r).append(",\"=IF(a,\n\"\"x\"\",1)\",").append(r).append("\r\n");
        case 3 -> b.append("r").append(r).append(",=1,2,3\r");
        default -> b.append("r").append(r).append(",=").append(r).append("*a,").append(r).append('\n');
      }
    }
    return b.toString();
  }
}

package xlspark.spark.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.Test;
import xlspark.spark.core.UsageException;

/** The one output description and the one rule keeping outputs apart from inputs. */
class OutputSpecTest {
  @Test
  void formatComesFromTheSpecThenTheExtensionThenTheCommandsDefault() {
    assertEquals(DataFormat.JSON, OutputSpec.to("out.csv").format(DataFormat.JSON).build()
        .resolveFormat(DataFormat.CSV));
    assertEquals(DataFormat.PARQUET, OutputSpec.to("/x/out.parquet").build().resolveFormat(DataFormat.CSV));
    assertEquals(DataFormat.XLSX, OutputSpec.to("out").build().resolveFormat(DataFormat.XLSX));
    assertEquals("results", OutputSpec.to("out").build().sheetName());
    assertEquals("S", OutputSpec.to("out").sheet("S").build().sheetName());
  }

  @Test
  void inconsistentCombinationsAreUsageErrors() {
    assertThrows(UsageException.class,
        () -> OutputSpec.to("o").format(DataFormat.JSON).csvEscapeFormulas(true).build());
    assertThrows(UsageException.class,
        () -> OutputSpec.to("o").partitionBy(List.of("region")).singleFile(true).build());
    assertThrows(UsageException.class, () -> OutputSpec.to("o").partitionBy(List.of(" ")).build());
    assertThrows(UsageException.class, () -> OutputSpec.to(" ").build());
    OutputSpec spec = OutputSpec.to("o").partitionBy(List.of("region")).csvOption("delimiter", ";").build();
    assertEquals(List.of("region"), spec.partitionBy());
    assertEquals(spec, spec.toBuilder().build(), "toBuilder keeps every field");
  }

  @Test
  void overlapIsTheSamePathOrOneInsideTheOther() {
    assertTrue(OutputPaths.overlap(new Path("file:/a/b"), new Path("file:/a/b")));
    assertTrue(OutputPaths.overlap(new Path("file:/a/b/c"), new Path("file:/a/b")));
    assertTrue(OutputPaths.overlap(new Path("file:/a"), new Path("file:/a/b")));
    assertFalse(OutputPaths.overlap(new Path("file:/a/bc"), new Path("file:/a/b")), "a sibling sharing a prefix");
    assertFalse(OutputPaths.overlap(new Path("hdfs://nn/a/b"), new Path("file:/a/b")), "another file system");
  }

  @Test
  void requireApartNamesBothPaths(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
    Configuration conf = new Configuration();
    String in = dir.resolve("in").toString();
    UsageException e = assertThrows(UsageException.class,
        () -> OutputPaths.requireApart("--write-values", in + "/copies", "the input", in, conf));
    assertEquals("--write-values " + in + "/copies overlaps the input " + in, e.getMessage());
    OutputPaths.requireApart("output", dir.resolve("out").toString(), "the input", in, conf);
  }
}

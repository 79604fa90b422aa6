package xlspark.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xlspark.eval.EngineStats;
import xlspark.spark.core.RunRecord;
import xlspark.spark.io.DataFormat;
import xlspark.spark.strategy.StrategyKind;
import xlspark.spark.workbook.WorkbookJobResult;
import xlspark.workbook.WorkbookSummary;

/** The run record of both commands: valid JSON whatever the texts in it, written one way. */
class RunRecordTest {
  static final String HOSTILE = "q\"uote \\ back\nline\ttab\u0001ctl \u2028sep 😀 \u200b";

  @TempDir
  Path dir;

  @Test
  void evaluateRecordKeepsHostileTextsExactly() {
    JobResult r = new JobResult(12, 2, StrategyKind.AUTO, StrategyKind.POOL, HOSTILE, 2, "out/" + HOSTILE,
        DataFormat.CSV, 2_000_000_000L, EngineStats.ZERO, List.of(HOSTILE, "second"), List.of(), HOSTILE,
        null);
    ObjectNode o = RunRecord.parse(r.toJson());
    assertEquals(HOSTILE, o.get("reason").asText());
    assertEquals("out/" + HOSTILE, o.get("output").asText());
    assertEquals(HOSTILE, o.get("warnings").get(0).asText());
    assertEquals(12, o.get("rows").asLong());
    assertEquals(0.166667, o.get("errorRate").asDouble(), 0, "six significant digits");
    assertEquals("pool", o.get("usedMode").asText());
    assertTrue(r.toJson().contains("\"rows\":12"), r.toJson());
  }

  @Test
  void workbookRecordKeepsHostileTextsExactly() {
    WorkbookSummary w = new WorkbookSummary(HOSTILE + ".xlsx", 10, 1, 3, 2, 1, 0, 0, 0.1, 0.2, HOSTILE,
        List.of(HOSTILE));
    WorkbookJobResult r = new WorkbookJobResult(StrategyKind.AUTO, StrategyKind.SERIAL, HOSTILE, 1, List.of(w),
        null, null, null, 1_000_000L, 30, List.of(HOSTILE));
    ObjectNode o = RunRecord.parse(r.toJson());
    assertEquals(HOSTILE, o.get("reason").asText());
    assertTrue(o.get("output").isNull());
    assertEquals(HOSTILE + ".xlsx", o.get("workbooks").get(0).get("workbook").asText());
    assertEquals(HOSTILE, o.get("workbooks").get(0).get("failure").asText());
    assertEquals(HOSTILE, o.get("workbooks").get(0).get("warnings").get(0).asText());
    assertEquals(66.6667, o.get("matchRatePercent").asDouble(), 0);
    assertEquals(HOSTILE, o.get("warnings").get(0).asText());
  }

  @Test
  void writeCreatesTheFoldersAndEndsWithALineBreak() throws IOException {
    Path file = dir.resolve("a/b/run.json");
    RunRecord.write(file.toString(), "{\"x\":1}");
    assertEquals("{\"x\":1}\n", Files.readString(file));
  }
}

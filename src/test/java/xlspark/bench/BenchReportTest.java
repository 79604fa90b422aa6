package xlspark.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark's table, targets and chart from recorded runs. */
class BenchReportTest {
  @TempDir
  Path dir;

  private static final String TSV = String.join("\n",
      "workload\trows\tmode\tseconds\texit\tused\treason\tjob_seconds\tnote",
      "W5\t200\tserial\t15.0\t0\tserial\tdriver\t11.0\t",
      "W5\t200\ttasks\t5.0\t0\ttasks\tone task per group\t1.0\t",
      "W5\t200\tauto\t5.2\t0\ttasks\trows wait\t1.2\t",
      "W5\t200\tpoi\t2.0\t0\tpoi\t\t1.5\t\t2.5\t",
      "W1\t1000000\tserial\t14.0\t0\tserial\tdriver\t10.0\t",
      "W1\t1000000\tpool\t7.0\t0\tpool\t2 partitions\t3.0\t",
      "W1\t1000000\ttasks\t4.0\t2\t\t\t\txlspark: tasks mode refused: ... more than --max-tasks 10000 tasks",
      "W1\t1000000\tauto\t8.0\t0\tpool\tCPU-bound\t4.0\t",
      "W1\t1000000\tpoi\t16.0\t0\tpoi\t\t15.0\t\t30.0\t999990/1000000") + "\n";

  @Test
  void tableTargetsAndChart() throws IOException {
    Path tsv = Files.writeString(dir.resolve("r.tsv"), TSV);
    List<BenchRun> runs = BenchRun.read(tsv);
    assertEquals(9, runs.size());
    assertTrue(runs.get(6).refused());
    assertEquals("999990/1000000", runs.get(8).agree());
    BenchReport report = new BenchReport(runs, Map.of("cores", "2"));
    assertEquals(List.of("W1", "W5"), report.workloads(), "workload order, not file order");
    String md = report.markdown("chart.svg");
    assertTrue(md.contains("| 7.00 s · 2.00× · 143k/s |"), md);
    assertTrue(md.contains("refused (`--max-tasks`)"), md);
    assertTrue(md.contains("| W1 pool ≤ 0.55 × serial | 0.50× | yes |"), md);
    assertTrue(md.contains("| W1 pool ≤ 0.5 × POI | 0.44× | yes |"), md);
    assertTrue(md.contains("| pool | 16.00 s · 63k/s | 0.44× | 999990/1000000 |"), md);
    assertTrue(md.contains("| W1 | 10.00 (CPU –) | 3.00 (CPU –) | – (CPU –) | 4.00 (CPU –) | 15.00 (CPU 30.00) |"), md);
    assertTrue(md.contains("| W5 auto within 10% of the best (tasks) | 1.04× the best | yes |"),
        "the POI baseline is not a mode to pick: " + md);
    assertTrue(md.contains("| W5 tasks ≤ 0.2 × serial | 0.33× | no |"), md);
    assertTrue(md.contains("| W1 auto within 10% of the best (pool) | 1.14× the best | no |"), md);
    assertTrue(md.contains("| W1 end to end < 7 s | 7.00 s (pool) | no |"), md);
    assertTrue(md.contains("![time per mode and workload, log scale](chart.svg)"), md);

    String svg = new BenchChart(report.workloads(), report::run, "2").svg();
    assertTrue(svg.startsWith("<svg") && svg.trim().endsWith("</svg>"), svg);
    assertEquals(8, svg.split("<rect x=").length - 1 - 5, "one bar per successful run (plus 5 legend boxes)");
    assertTrue(svg.contains(">POI, 2 threads</text>"), svg);
    assertTrue(svg.contains(">refused</text>"), svg);
  }
}

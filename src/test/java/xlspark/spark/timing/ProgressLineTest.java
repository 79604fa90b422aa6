package xlspark.spark.timing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.util.LongAccumulator;
import org.junit.jupiter.api.Test;

/** The progress line's text and pacing, with an injected clock (no waiting, no Spark job). */
class ProgressLineTest {
  private final AtomicLong now = new AtomicLong(1_000_000);
  private final StringWriter text = new StringWriter();

  private ProgressLine line(boolean terminal, boolean requested) {
    return new ProgressLine(new PrintWriter(text), terminal, requested, now::get);
  }

  @Test
  void rendersCountPercentElapsedAndTimeLeft() {
    assertEquals("xlspark progress: 25,000 of 100,000 rows (25.0%), 1:05 elapsed, about 0:30 left",
        ProgressLine.render(25_000, 100_000, 65_000, 10_000));
    assertEquals("xlspark progress: 0 of 10 rows (0.0%), 0:01 elapsed, time left not known yet",
        ProgressLine.render(0, 10, 1_000, 500));
    assertEquals("xlspark progress: 12 of 12 rows (100.0%), 0:03 elapsed, done",
        ProgressLine.render(12, 12, 3_000, 2_000));
    assertEquals("1:01:01", ProgressLine.duration(3_661_000));
  }

  @Test
  void printsAtMostOnceASecondAndOffATerminalOnlyWhenTheCountChanged() {
    ProgressLine p = line(false, true);
    LongAccumulator rows = new LongAccumulator();
    p.tick();
    assertEquals("", text.toString(), "nothing before the evaluation starts");
    p.evaluating(100, rows);
    now.addAndGet(999);
    rows.add(10);
    p.tick();
    assertEquals("", text.toString(), "the first line waits a second");
    now.addAndGet(1);
    p.tick();
    assertEquals(1, lines(), text::toString);
    assertTrue(text.toString().contains("10 of 100 rows (10.0%)"), text::toString);
    rows.add(40);
    now.addAndGet(500);
    p.tick();
    assertEquals(1, lines(), "within the second: no new line");
    now.addAndGet(500);
    p.tick();
    assertEquals(2, lines());
    assertTrue(text.toString().contains("50 of 100 rows (50.0%)"), text::toString);
    now.addAndGet(5_000);
    p.tick();
    assertEquals(2, lines(), "off a terminal an unchanged count prints nothing");
    rows.add(50);
    p.close();
    assertEquals(3, lines());
    assertTrue(text.toString().endsWith("100 of 100 rows (100.0%), 0:07 elapsed, done" + System.lineSeparator()),
        text::toString);
    p.tick();
    assertEquals(3, lines(), "closed");
  }

  @Test
  void offATerminalTheLastLineIsNotRepeated() {
    ProgressLine p = line(false, true);
    LongAccumulator rows = new LongAccumulator();
    p.evaluating(10, rows);
    rows.add(10);
    now.addAndGet(1_000);
    p.tick();
    now.addAndGet(20_000);
    p.close();
    assertEquals(1, lines(), text::toString);
  }

  @Test
  void onATerminalRedrawsInPlaceAndEndsWithANewLine() {
    ProgressLine p = line(true, false);
    LongAccumulator rows = new LongAccumulator();
    p.evaluating(10, rows);
    now.addAndGet(1_000);
    p.tick();
    now.addAndGet(1_000);
    p.tick();
    rows.add(10);
    p.close();
    String s = text.toString();
    assertEquals(3, s.chars().filter(c -> c == '\r').count(), s);
    assertTrue(s.endsWith("\n") && s.strip().endsWith("10 of 10 rows (100.0%), 0:02 elapsed, done"), s);
    assertEquals(1, s.chars().filter(c -> c == '\n').count(), s);
  }

  @Test
  void aShortRunShowsNothingUnlessTheLineWasAskedFor() {
    ProgressLine quietByDefault = line(true, false);
    quietByDefault.evaluating(10, new LongAccumulator());
    quietByDefault.close();
    assertEquals("", text.toString());
    ProgressLine asked = line(false, true);
    LongAccumulator rows = new LongAccumulator();
    asked.evaluating(10, rows);
    rows.add(10);
    asked.close();
    assertTrue(text.toString().startsWith("xlspark progress: 10 of 10 rows (100.0%)"), text::toString);
  }

  private long lines() {
    return text.toString().lines().count();
  }
}

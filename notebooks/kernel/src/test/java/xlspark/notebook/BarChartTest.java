package xlspark.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BarChartTest {
  @Test
  void oneRectPerBarScaledToTheLongest() {
    String svg = new BarChart("Modes <W1g>", "seconds")
        .add("serial", "wall", 8).add("serial", "engine", 2).add("pool", "wall", 4).svg();
    assertTrue(svg.startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\""), svg);
    assertTrue(svg.contains("Modes &lt;W1g&gt;"), svg);
    // axis 0..8 in steps of 2 over 760-110-70 = 580 px: 8 s is 580 px, 4 s 290 px, 2 s 145 px
    assertTrue(svg.contains("width=\"580.0\""), svg);
    assertTrue(svg.contains("width=\"290.0\""), svg);
    assertTrue(svg.contains("width=\"145.0\""), svg);
    assertEquals(3 + 2, svg.split("<rect x=").length - 1, "three bars and two legend keys");
  }

  @Test
  void niceSteps() {
    assertEquals(2.0, BarChart.niceStep(8));
    assertEquals(0.05, BarChart.niceStep(0.21), 1e-12);
    assertEquals(10.0, BarChart.niceStep(37));
  }

  @Test
  void refusesNegativeOrNaN() {
    BarChart c = new BarChart("t", "s");
    assertThrows(IllegalArgumentException.class, () -> c.add("a", "b", -1));
    assertThrows(IllegalArgumentException.class, () -> c.add("a", "b", Double.NaN));
  }
}

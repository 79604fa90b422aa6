package xlspark.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class BarChartTest {
  private final BarChart chart = new BarChart("Modes <W1g>", "seconds")
      .add("serial", "wall", 8).add("serial", "engine", 2).add("pool", "wall", 4);

  @Test
  void svgHasOneRectPerBarScaledToTheLongest() {
    String svg = chart.svg();
    assertTrue(svg.startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\""), svg);
    assertTrue(svg.contains("Modes &lt;W1g&gt;"), svg);
    // axis 0..8 in steps of 2 over 760-110-70 = 580 px: 8 s is 580 px, 4 s 290 px, 2 s 145 px
    assertTrue(svg.contains("width=\"580.0\""), svg);
    assertTrue(svg.contains("width=\"290.0\""), svg);
    assertTrue(svg.contains("width=\"145.0\""), svg);
    assertEquals(1 + 3 + 2, svg.split("<rect x=").length - 1, "background, three bars, two legend keys");
  }

  @Test
  void pngIsTheSameDrawingAtTwiceTheSize() throws Exception {
    BufferedImage img = ImageIO.read(new ByteArrayInputStream(chart.png()));
    assertEquals(2 * 760, img.getWidth());
    assertEquals(2 * chart.height(), img.getHeight());
    // first group (top 56), first series (wall, blue): a pixel inside the 8 s bar, and one past its end is not blue
    int y = 2 * (56 + 8);
    assertEquals(0x1f77b4, img.getRGB(2 * (110 + 300), y) & 0xffffff);
    assertEquals(0x1f77b4, img.getRGB(2 * (110 + 575), y) & 0xffffff);
    assertTrue((img.getRGB(2 * (110 + 600), y) & 0xffffff) != 0x1f77b4);
    // the pool bar (4 s) ends at 290 px
    int poolY = 2 * (56 + 46 + 8);
    assertEquals(0x1f77b4, img.getRGB(2 * (110 + 280), poolY) & 0xffffff);
    assertTrue((img.getRGB(2 * (110 + 300), poolY) & 0xffffff) != 0x1f77b4);
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

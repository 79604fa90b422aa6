package xlspark.functions.math;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import xlspark.functions.math.DecimalRounding.Mode;

/** The fast decimal rounding agrees with a BigDecimal reference on the 15-digit decimal. */
class DecimalRoundingTest {
  private static final MathContext DIGITS_15 = new MathContext(15, RoundingMode.HALF_UP);

  private static double reference(double x, int digits, Mode mode) {
    BigDecimal shown = new BigDecimal(x).round(DIGITS_15);
    RoundingMode rm = switch (mode) {
      case HALF_UP -> RoundingMode.HALF_UP;
      case UP -> RoundingMode.UP;
      case DOWN -> RoundingMode.DOWN;
    };
    return shown.setScale(digits, rm).doubleValue();
  }

  @Test
  void excelExamples() {
    assertEquals(2.68, DecimalRounding.round(2.675, 2));
    assertEquals(1.01, DecimalRounding.round(1.005, 2));
    assertEquals(-1.01, DecimalRounding.round(-1.005, 2));
    assertEquals(0.13, DecimalRounding.round(0.125, 2));
    assertEquals(10.08, DecimalRounding.round(10.075, 2, Mode.UP));
    assertEquals(10.07, DecimalRounding.round(10.075, 2, Mode.DOWN));
    assertEquals(123456800, DecimalRounding.round(123456789.987654, -2));
    assertEquals(0.1, DecimalRounding.round(1e-10, 1, Mode.UP));
    assertEquals(0, DecimalRounding.round(1e-10, 3));
    assertEquals(1e300, DecimalRounding.round(1e300, 2));
    assertEquals(0.3, DecimalRounding.sig15(0.1 + 0.2));
    assertEquals(3, DecimalRounding.floor15(0.3 / 0.1));
  }

  @Test
  void exponentIsExactAtPowersOfTen() {
    for (int k = -307; k <= 307; k++) {
      double p = Double.parseDouble("1e" + k);
      assertEquals(k, DecimalRounding.exponent10(p), "1e" + k);
      assertEquals(k - 1, DecimalRounding.exponent10(Math.nextDown(p)), "just below 1e" + k);
    }
  }

  @Test
  void agreesWithBigDecimalOnRandomNumbers() {
    SplittableRandom r = new SplittableRandom(7);
    for (int i = 0; i < 200_000; i++) {
      int decimals = r.nextInt(0, 8);
      double x = Math.round(r.nextDouble(-1e6, 1e6) * Math.pow(10, decimals)) / Math.pow(10, decimals);
      if (r.nextBoolean()) {
        x = r.nextDouble(-1e6, 1e6) * Math.pow(10, r.nextInt(-12, 12));
      }
      int digits = r.nextInt(-6, 12);
      Mode mode = Mode.values()[r.nextInt(3)];
      double expected = reference(x, digits, mode);
      double actual = DecimalRounding.round(x, digits, mode);
      if (expected != actual) {
        assertEquals(expected, actual, Math.abs(expected) * 1e-15, x + " to " + digits + " " + mode);
      }
    }
  }
}

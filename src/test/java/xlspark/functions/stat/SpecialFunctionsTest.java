package xlspark.functions.stat;

import xlspark.functions.RootFinder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The numerical kernels against 40-digit references (mpmath), tails included. */
class SpecialFunctionsTest {
  private static void close(double expected, double actual) {
    assertEquals(expected, actual, Math.abs(expected) * 1e-13, () -> "expected " + expected + " got " + actual);
  }

  @Test
  void normalTailsKeepRelativePrecision() {
    close(6.220960574271784e-16, SpecialFunctions.normCdf(-8));
    close(0.9331927987311419, SpecialFunctions.normCdf(1.5));
    close(1.537459794428035e-12, SpecialFunctions.erfc(5));
    close(0.1124629160182849, SpecialFunctions.erf(0.1));
  }

  @Test
  void normalInverseReachesFarTails() {
    close(-37.0470962993612, SpecialFunctions.normInv(1e-300));
    close(1.9599639845400543, SpecialFunctions.normInv(0.975));
    assertTrue(Double.isNaN(SpecialFunctions.normInv(0)));
  }

  @Test
  void gammaFamily() {
    close(0.5723649429247001, SpecialFunctions.lnGamma(0.5));
    close(12815504.569147611, SpecialFunctions.lnGamma(1e6));
    close(2.991568987687591, SpecialFunctions.gamma(0.3));
    assertEquals(5.56209241456e305, SpecialFunctions.gamma(170.5), 5.56209241456e305 * 1e-11);
    assertTrue(Double.isNaN(SpecialFunctions.gamma(-2)));
    close(0.32332358381693654, SpecialFunctions.gammaP(3, 2));
    close(5.924540335483916e-06, SpecialFunctions.gammaQ(100, 150));
  }

  @Test
  void incompleteBetaBothTails() {
    close(0.5798249999999999, SpecialFunctions.betaI(0.3, 0.7, 2, 5));
    close(1.7930035382382417e-31, SpecialFunctions.betaI(0.1, 0.9, 60, 50));
  }

  @Test
  void brentFindsRoots() {
    close(Math.sqrt(2), RootFinder.bracketed(x -> x * x - 2, 0, 2, 100));
    assertTrue(Double.isNaN(RootFinder.bracketed(x -> x * x + 1, 0, 2, 100)));
  }
}

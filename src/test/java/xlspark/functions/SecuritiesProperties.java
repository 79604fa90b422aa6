package xlspark.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import xlspark.eval.EngineOptions;
import xlspark.eval.EvalOutcome;
import xlspark.eval.FormulaEvaluator;
import xlspark.eval.ResultType;
import xlspark.eval.VariableSource;

/**
 * Seeded random bonds under every basis and frequency: the identities Excel documents between the securities
 * functions hold (YIELD inverts PRICE, the discount and maturity pairs invert each other, an odd first period
 * that is a regular one prices as PRICE, MDURATION is DURATION / (1 + yld/f), coupon dates bracket settlement).
 */
class SecuritiesProperties {
  private final FormulaEvaluator ev = new FormulaEvaluator(EngineOptions.defaults());
  private int row;

  private double eval(String formula) {
    EvalOutcome o = ev.evaluate(formula, VariableSource.NONE, ++row);
    assertEquals(ResultType.NUMBER, o.type(), () -> formula + " -> " + o);
    return o.number();
  }

  private static void near(double expected, double actual, String what) {
    assertTrue(Math.abs(expected - actual) <= 1e-9 * Math.max(1, Math.abs(expected)),
        what + ": expected " + expected + " got " + actual);
  }

  @Test
  void documentedIdentitiesHoldForEveryBasisAndFrequency() {
    SplittableRandom rnd = new SplittableRandom(20260611L);
    int[] frequencies = {1, 2, 4};
    for (int i = 0; i < 60; i++) {
      int basis = i % 5;
      int f = frequencies[rnd.nextInt(3)];
      int settle = 36526 + rnd.nextInt(9000);
      int mat = settle + 40 + rnd.nextInt(9000);
      double rate = rnd.nextInt(1, 120) / 1000.0;
      double yld = rnd.nextInt(1, 120) / 1000.0;
      String sm = settle + "," + mat;
      String fb = f + "," + basis;
      String ctx = "settlement " + settle + ", maturity " + mat + ", f " + f + ", basis " + basis;

      double price = eval("=PRICE(" + sm + "," + rate + "," + yld + ",100," + fb + ")");
      // With one coupon left Excel documents DSR = E - A in PRICE but settlement-to-redemption days in YIELD,
      // which differ under the nominal-year bases 2 and 3.
      boolean lastPeriod = eval("=COUPNUM(" + sm + "," + fb + ")") == 1;
      if (!lastPeriod || basis == 0 || basis == 1 || basis == 4) {
        near(yld, eval("=YIELD(" + sm + "," + rate + "," + price + ",100," + fb + ")"), "YIELD(PRICE) " + ctx);
      }
      double dur = eval("=DURATION(" + sm + "," + rate + "," + yld + "," + fb + ")");
      near(dur / (1 + yld / f), eval("=MDURATION(" + sm + "," + rate + "," + yld + "," + fb + ")"), "MDURATION " + ctx);

      double pcd = eval("=COUPPCD(" + sm + "," + fb + ")");
      double ncd = eval("=COUPNCD(" + sm + "," + fb + ")");
      assertTrue(pcd <= settle && settle < ncd && ncd <= mat, "coupon dates around settlement " + ctx);
      near(ncd, eval("=EDATE(" + pcd + "," + 12 / f + ")") + endOfMonthShift(pcd, ncd, f), "COUPNCD " + ctx);
      if (basis == 1) {
        near(eval("=COUPDAYS(" + sm + "," + fb + ")"),
            eval("=COUPDAYBS(" + sm + "," + fb + ")+COUPDAYSNC(" + sm + "," + fb + ")"), "COUPDAYS " + ctx);
      }
      if (pcd < settle && ncd < mat) {
        double odd = eval("=ODDFPRICE(" + sm + "," + pcd + "," + ncd + "," + rate + "," + yld + ",100," + fb + ")");
        // Under the nominal-year bases 2 and 3 the odd-period share DFC/E is not 1 even for a regular period.
        if (basis != 2 && basis != 3) {
          near(price, odd, "ODDFPRICE of a regular first period " + ctx);
        }
        near(yld, eval("=ODDFYIELD(" + sm + "," + pcd + "," + ncd + "," + rate + "," + odd + ",100," + fb + ")"),
            "ODDFYIELD(ODDFPRICE) " + ctx);
      }
      if (pcd < settle) {
        double oddLast = eval("=ODDLPRICE(" + sm + "," + pcd + "," + rate + "," + yld + ",100," + fb + ")");
        near(yld, eval("=ODDLYIELD(" + sm + "," + pcd + "," + rate + "," + oddLast + ",100," + fb + ")"),
            "ODDLYIELD(ODDLPRICE) " + ctx);
      }
      double disc = yld / 4;
      double pd = eval("=PRICEDISC(" + sm + "," + disc + ",100," + basis + ")");
      if (pd > 0) {
        near(disc, eval("=DISC(" + sm + "," + pd + ",100," + basis + ")"), "DISC(PRICEDISC) " + ctx);
        near(eval("=YIELDDISC(" + sm + "," + pd + ",100," + basis + ")"),
            eval("=INTRATE(" + sm + "," + pd + ",100," + basis + ")"), "YIELDDISC = INTRATE " + ctx);
      }
      int issue = settle - rnd.nextInt(0, 400);
      double pm = eval("=PRICEMAT(" + sm + "," + issue + "," + rate + "," + yld + "," + basis + ")");
      near(yld, eval("=YIELDMAT(" + sm + "," + issue + "," + rate + "," + pm + "," + basis + ")"),
          "YIELDMAT(PRICEMAT) " + ctx);
    }
  }

  /** COUPNCD keeps maturity's day (or month end) where EDATE clamps from the previous date's day. */
  private double endOfMonthShift(double pcd, double ncd, int f) {
    return ncd - eval("=EDATE(" + pcd + "," + 12 / f + ")");
  }

  @Test
  void treasuryBillsInvertEachOther() {
    for (int days = 1; days <= 365; days += 17) {
      String sm = "39538," + (39538 + days);
      double p = eval("=TBILLPRICE(" + sm + ",0.0914)");
      near(p, 100 / (1 + eval("=TBILLYIELD(" + sm + "," + p + ")") * days / 360), "TBILLYIELD(TBILLPRICE) " + days);
      assertTrue(eval("=TBILLEQ(" + sm + ",0.0914)") > 0.0914, "bond-equivalent yield above the discount " + days);
    }
  }
}

package xlspark.functions.financial;

import static xlspark.functions.ArgKind.NUMBER;

import java.util.List;
import xlspark.functions.FunctionSpec;
import xlspark.functions.financial.CouponFunctions.Measure;

/**
 * Excel's 28 securities functions (financial category): coupon schedules, bond price, yield and duration,
 * accrued interest, discounted and at-maturity securities, Treasury bills, odd coupon periods and French
 * depreciation. Every day-count basis 0..4 is accepted (basis 2 not by AMORLINC/AMORDEGRC, as in Excel).
 */
public final class SecuritiesFunctions {
  private SecuritiesFunctions() {
  }

  public static List<FunctionSpec> specs() {
    return List.of(
        coupon("COUPDAYBS", Measure.DAYS_BEFORE),
        coupon("COUPDAYS", Measure.PERIOD_DAYS),
        coupon("COUPDAYSNC", Measure.DAYS_AFTER),
        coupon("COUPNCD", Measure.NEXT_DATE),
        coupon("COUPNUM", Measure.COUNT),
        coupon("COUPPCD", Measure.PREVIOUS_DATE),
        numbers("PRICE", 6, 7, Bonds::priceFunction).build(),
        numbers("YIELD", 6, 7, Bonds::yieldFunction).build(),
        numbers("DURATION", 5, 6, a -> Bonds.duration(a, false)).build(),
        numbers("MDURATION", 5, 6, a -> Bonds.duration(a, true)).build(),
        numbers("ACCRINT", 6, 7, Bonds::accrint).skippableArg(NUMBER, 1).build(),
        numbers("ACCRINTM", 4, 5, Bonds::accrintm).build(),
        numbers("DISC", 4, 5, a -> DiscountSecurities.discounted(a, DiscountSecurities::disc)).build(),
        numbers("PRICEDISC", 4, 5, a -> DiscountSecurities.discounted(a, DiscountSecurities::priceDisc)).build(),
        numbers("YIELDDISC", 4, 5, a -> DiscountSecurities.discounted(a, DiscountSecurities::yieldDisc)).build(),
        numbers("INTRATE", 4, 5, a -> DiscountSecurities.discounted(a, DiscountSecurities::intRate)).build(),
        numbers("RECEIVED", 4, 5, a -> DiscountSecurities.discounted(a, DiscountSecurities::received)).build(),
        numbers("PRICEMAT", 5, 6, a -> DiscountSecurities.atMaturity(a, false)).build(),
        numbers("YIELDMAT", 5, 6, a -> DiscountSecurities.atMaturity(a, true)).build(),
        numbers("TBILLPRICE", 3, 3, a -> DiscountSecurities.tbill(a, DiscountSecurities::tbillPrice)).build(),
        numbers("TBILLYIELD", 3, 3, a -> DiscountSecurities.tbill(a, DiscountSecurities::tbillYield)).build(),
        numbers("TBILLEQ", 3, 3, a -> DiscountSecurities.tbill(a, DiscountSecurities::tbillEq)).build(),
        numbers("ODDFPRICE", 8, 9, a -> OddCoupons.firstPrice(a, false)).build(),
        numbers("ODDFYIELD", 8, 9, a -> OddCoupons.firstPrice(a, true)).build(),
        numbers("ODDLPRICE", 7, 8, a -> OddCoupons.last(a, false)).build(),
        numbers("ODDLYIELD", 7, 8, a -> OddCoupons.last(a, true)).build(),
        numbers("AMORLINC", 6, 7, Amortization::linear).build(),
        numbers("AMORDEGRC", 6, 7, Amortization::declining).build());
  }

  private static FunctionSpec coupon(String name, Measure m) {
    return numbers(name, 3, 4, a -> CouponFunctions.coupon(a, m)).build();
  }

  /** A function of {@code required} numbers, then (up to {@code max} arguments) the day-count basis, default 0. */
  private static FunctionSpec.Builder numbers(String name, int required, int max, FunctionSpec.Body body) {
    FunctionSpec.Builder b = FunctionSpec.builder(name, body);
    for (int i = 0; i < required; i++) {
      b.arg(NUMBER);
    }
    for (int i = required; i < max; i++) {
      b.optionalArg(NUMBER, 0);
    }
    return b;
  }
}

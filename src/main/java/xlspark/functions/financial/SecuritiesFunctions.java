package xlspark.functions.financial;

import static xlspark.functions.ArgKind.NUMBER;

import java.util.List;
import xlspark.functions.FunctionSpec;
import xlspark.functions.Param;
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
        numbers("PRICE", Bonds.Bond.values(), 6, Bonds::priceFunction).build(),
        numbers("YIELD", Bonds.Bond.values(), 6, Bonds::yieldFunction).build(),
        numbers("DURATION", Bonds.Duration.values(), 5, a -> Bonds.duration(a, false)).build(),
        numbers("MDURATION", Bonds.Duration.values(), 5, a -> Bonds.duration(a, true)).build(),
        numbers("ACCRINT", Bonds.Accrint.values(), 6, Bonds::accrint).build(),
        numbers("ACCRINTM", Bonds.Accrintm.values(), 4, Bonds::accrintm).build(),
        numbers("DISC", DiscountSecurities.Discounted.values(), 4, a -> DiscountSecurities.discounted(a, DiscountSecurities::disc)).build(),
        numbers("PRICEDISC", DiscountSecurities.Discounted.values(), 4, a -> DiscountSecurities.discounted(a, DiscountSecurities::priceDisc)).build(),
        numbers("YIELDDISC", DiscountSecurities.Discounted.values(), 4, a -> DiscountSecurities.discounted(a, DiscountSecurities::yieldDisc)).build(),
        numbers("INTRATE", DiscountSecurities.Discounted.values(), 4, a -> DiscountSecurities.discounted(a, DiscountSecurities::intRate)).build(),
        numbers("RECEIVED", DiscountSecurities.Discounted.values(), 4, a -> DiscountSecurities.discounted(a, DiscountSecurities::received)).build(),
        numbers("PRICEMAT", DiscountSecurities.AtMaturity.values(), 5, a -> DiscountSecurities.atMaturity(a, false)).build(),
        numbers("YIELDMAT", DiscountSecurities.AtMaturity.values(), 5, a -> DiscountSecurities.atMaturity(a, true)).build(),
        numbers("TBILLPRICE", DiscountSecurities.TBill.values(), 3, a -> DiscountSecurities.tbill(a, DiscountSecurities::tbillPrice)).build(),
        numbers("TBILLYIELD", DiscountSecurities.TBill.values(), 3, a -> DiscountSecurities.tbill(a, DiscountSecurities::tbillYield)).build(),
        numbers("TBILLEQ", DiscountSecurities.TBill.values(), 3, a -> DiscountSecurities.tbill(a, DiscountSecurities::tbillEq)).build(),
        numbers("ODDFPRICE", OddCoupons.OddFirst.values(), 8, a -> OddCoupons.firstPrice(a, false)).build(),
        numbers("ODDFYIELD", OddCoupons.OddFirst.values(), 8, a -> OddCoupons.firstPrice(a, true)).build(),
        numbers("ODDLPRICE", OddCoupons.OddLast.values(), 7, a -> OddCoupons.last(a, false)).build(),
        numbers("ODDLYIELD", OddCoupons.OddLast.values(), 7, a -> OddCoupons.last(a, true)).build(),
        numbers("AMORLINC", Amortization.Amor.values(), 6, Amortization::linear).build(),
        numbers("AMORDEGRC", Amortization.Amor.values(), 6, Amortization::declining).build());
  }

  private static FunctionSpec coupon(String name, Measure m) {
    return numbers(name, CouponFunctions.Coupon.values(), 3, a -> CouponFunctions.coupon(a, m)).build();
  }

  /**
   * A function of numbers named by {@code params} (in order), the first {@code required} of them required; then
   * the day-count basis, default 0, and ACCRINT's calc_method, default TRUE also when written empty.
   */
  private static FunctionSpec.Builder numbers(String name, Param[] params, int required, FunctionSpec.Body body) {
    FunctionSpec.Builder b = FunctionSpec.builder(name, body);
    for (Param p : params) {
      if (p.ordinal() < required) {
        b.arg(p, NUMBER);
      } else if (p == Bonds.Accrint.CALC_METHOD) {
        b.skippableArg(p, NUMBER, 1);
      } else {
        b.optionalArg(p, NUMBER, 0);
      }
    }
    return b;
  }
}

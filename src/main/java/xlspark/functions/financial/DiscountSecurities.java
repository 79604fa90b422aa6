package xlspark.functions.financial;

import static xlspark.functions.financial.SecurityTerms.basis;
import static xlspark.functions.financial.SecurityTerms.date;
import static xlspark.functions.financial.SecurityTerms.num;
import static xlspark.functions.financial.SecurityTerms.ordered;

import xlspark.functions.Args;
import xlspark.functions.Param;
import xlspark.functions.date.DayCounts;
import xlspark.value.Coerce;
import xlspark.value.DateSystem;
import xlspark.value.Value;

/**
 * Securities without coupons before maturity: discounted ones (DISC, PRICEDISC, YIELDDISC, INTRATE, RECEIVED),
 * those paying interest at maturity (PRICEMAT, YIELDMAT) and Treasury bills (TBILLEQ, TBILLPRICE, TBILLYIELD).
 * Day counts over the year are YEARFRAC's under the basis; Treasury bills count actual days over 360.
 */
final class DiscountSecurities {
  private DiscountSecurities() {
  }

  /** The shared shape (settlement, maturity, x, y, [basis]) with x, y > 0; the body gets the year fraction. */
  interface Formula {
    double apply(double x, double y, double years);
  }

  /** DISC, PRICEDISC, YIELDDISC, INTRATE, RECEIVED(settlement, maturity, x, y, [basis]): x and y as named below. */
  enum Discounted implements Param { SETTLEMENT, MATURITY, X, Y, BASIS }

  static Value discounted(Args a, Formula formula) {
    return discounted(a, formula, "needs settlement < maturity, positive amounts and a basis 0 to 4");
  }

  /**
   * The shape (date0, date1, x, y, [basis]) with date0 before date1 and x, y > 0, else #NUM! saying {@code why};
   * {@code formula} gets x, y and the year fraction from date0 to date1. ACCRINTM (issue, settlement, rate, par,
   * [basis]) has it too.
   */
  static Value discounted(Args a, Formula formula, String why) {
    DateSystem dates = a.ctx().dates();
    double s = date(a, Discounted.SETTLEMENT);
    double m = date(a, Discounted.MATURITY);
    double x = a.number(Discounted.X);
    double y = a.number(Discounted.Y);
    int b = basis(a, Discounted.BASIS);
    if (!ordered(s, m) || b < 0 || x <= 0 || y <= 0) {
      return num(why);
    }
    return Coerce.number(formula.apply(x, y, DayCounts.yearFraction(dates, s, m, b)));
  }

  /** DISC(settlement, maturity, pr, redemption): the discount rate. */
  static double disc(double pr, double redemption, double years) {
    return (redemption - pr) / redemption / years;
  }

  /** PRICEDISC(settlement, maturity, discount, redemption). */
  static double priceDisc(double discount, double redemption, double years) {
    return redemption * (1 - discount * years);
  }

  /** YIELDDISC(settlement, maturity, pr, redemption). */
  static double yieldDisc(double pr, double redemption, double years) {
    return (redemption / pr - 1) / years;
  }

  /** INTRATE(settlement, maturity, investment, redemption). */
  static double intRate(double investment, double redemption, double years) {
    return (redemption / investment - 1) / years;
  }

  /** RECEIVED(settlement, maturity, investment, discount): NaN (#NUM!) when the discount eats the whole amount. */
  static double received(double investment, double discount, double years) {
    double d = 1 - discount * years;
    return d <= 0 ? Double.NaN : investment / d;
  }

  /**
   * PRICEMAT(settlement, maturity, issue, rate, yld, [basis]) and YIELDMAT(settlement, maturity, issue, rate, pr,
   * [basis]): interest accrues from issue and is paid with the principal at maturity.
   */
  enum AtMaturity implements Param { SETTLEMENT, MATURITY, ISSUE, RATE, YLD_OR_PR, BASIS }

  static Value atMaturity(Args a, boolean yield) {
    DateSystem dates = a.ctx().dates();
    double s = date(a, AtMaturity.SETTLEMENT);
    double m = date(a, AtMaturity.MATURITY);
    double issue = date(a, AtMaturity.ISSUE);
    double rate = a.number(AtMaturity.RATE);
    double x = a.number(AtMaturity.YLD_OR_PR);
    int b = basis(a, AtMaturity.BASIS);
    if (!ordered(s, m) || Double.isNaN(issue) || b < 0 || rate < 0 || (yield ? x <= 0 : x < 0)) {
      return num("needs settlement < maturity, a valid issue date, rate >= 0, a valid basis and "
          + (yield ? "pr > 0" : "yld >= 0"));
    }
    double dim = DayCounts.yearFraction(dates, issue, m, b);
    double a0 = DayCounts.yearFraction(dates, issue, s, b);
    double dsm = DayCounts.yearFraction(dates, s, m, b);
    if (yield) {
      double paid = x / 100 + a0 * rate;
      return Coerce.number((1 + dim * rate - paid) / paid / dsm);
    }
    return Coerce.number((100 + dim * rate * 100) / (1 + dsm * x) - a0 * rate * 100);
  }

  /** TBILLPRICE, TBILLYIELD, TBILLEQ(settlement, maturity, discount or pr). */
  enum TBill implements Param { SETTLEMENT, MATURITY, DISCOUNT_OR_PR }

  /** The T-bill functions: maturity at most one year after settlement; x > 0. */
  static Value tbill(Args a, Formula formula) {
    DateSystem dates = a.ctx().dates();
    double s = date(a, TBill.SETTLEMENT);
    double m = date(a, TBill.MATURITY);
    double x = a.number(TBill.DISCOUNT_OR_PR);
    if (!ordered(s, m) || x <= 0 || m > oneYearAfter(dates, s)) {
      return num("needs settlement < maturity <= settlement + 1 year and a positive rate or price");
    }
    return Coerce.number(formula.apply(x, 0, m - s));
  }

  private static double oneYearAfter(DateSystem dates, double s) {
    int[] ymd = dates.ymd(s);
    double d = dates.of(ymd[0] + 1, ymd[1], ymd[2]);
    return Double.isNaN(d) ? Double.MAX_VALUE : d;
  }

  /** TBILLPRICE: 100 (1 - discount DSM / 360); NaN (#NUM!) when that is not positive. */
  static double tbillPrice(double discount, double unused, double dsm) {
    double p = 100 * (1 - discount * dsm / 360);
    return p <= 0 ? Double.NaN : p;
  }

  /** TBILLYIELD: (100 - pr) / pr * 360 / DSM. */
  static double tbillYield(double pr, double unused, double dsm) {
    return (100 - pr) / pr * 360 / dsm;
  }

  /**
   * TBILLEQ: the bond-equivalent yield, 365 r / (360 - r DSM) up to half a year; beyond it the yield of a bond
   * with one coupon half-way, the root of a quadratic (Excel's formula).
   */
  static double tbillEq(double discount, double unused, double dsm) {
    if (dsm <= 182) {
      return 365 * discount / (360 - discount * dsm);
    }
    double price = 100 * (1 - discount * dsm / 360);
    if (price <= 0) {
      return Double.NaN;
    }
    double t = dsm / 365;
    return (-t + Math.sqrt(t * t - (2 * t - 1) * (1 - 100 / price))) / (t - 0.5);
  }
}

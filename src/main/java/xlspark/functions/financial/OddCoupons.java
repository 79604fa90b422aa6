package xlspark.functions.financial;

import static xlspark.functions.financial.SecurityTerms.basis;
import static xlspark.functions.financial.SecurityTerms.date;
import static xlspark.functions.financial.SecurityTerms.frequency;
import static xlspark.functions.financial.SecurityTerms.num;

import xlspark.functions.Args;
import xlspark.functions.Param;
import xlspark.functions.RootFinder;
import xlspark.value.Coerce;
import xlspark.value.DateSystem;
import xlspark.value.Value;

/**
 * Bonds with an odd (short or long) first or last coupon period: ODDFPRICE, ODDFYIELD, ODDLPRICE, ODDLYIELD, with
 * Excel's formulas over quasi-coupon periods (the regular periods the odd one spans, each counted as the share of
 * its normal length that falls in the odd period). ODDFYIELD solves ODDFPRICE for the yield.
 */
final class OddCoupons {
  private OddCoupons() {
  }

  /** The odd-first-period terms: coupon shares, accrued share, and where settlement sits on the schedule. */
  private record FirstTerms(double couponShare, double accruedShare, double toNext, int wholePeriods, int after) {
  }

  /** ODDFPRICE(settlement, maturity, issue, first_coupon, rate, yld, redemption, frequency, [basis]); ODDFYIELD: pr. */
  enum OddFirst implements Param {
    SETTLEMENT, MATURITY, ISSUE, FIRST_COUPON, RATE, YLD_OR_PR, REDEMPTION, FREQUENCY, BASIS
  }

  /** ODDLPRICE(settlement, maturity, last_interest, rate, yld, redemption, frequency, [basis]); ODDLYIELD: pr. */
  enum OddLast implements Param { SETTLEMENT, MATURITY, LAST_INTEREST, RATE, YLD_OR_PR, REDEMPTION, FREQUENCY, BASIS }

  static Value firstPrice(Args a, boolean yield) {
    DateSystem dates = a.ctx().dates();
    double s = date(a, OddFirst.SETTLEMENT);
    double m = date(a, OddFirst.MATURITY);
    double issue = date(a, OddFirst.ISSUE);
    double first = date(a, OddFirst.FIRST_COUPON);
    double rate = a.number(OddFirst.RATE);
    double x = a.number(OddFirst.YLD_OR_PR);
    double redemption = a.number(OddFirst.REDEMPTION);
    int f = frequency(a, OddFirst.FREQUENCY);
    int b = basis(a, OddFirst.BASIS);
    if (Double.isNaN(s) || Double.isNaN(m) || Double.isNaN(issue) || Double.isNaN(first)
        || !(issue < s && s < first && first < m) || f < 0 || b < 0 || rate < 0 || redemption <= 0
        || (yield ? x <= 0 : x < 0)) {
      return num("needs issue < settlement < first_coupon < maturity, rate >= 0, redemption > 0, "
          + (yield ? "pr > 0" : "yld >= 0") + ", a valid frequency and basis");
    }
    CouponDate next = Coupons.next(dates, s, first, f, b);
    CouponDate nextStart = next.copy().addMonths(-12 / f);
    double length = b == 1 ? CouponDate.days(nextStart, next) : Coupons.yearDays(b) / f;
    FirstTerms t = new FirstTerms(
        Bonds.accruedPeriods(dates, issue, first, first, f, b),
        Bonds.accruedPeriods(dates, issue, s, first, f, b),
        CouponDate.days(CouponDate.of(dates, s, b), next) / length,
        months(next, CouponDate.of(dates, first, b)) * f / 12,
        Coupons.count(dates, first, m, f, b));
    if (!yield) {
      return Coerce.number(firstPrice(t, rate, x, redemption, f));
    }
    double y = RootFinder.rate(r -> firstPrice(t, rate, r, redemption, f) - x,
        r -> (firstPrice(t, rate, r + 1e-7, redemption, f) - firstPrice(t, rate, r - 1e-7, redemption, f)) / 2e-7,
        rate, a.ctx());
    return Double.isNaN(y) ? num("ODDFYIELD did not converge") : Coerce.number(y);
  }

  private static int months(CouponDate from, CouponDate to) {
    return (to.year() - from.year()) * 12 + to.month() - from.month();
  }

  /**
   * Redemption and the coupons after the first discounted from their dates, the odd first coupon (its share of
   * the quasi-periods) from the first coupon date, less the interest accrued from issue to settlement.
   */
  private static double firstPrice(FirstTerms t, double rate, double yld, double redemption, int f) {
    double coupon = 100 * rate / f;
    double base = 1 + yld / f;
    double toFirst = t.wholePeriods() + t.toNext();
    double p = redemption / Math.pow(base, t.after() + toFirst)
        + coupon * t.couponShare() / Math.pow(base, toFirst)
        - coupon * t.accruedShare();
    for (int k = 1; k <= t.after(); k++) {
      p += coupon / Math.pow(base, k + toFirst);
    }
    return p;
  }

  /**
   * ODDLPRICE(settlement, maturity, last_interest, rate, yld, redemption, frequency, [basis]) and
   * ODDLYIELD(..., pr, ...): the last coupon, its share of the quasi-periods from last_interest to maturity, is
   * paid with the redemption; simple interest over the settlement..maturity shares discounts it.
   */
  static Value last(Args a, boolean yield) {
    DateSystem dates = a.ctx().dates();
    double s = date(a, OddLast.SETTLEMENT);
    double m = date(a, OddLast.MATURITY);
    double last = date(a, OddLast.LAST_INTEREST);
    double rate = a.number(OddLast.RATE);
    double x = a.number(OddLast.YLD_OR_PR);
    double redemption = a.number(OddLast.REDEMPTION);
    int f = frequency(a, OddLast.FREQUENCY);
    int b = basis(a, OddLast.BASIS);
    if (Double.isNaN(s) || Double.isNaN(m) || Double.isNaN(last) || !(last < s && s < m) || f < 0 || b < 0
        || rate < 0 || redemption <= 0 || (yield ? x <= 0 : x < 0)) {
      return num("needs last_interest < settlement < maturity, rate >= 0, redemption > 0, "
          + (yield ? "pr > 0" : "yld >= 0") + ", a valid frequency and basis");
    }
    double coupon = 100 * rate / f;
    double paid = Bonds.accruedPeriods(dates, last, m, last, f, b) * coupon;
    double accrued = Bonds.accruedPeriods(dates, last, s, last, f, b) * coupon;
    double remaining = Bonds.accruedPeriods(dates, s, m, last, f, b);
    if (yield) {
      return Coerce.number((redemption + paid - (x + accrued)) / (x + accrued) * f / remaining);
    }
    return Coerce.number((redemption + paid) / (1 + remaining * x / f) - accrued);
  }
}

package xlspark.functions.financial;

import static xlspark.functions.financial.SecurityTerms.basis;
import static xlspark.functions.financial.SecurityTerms.date;
import static xlspark.functions.financial.SecurityTerms.frequency;
import static xlspark.functions.financial.SecurityTerms.num;
import static xlspark.functions.financial.SecurityTerms.ordered;

import xlspark.functions.Args;
import xlspark.functions.Param;
import xlspark.functions.RootFinder;
import xlspark.value.Coerce;
import xlspark.value.DateSystem;
import xlspark.value.Value;

/**
 * Bonds with regular coupons: PRICE, YIELD, DURATION, MDURATION, and the accrued interest ACCRINT, ACCRINTM.
 * Prices are per 100 of face value; rates and yields are annual, paid {@code frequency} times a year.
 */
final class Bonds {
  private Bonds() {
  }

  /** The schedule terms of a bond: E, DSC/E, A/E and N for settlement..maturity. */
  private record Terms(double e, double dscOverE, double aOverE, int n) {
    static Terms of(DateSystem dates, double s, double m, int f, int b) {
      double e = Coupons.periodDays(dates, s, m, f, b);
      return new Terms(e, Coupons.daysAfter(dates, s, m, f, b) / e, Coupons.daysBefore(dates, s, m, f, b) / e,
          Coupons.count(dates, s, m, f, b));
    }
  }

  /**
   * PRICE: redemption discounted over N - 1 + DSC/E periods, plus each coupon discounted to settlement, less
   * the interest accrued since the last coupon; with one coupon left, simple interest over (E - A)/E of a
   * period instead (Excel's two formulas).
   */
  private static double price(Terms t, double rate, double yld, double redemption, int f) {
    double coupon = 100 * rate / f;
    if (t.n() == 1) {
      return (coupon + redemption) / (yld / f * (1 - t.aOverE()) + 1) - coupon * t.aOverE();
    }
    double base = 1 + yld / f;
    double p = redemption / Math.pow(base, t.n() - 1 + t.dscOverE()) - coupon * t.aOverE();
    for (int k = 0; k < t.n(); k++) {
      p += coupon / Math.pow(base, k + t.dscOverE());
    }
    return p;
  }

  /** d PRICE / d yld, for Newton's method in YIELD. */
  private static double priceSlope(Terms t, double rate, double yld, double redemption, int f) {
    double coupon = 100 * rate / f;
    double base = 1 + yld / f;
    double x = t.n() - 1 + t.dscOverE();
    double d = -x * redemption / Math.pow(base, x + 1) / f;
    for (int k = 0; k < t.n(); k++) {
      double e = k + t.dscOverE();
      d -= e * coupon / Math.pow(base, e + 1) / f;
    }
    return d;
  }

  /** PRICE(settlement, maturity, rate, yld, redemption, frequency, [basis]); YIELD has pr where PRICE has yld. */
  enum Bond implements Param { SETTLEMENT, MATURITY, RATE, YLD_OR_PR, REDEMPTION, FREQUENCY, BASIS }

  /** The arguments PRICE and YIELD share, read once; {@code x} is PRICE's yld or YIELD's pr. */
  private record BondArgs(double s, double m, double rate, double x, double redemption, int f, int b) {
    static BondArgs of(Args a) {
      return new BondArgs(date(a, Bond.SETTLEMENT), date(a, Bond.MATURITY), a.number(Bond.RATE),
          a.number(Bond.YLD_OR_PR), a.number(Bond.REDEMPTION), frequency(a, Bond.FREQUENCY), basis(a, Bond.BASIS));
    }

    /** Excel's checks but the one on x. */
    boolean valid() {
      return ordered(s, m) && f > 0 && b >= 0 && rate >= 0 && redemption > 0;
    }

    Terms terms(DateSystem dates) {
      return Terms.of(dates, s, m, f, b);
    }
  }

  static Value priceFunction(Args a) {
    BondArgs p = BondArgs.of(a);
    if (!p.valid() || p.x() < 0) {
      return num("PRICE needs settlement < maturity, rate >= 0, yld >= 0, redemption > 0, a valid frequency and basis");
    }
    return Coerce.number(price(p.terms(a.ctx().dates()), p.rate(), p.x(), p.redemption(), p.f()));
  }

  /**
   * YIELD: with one coupon period or less left, Excel's closed form (simple interest over DSR/E periods);
   * otherwise the yield at which PRICE gives {@code pr}, by Newton's method.
   */
  static Value yieldFunction(Args a) {
    BondArgs p = BondArgs.of(a);
    if (!p.valid() || p.x() <= 0) {
      return num("YIELD needs settlement < maturity, rate >= 0, pr > 0, redemption > 0, a valid frequency and basis");
    }
    Terms t = p.terms(a.ctx().dates());
    double rate = p.rate();
    double pr = p.x();
    double redemption = p.redemption();
    int f = p.f();
    if (t.n() <= 1) {
      double paid = pr / 100 + t.aOverE() * rate / f;
      double received = redemption / 100 + rate / f;
      return Coerce.number((received - paid) / paid * f / t.dscOverE());
    }
    double y = RootFinder.rate(r -> price(t, rate, r, redemption, f) - pr,
        r -> priceSlope(t, rate, r, redemption, f), rate, a.ctx());
    return Double.isNaN(y) ? num("YIELD did not converge") : Coerce.number(y);
  }

  /**
   * DURATION (Macaulay) and MDURATION: the present-value-weighted mean time of the cash flows, in years, the
   * k-th flow DSC/E + k - 1 coupon periods after settlement as in PRICE.
   */
  /** DURATION and MDURATION(settlement, maturity, coupon, yld, frequency, [basis]). */
  enum Duration implements Param { SETTLEMENT, MATURITY, COUPON, YLD, FREQUENCY, BASIS }

  static Value duration(Args a, boolean modified) {
    DateSystem dates = a.ctx().dates();
    double s = date(a, Duration.SETTLEMENT);
    double m = date(a, Duration.MATURITY);
    double coupon = a.number(Duration.COUPON);
    double yld = a.number(Duration.YLD);
    int f = frequency(a, Duration.FREQUENCY);
    int b = basis(a, Duration.BASIS);
    if (!ordered(s, m) || f < 0 || b < 0 || coupon < 0 || yld < 0) {
      return num("DURATION needs settlement < maturity, coupon >= 0, yld >= 0, a valid frequency and basis");
    }
    int n = Coupons.count(dates, s, m, f, b);
    double shift = Coupons.daysAfter(dates, s, m, f, b) / Coupons.periodDays(dates, s, m, f, b) - 1;
    double cash = coupon * 100 / f;
    double base = 1 + yld / f;
    double weighted = 0;
    double value = 0;
    for (int t = 1; t <= n; t++) {
      double flow = t == n ? cash + 100 : cash;
      double pv = flow / Math.pow(base, t + shift);
      weighted += (t + shift) * pv;
      value += pv;
    }
    double d = weighted / value / f;
    return Coerce.number(modified ? d / base : d);
  }

  /**
   * ACCRINT(issue, first_interest, settlement, rate, par, frequency, [basis], [calc_method]): par * rate / f
   * times the accrued share of each quasi-coupon period (on the schedule of first_interest) from issue, or
   * with calc_method FALSE and settlement after first_interest from the last coupon, to settlement.
   */
  enum Accrint implements Param { ISSUE, FIRST_INTEREST, SETTLEMENT, RATE, PAR, FREQUENCY, BASIS, CALC_METHOD }

  static Value accrint(Args a) {
    DateSystem dates = a.ctx().dates();
    double issue = date(a, Accrint.ISSUE);
    double first = date(a, Accrint.FIRST_INTEREST);
    double s = date(a, Accrint.SETTLEMENT);
    double rate = a.number(Accrint.RATE);
    double par = a.number(Accrint.PAR);
    int f = frequency(a, Accrint.FREQUENCY);
    int b = basis(a, Accrint.BASIS);
    boolean fromIssue = a.number(Accrint.CALC_METHOD) != 0;
    if (!ordered(issue, s) || Double.isNaN(first) || f < 0 || b < 0 || rate <= 0 || par <= 0) {
      return num("ACCRINT needs issue < settlement, rate > 0, par > 0, a valid frequency and basis");
    }
    double start = !fromIssue && s > first ? Coupons.previous(dates, s, first, f, b).serial() : issue;
    return Coerce.number(par * rate / f * accruedPeriods(dates, start, s, first, f, b));
  }

  /**
   * The sum over the quasi-coupon periods (on the schedule of {@code anchor}) that overlap start..end of the
   * days of the overlap over the period's length.
   */
  static double accruedPeriods(DateSystem dates, double start, double end, double anchor, int f, int b) {
    CouponDate from = CouponDate.of(dates, start, b);
    CouponDate to = CouponDate.of(dates, end, b);
    CouponDate q = Coupons.previous(dates, start, anchor, f, b);
    double sum = 0;
    while (q.before(to) && !q.outOfRange()) {
      CouponDate qEnd = q.copy().addMonths(12 / f);
      CouponDate lo = q.before(from) ? from : q;
      CouponDate hi = qEnd.after(to) ? to : qEnd;
      if (lo.before(hi)) {
        double length = b == 1 ? CouponDate.days(q, qEnd) : Coupons.yearDays(b) / f;
        sum += CouponDate.days(lo, hi) / length;
      }
      q = qEnd;
    }
    return sum;
  }

  /** ACCRINTM(issue, settlement, rate, par, [basis]): interest of a security paying at maturity. */
  enum Accrintm implements Param { ISSUE, SETTLEMENT, RATE, PAR, BASIS }

  static Value accrintm(Args a) {
    return DiscountSecurities.discounted(a, (rate, par, years) -> par * rate * years,
        "ACCRINTM needs issue < settlement, rate > 0, par > 0 and a valid basis");
  }

}

package xlspark.functions.financial;

import static xlspark.functions.financial.SecurityTerms.basis;
import static xlspark.functions.financial.SecurityTerms.date;
import static xlspark.functions.financial.SecurityTerms.frequency;
import static xlspark.functions.financial.SecurityTerms.num;
import static xlspark.functions.financial.SecurityTerms.ordered;

import xlspark.functions.Args;
import xlspark.functions.Param;
import xlspark.value.Coerce;
import xlspark.value.DateSystem;
import xlspark.value.Value;

/**
 * COUPDAYBS, COUPDAYS, COUPDAYSNC, COUPNCD, COUPNUM, COUPPCD(settlement, maturity, frequency, [basis]): the
 * coupon period that holds settlement ({@link Coupons}). Settlement on or after maturity, an invalid date,
 * frequency or basis are #NUM!.
 */
final class CouponFunctions {
  /** One of the six coupon measures. */
  enum Measure { DAYS_BEFORE, PERIOD_DAYS, DAYS_AFTER, NEXT_DATE, COUNT, PREVIOUS_DATE }

  private CouponFunctions() {
  }

  /** COUPDAYBS .. COUPPCD(settlement, maturity, frequency, [basis]). */
  enum Coupon implements Param { SETTLEMENT, MATURITY, FREQUENCY, BASIS }

  static Value coupon(Args a, Measure m) {
    DateSystem dates = a.ctx().dates();
    double s = date(a, Coupon.SETTLEMENT);
    double mat = date(a, Coupon.MATURITY);
    int f = frequency(a, Coupon.FREQUENCY);
    int b = basis(a, Coupon.BASIS);
    if (!ordered(s, mat) || f < 0 || b < 0) {
      return num("settlement must be before maturity; frequency 1, 2 or 4; basis 0 to 4");
    }
    return Coerce.number(switch (m) {
      case DAYS_BEFORE -> Coupons.daysBefore(dates, s, mat, f, b);
      case PERIOD_DAYS -> Coupons.periodDays(dates, s, mat, f, b);
      case DAYS_AFTER -> Coupons.daysAfter(dates, s, mat, f, b);
      case NEXT_DATE -> Coupons.next(dates, s, mat, f, b).serial();
      case COUNT -> Coupons.count(dates, s, mat, f, b);
      case PREVIOUS_DATE -> Coupons.previous(dates, s, mat, f, b).serial();
    });
  }
}

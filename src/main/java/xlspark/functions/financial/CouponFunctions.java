package xlspark.functions.financial;

import static xlspark.functions.financial.SecurityTerms.basis;
import static xlspark.functions.financial.SecurityTerms.date;
import static xlspark.functions.financial.SecurityTerms.frequency;
import static xlspark.functions.financial.SecurityTerms.num;
import static xlspark.functions.financial.SecurityTerms.ordered;

import xlspark.functions.Args;
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

  static Value coupon(Args a, Measure m) {
    DateSystem dates = a.ctx().dates();
    double s = date(a, 0);
    double mat = date(a, 1);
    int f = frequency(a, 2);
    int b = basis(a, 3);
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

package xlspark.functions.financial;

import xlspark.value.DateSystem;

/**
 * The coupon schedule of a bond between settlement and maturity, stepped back from maturity by 12/frequency
 * months ({@link CouponDate}), and the day counts the bond functions share: A (coupon start to settlement), E
 * (days in the coupon period), DSC (settlement to next coupon) and N (coupons left).
 */
final class Coupons {
  private Coupons() {
  }

  /** The last coupon date on or before settlement (COUPPCD). */
  static CouponDate previous(DateSystem dates, double settlement, double maturity, int frequency, int basis) {
    CouponDate settle = CouponDate.of(dates, settlement, basis);
    CouponDate d = CouponDate.of(dates, maturity, basis).setYear(settle.year());
    if (d.before(settle)) {
      d.addYears(1);
    }
    while (d.after(settle)) {
      d.addMonths(-12 / frequency);
    }
    return d;
  }

  /** The first coupon date after settlement (COUPNCD). */
  static CouponDate next(DateSystem dates, double settlement, double maturity, int frequency, int basis) {
    CouponDate settle = CouponDate.of(dates, settlement, basis);
    CouponDate d = CouponDate.of(dates, maturity, basis).setYear(settle.year());
    if (d.after(settle)) {
      d.addYears(-1);
    }
    while (!d.after(settle)) {
      d.addMonths(12 / frequency);
    }
    return d;
  }

  /** COUPNUM: coupons payable from settlement to maturity. */
  static int count(DateSystem dates, double settlement, double maturity, int frequency, int basis) {
    CouponDate pcd = previous(dates, settlement, maturity, frequency, basis);
    CouponDate mat = CouponDate.of(dates, maturity, basis);
    int months = (mat.year() - pcd.year()) * 12 + mat.month() - pcd.month();
    return months * frequency / 12;
  }

  /** COUPDAYBS: days from the coupon period's start to settlement. */
  static double daysBefore(DateSystem dates, double settlement, double maturity, int frequency, int basis) {
    return CouponDate.days(previous(dates, settlement, maturity, frequency, basis), CouponDate.of(dates, settlement, basis));
  }

  /** COUPDAYS: days in the coupon period of settlement; actual under basis 1, else 360 (365) / frequency. */
  static double periodDays(DateSystem dates, double settlement, double maturity, int frequency, int basis) {
    if (basis == 1) {
      CouponDate pcd = previous(dates, settlement, maturity, frequency, basis);
      return CouponDate.days(pcd, pcd.copy().addMonths(12 / frequency));
    }
    return yearDays(basis) / frequency;
  }

  /** COUPDAYSNC: days from settlement to the next coupon; under 30/360 bases, E - A. */
  static double daysAfter(DateSystem dates, double settlement, double maturity, int frequency, int basis) {
    if (basis != 0 && basis != 4) {
      return CouponDate.days(CouponDate.of(dates, settlement, basis),
          next(dates, settlement, maturity, frequency, basis));
    }
    return periodDays(dates, settlement, maturity, frequency, basis)
        - daysBefore(dates, settlement, maturity, frequency, basis);
  }

  /** The nominal year of bases 0, 2, 4 (360) and 3 (365); basis 1 periods are measured, not derived. */
  static double yearDays(int basis) {
    return basis == 3 ? 365 : 360;
  }
}

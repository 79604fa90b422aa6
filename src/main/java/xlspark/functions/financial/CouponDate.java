package xlspark.functions.financial;

import java.time.YearMonth;
import xlspark.value.DateSystem;

/**
 * A date on a coupon schedule, as Excel's bond functions step and count it. It remembers the day it was made
 * from, so stepping by months from a maturity on the 31st gives the 30th in April and the 31st again in May,
 * and a maturity on the last day of a month gives month ends (the end-of-month rule). Under the 30/360 bases
 * (0 US, 4 European) the day is read as at most 30, a month as 30 days; under the others, days are actual.
 * Mutable on purpose: the schedule walks one date back and forth. Not thread-safe, never shared.
 */
final class CouponDate implements Comparable<CouponDate> {
  private final DateSystem dates;
  private final boolean thirty;
  private final boolean us;
  private int year;
  private int month;
  private int origDay;
  private boolean lastDay;
  /** The day as the basis reads it (see {@link #setDay}). */
  private int day;

  private CouponDate(DateSystem dates, boolean thirty, boolean us) {
    this.dates = dates;
    this.thirty = thirty;
    this.us = us;
  }

  /** The date of a serial of {@code dates} (already a valid whole day) under a day-count basis 0..4. */
  static CouponDate of(DateSystem dates, double serial, int basis) {
    CouponDate d = new CouponDate(dates, basis == 0 || basis == 4, basis == 0);
    int[] ymd = dates.ymd(serial);
    d.year = ymd[0];
    d.month = ymd[1];
    d.origDay = Math.max(ymd[2], 1);
    d.lastDay = d.origDay >= daysInMonth(d.year, d.month);
    d.setDay();
    return d;
  }

  CouponDate copy() {
    CouponDate d = new CouponDate(dates, thirty, us);
    d.year = year;
    d.month = month;
    d.origDay = origDay;
    d.lastDay = lastDay;
    d.day = day;
    return d;
  }

  static int daysInMonth(int year, int month) {
    return year == 1900 && month == 2 ? 29 : YearMonth.of(year, month).lengthOfMonth();
  }

  private static int daysInYear(int year) {
    return year == 1900 || YearMonth.of(year, 1).isLeapYear() ? 366 : 365;
  }

  private void setDay() {
    if (thirty) {
      day = Math.min(origDay, 30);
      if (lastDay || day >= daysInMonth(year, month)) {
        day = 30;
      }
    } else {
      int last = daysInMonth(year, month);
      day = lastDay ? last : Math.min(origDay, last);
    }
  }

  int year() {
    return year;
  }

  int month() {
    return month;
  }

  CouponDate addMonths(int months) {
    int index = year * 12 + (month - 1) + months;
    year = Math.floorDiv(index, 12);
    month = Math.floorMod(index, 12) + 1;
    setDay();
    return this;
  }

  CouponDate addYears(int years) {
    year += years;
    setDay();
    return this;
  }

  CouponDate setYear(int y) {
    year = y;
    setDay();
    return this;
  }

  /** True when stepping has left the calendar Excel knows (1900..9999). */
  boolean outOfRange() {
    return year < 1900 || year > 9999;
  }

  /** The calendar date as a serial: the remembered day, clamped to the month, or the month's end. */
  double serial() {
    int last = daysInMonth(year, month);
    return dates.of(year, month, lastDay ? last : Math.min(last, origDay));
  }

  @Override
  public int compareTo(CouponDate o) {
    if (year != o.year) {
      return Integer.compare(year, o.year);
    }
    if (month != o.month) {
      return Integer.compare(month, o.month);
    }
    if (day != o.day) {
      return Integer.compare(day, o.day);
    }
    if (lastDay || o.lastDay) {
      return lastDay == o.lastDay ? 0 : lastDay ? 1 : -1;
    }
    return Integer.compare(origDay, o.origDay);
  }

  boolean before(CouponDate o) {
    return compareTo(o) < 0;
  }

  boolean after(CouponDate o) {
    return compareTo(o) > 0;
  }

  private int monthLength() {
    return thirty ? 30 : daysInMonth(year, month);
  }

  private int monthsLength(int fromMonth, int toMonth) {
    if (thirty) {
      return Math.max(0, toMonth - fromMonth + 1) * 30;
    }
    int n = 0;
    for (int m = fromMonth; m <= toMonth; m++) {
      n += daysInMonth(year, m);
    }
    return n;
  }

  private int yearsLength(int fromYear, int toYear) {
    if (thirty) {
      return Math.max(0, toYear - fromYear + 1) * 360;
    }
    int n = 0;
    for (int y = fromYear; y <= toYear; y++) {
      n += daysInYear(y);
    }
    return n;
  }

  /**
   * Days from one date to a later one under the dates' basis (never negative). Under US 30/360 an end on the
   * 31st counts as the 31st when the start is in February or before the 30th, and an end on the last day of
   * February counts as that day; under European 30/360 a 30 in February is the month's real last day.
   */
  static int days(CouponDate from, CouponDate to) {
    if (from.after(to)) {
      return days(to, from);
    }
    CouponDate a = from.copy();
    CouponDate b = to.copy();
    if (b.thirty) {
      if (b.us) {
        if ((from.month == 2 || from.day < 30) && b.origDay == 31) {
          b.day = 31;
        } else if (b.month == 2 && b.lastDay) {
          b.day = daysInMonth(b.year, 2);
        }
      } else {
        if (a.month == 2 && a.day == 30) {
          a.day = daysInMonth(a.year, 2);
        }
        if (b.month == 2 && b.day == 30) {
          b.day = daysInMonth(b.year, 2);
        }
      }
    }
    int diff = 0;
    if (a.year < b.year || a.year == b.year && a.month < b.month) {
      // to the first day of the next month, then whole years, then whole months
      diff = a.monthLength() - a.day + 1;
      a.origDay = 1;
      a.lastDay = false;
      a.addMonths(1);
      if (a.year < b.year) {
        diff += a.monthsLength(a.month, 12);
        a.addMonths(13 - a.month);
        diff += a.yearsLength(a.year, b.year - 1);
        a.addYears(b.year - a.year);
      }
      diff += a.monthsLength(a.month, b.month - 1);
      a.addMonths(b.month - a.month);
    }
    diff += b.day - a.day;
    return Math.max(diff, 0);
  }
}

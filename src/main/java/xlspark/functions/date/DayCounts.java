package xlspark.functions.date;

import java.util.Locale;
import xlspark.functions.Args;
import xlspark.value.DateSystem;
import xlspark.value.ExcelError;
import xlspark.value.Value;

/**
 * Month shifts and day counts: EDATE, EOMONTH, DAYS, DAYS360, DATEDIF, YEARFRAC. {@link #yearFraction} is public for
 * the securities functions, whose year fractions are YEARFRAC's.
 */
public final class DayCounts {
  private DayCounts() {
  }

  /** EDATE (same day, clamped to the month's end) or EOMONTH (last day) {@code months} months away. */
  static Value shiftMonths(Args a, boolean endOfMonth) {
    DateSystem dates = a.ctx().dates();
    double s = Serials.day(dates, a.num(0));
    if (Double.isNaN(s)) {
      return Value.err(ExcelError.NUM);
    }
    int[] ymd = Serials.ymd(dates, s);
    long monthIndex = (long) ymd[0] * 12 + (ymd[1] - 1) + Serials.trunc(a.num(1));
    long y = Math.floorDiv(monthIndex, 12);
    int m = (int) Math.floorMod(monthIndex, 12) + 1;
    if (y < 1900 || y > 9999) {
      return Value.err(ExcelError.NUM, "date out of range");
    }
    int last = Serials.daysInMonth((int) y, m);
    double r = Serials.serial(dates, (int) y, m, endOfMonth ? last : Math.min(ymd[2], last));
    return Double.isNaN(r) ? Value.err(ExcelError.NUM, "date out of range") : Value.num(r);
  }

  /** DAYS(end, start): whole days from start to end. */
  static Value days(Args a) {
    DateSystem dates = a.ctx().dates();
    double end = Serials.day(dates, a.num(0));
    double start = Serials.day(dates, a.num(1));
    return Double.isNaN(end) || Double.isNaN(start) ? Value.err(ExcelError.NUM) : Value.num(end - start);
  }

  /**
   * DAYS360. US (NASD) method: a start on the 31st or on the last day of February becomes the 30th; an end on
   * the 31st becomes the 30th only when the start is then the 30th. European method: every 31st is the 30th.
   * Excel does not swap dates given in reverse order, it just counts negatively with the same rules.
   */
  static Value days360(Args a) {
    DateSystem dates = a.ctx().dates();
    double s = Serials.day(dates, a.num(0));
    double e = Serials.day(dates, a.num(1));
    if (Double.isNaN(s) || Double.isNaN(e)) {
      return Value.err(ExcelError.NUM);
    }
    boolean european = a.bool(2);
    int[] d1 = Serials.ymd(dates, s);
    int[] d2 = Serials.ymd(dates, e);
    int day1 = d1[2];
    int day2 = d2[2];
    if (european) {
      day1 = Math.min(day1, 30);
      day2 = Math.min(day2, 30);
    } else {
      if (day1 == 31 || isLastOfFebruary(d1)) {
        day1 = 30;
      }
      if (day2 == 31 && day1 == 30) {
        day2 = 30;
      }
    }
    return Value.num(thirty360(d1, day1, d2, day2));
  }

  private static double thirty360(int[] d1, int day1, int[] d2, int day2) {
    return (d2[0] - d1[0]) * 360.0 + (d2[1] - d1[1]) * 30.0 + (day2 - day1);
  }

  private static boolean isLastOfFebruary(int[] ymd) {
    return ymd[1] == 2 && ymd[2] == Serials.daysInMonth(ymd[0], 2);
  }

  private static boolean isLastOfMonth(int[] ymd) {
    return ymd[2] == Serials.daysInMonth(ymd[0], ymd[1]);
  }

  /**
   * DATEDIF(start, end, unit): "Y" whole years, "M" whole months, "D" days, "MD" days after the whole months
   * (Excel's own roll-over: the start day is placed in the month before the end's, which can give odd results
   * such as -2 from Jan 31 to Mar 1 2015), "YM" months after the whole years, "YD" days after the whole years.
   */
  static Value dateDif(Args a) {
    DateSystem dates = a.ctx().dates();
    double s = Serials.day(dates, a.num(0));
    double e = Serials.day(dates, a.num(1));
    if (Double.isNaN(s) || Double.isNaN(e)) {
      return Value.err(ExcelError.NUM);
    }
    if (s > e) {
      return Value.err(ExcelError.NUM, "start date is after end date");
    }
    int[] d1 = Serials.ymd(dates, s);
    int[] d2 = Serials.ymd(dates, e);
    boolean dayBefore = d2[2] < d1[2];
    boolean monthDayBefore = d2[1] < d1[1] || d2[1] == d1[1] && dayBefore;
    int months = (d2[0] - d1[0]) * 12 + (d2[1] - d1[1]) - (dayBefore ? 1 : 0);
    switch (a.text(2).toUpperCase(Locale.ROOT)) {
      case "Y":
        return Value.num(d2[0] - d1[0] - (monthDayBefore ? 1 : 0));
      case "M":
        return Value.num(months);
      case "D":
        return Value.num(e - s);
      case "MD":
        return Value.num(dayBefore ? e - Serials.serial(dates, d2[0], d2[1] - 1, d1[2]) : d2[2] - d1[2]);
      case "YM":
        return Value.num(Math.floorMod(months, 12));
      case "YD":
        return Value.num(yearDays(dates, d1, d2, e, monthDayBefore));
      default:
        return Value.err(ExcelError.NUM, "DATEDIF unit must be Y, M, D, MD, YM or YD");
    }
  }

  /**
   * "YD": the days from the start's month and day placed in the end's year up to the end, plus 365 when that
   * is negative. Excel counts with the end year's calendar, so 1988-06-22 .. 2012-05-11 is 132 - 174 + 365 =
   * 323 days, not the 324 calendar days from 2011-06-22.
   */
  private static double yearDays(DateSystem dates, int[] d1, int[] d2, double e, boolean monthDayBefore) {
    double days = e - Serials.serial(dates, d2[0], d1[1], d1[2]);
    return monthDayBefore ? days + 365 : days;
  }

  /** YEARFRAC(start, end, basis): 0 US 30/360, 1 actual/actual, 2 actual/360, 3 actual/365, 4 European 30/360. */
  /**
   * YEARFRAC(start, end, [basis]): the basis is judged before the dates, so its error or an invalid basis wins over
   * an error date (Excel's cached YEARFRAC(1/0, 200, 5) is #NUM!, with basis #N/A it is #N/A).
   */
  static Value yearFrac(Args a) {
    DateSystem dates = a.ctx().dates();
    if (a.get(2) instanceof Value.Err err) {
      return err;
    }
    int basis = Serials.trunc(a.num(2));
    if (basis < 0 || basis > 4) {
      return Value.err(ExcelError.NUM, "basis must be 0 to 4");
    }
    for (int i = 0; i < 2; i++) {
      if (a.get(i) instanceof Value.Err err) {
        return err;
      }
    }
    double s = Serials.day(dates, a.num(0));
    double e = Serials.day(dates, a.num(1));
    if (Double.isNaN(s) || Double.isNaN(e)) {
      return Value.err(ExcelError.NUM);
    }
    return Value.num(yearFraction(dates, s, e, basis));
  }

  /** YEARFRAC of two valid whole-day serials (in either order) under a basis 0..4. */
  public static double yearFraction(DateSystem dates, double s, double e, int basis) {
    if (s > e) {
      double t = s;
      s = e;
      e = t;
    }
    int[] d1 = Serials.ymd(dates, s);
    int[] d2 = Serials.ymd(dates, e);
    return switch (basis) {
      case 0 -> us30360(d1, d2) / 360;
      case 1 -> (e - s) / actualYearLength(dates, d1, d2, s, e);
      case 2 -> (e - s) / 360;
      case 3 -> (e - s) / 365;
      default -> thirty360(d1, Math.min(d1[2], 30), d2, Math.min(d2[2], 30)) / 360;
    };
  }

  /** YEARFRAC basis 0 (NASD 30/360 as Excel's YEARFRAC applies it, with its February rules). */
  private static double us30360(int[] d1, int[] d2) {
    int day1 = d1[2];
    int day2 = d2[2];
    if (day1 == 31 && day2 == 31) {
      day1 = 30;
      day2 = 30;
    } else if (day1 == 31) {
      day1 = 30;
    } else if (day1 == 30 && day2 == 31) {
      day2 = 30;
    } else if (d1[1] == 2 && d2[1] == 2 && isLastOfMonth(d1) && isLastOfMonth(d2)) {
      day1 = 30;
      day2 = 30;
    } else if (isLastOfFebruary(d1)) {
      day1 = 30;
    }
    return thirty360(d1, day1, d2, day2);
  }

  /**
   * The year length of YEARFRAC basis 1: for dates at most a year apart, 366 when a February 29 lies between
   * them (or both are in one leap year), else 365; over longer spans, the average length of the years covered.
   */
  private static double actualYearLength(DateSystem dates, int[] d1, int[] d2, double s, double e) {
    boolean withinYear = d1[0] == d2[0] || d1[0] + 1 == d2[0]
        && (d1[1] > d2[1] || d1[1] == d2[1] && d1[2] >= d2[2]);
    if (withinYear) {
      if (d1[0] == d2[0] && Serials.isLeap(d1[0])) {
        return 366;
      }
      boolean feb29 = Serials.isLeap(d1[0]) && s < Serials.serial(dates, d1[0], 3, 1)
          || Serials.isLeap(d2[0]) && e >= Serials.serial(dates, d2[0], 3, 1)
          || d2[1] == 2 && d2[2] == 29;
      return feb29 ? 366 : 365;
    }
    double years = d2[0] - d1[0] + 1;
    double days = Serials.serial(dates, d2[0], 12, 31) - Serials.serial(dates, d1[0], 1, 1) + 1;
    return days / years;
  }
}

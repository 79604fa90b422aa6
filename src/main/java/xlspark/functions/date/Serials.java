package xlspark.functions.date;

import java.time.YearMonth;
import xlspark.value.DateSystem;

/**
 * Serial arithmetic shared by the date functions. Excel's calendar is its serial numbers: serial 1 is a
 * Sunday and 1900 has a February 29 (serial 60), so weekdays and month lengths are computed on serials.
 */
final class Serials {
  /** Bound on integer arguments: anything larger is out of the date range anyway. */
  private static final double INT_LIMIT = 1e9;

  private Serials() {
  }

  /** The whole day of a date argument, or NaN when it is outside 0 .. 9999-12-31 (Excel's #NUM!). */
  static double day(DateSystem dates, double serial) {
    return dates.valid(serial) ? Math.floor(serial) : Double.NaN;
  }

  /** An integer argument truncated toward zero, clamped so arithmetic on it cannot overflow. */
  static int trunc(double d) {
    double t = d < 0 ? Math.ceil(d) : Math.floor(d);
    return (int) Math.max(-INT_LIMIT, Math.min(INT_LIMIT, t));
  }

  /** Day of the week of a serial, 0 = Monday .. 6 = Sunday (serial 1 is a Sunday in Excel). */
  static int mondayIndex(DateSystem dates, double serial) {
    return (int) Math.floorMod((long) serial + dates.offset1900() - 2, 7L);
  }

  /** Length of a month in Excel's calendar (February 1900 has 29 days). */
  static int daysInMonth(int year, int month) {
    if (year == 1900 && month == 2) {
      return 29;
    }
    return YearMonth.of(year, month).lengthOfMonth();
  }

  static boolean isLeap(int year) {
    return year == 1900 || YearMonth.of(year, 1).isLeapYear();
  }

  /** Serial of a date with DATE's overflow rules; NaN when out of range. */
  static double serial(DateSystem dates, int year, int month, int day) {
    if (Math.abs(month) > 200_000 || Math.abs((long) day) > 10_000_000L) {
      return Double.NaN;
    }
    return dates.of(year, month, day);
  }

  /** Year, month, day of a valid serial as Excel shows them (serial 0 is 1900-01-00). */
  static int[] ymd(DateSystem dates, double serial) {
    return dates.ymd(serial);
  }
}

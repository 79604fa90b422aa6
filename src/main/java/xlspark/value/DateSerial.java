package xlspark.value;

import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * Excel's 1900 date system: serial 1 is 1900-01-01, and serial 60 is the phantom 1900-02-29 that Excel
 * keeps for Lotus 1-2-3 compatibility, so serials from 61 on are one more than a true day count.
 *
 * <p>A workbook saved in the 1904 date system (Excel for Mac's old default: serial 0 is 1904-01-01, no phantom
 * day) is evaluated with {@link #use1904} on for its thread: every conversion here then counts from 1904, so the
 * date functions and TEXT see the dates Excel shows for that workbook.
 */
public final class DateSerial {
  private static final long EPOCH_DAY_1899_12_31 = LocalDate.of(1899, 12, 31).toEpochDay();
  /** The largest serial Excel accepts: 9999-12-31. */
  public static final int MAX_SERIAL = 2_958_465;
  /** Days between the two systems' serial 0: 1904-01-01 is serial 1462 in the 1900 system. */
  public static final int DAYS_1900_TO_1904 = 1462;
  private static final ThreadLocal<boolean[]> SYSTEM_1904 = ThreadLocal.withInitial(() -> new boolean[1]);

  private DateSerial() {
  }

  /** Switches this thread to the 1904 date system or back; returns the previous setting (to restore it). */
  public static boolean use1904(boolean on) {
    boolean[] flag = SYSTEM_1904.get();
    boolean was = flag[0];
    flag[0] = on;
    return was;
  }

  /** What to add to a serial of this thread's date system to get the 1900 system's serial of the same day. */
  public static int offset1900() {
    return SYSTEM_1904.get()[0] ? DAYS_1900_TO_1904 : 0;
  }

  /**
   * Serial of a year, month and day, normalising overflow as DATE does (month 13 is January of the next
   * year, day 0 the last day of the previous month). Years 0..1899 are offsets from 1900. NaN if out of range.
   */
  public static double of(int year, int month, int day) {
    if (year < 0 || year > 9999) {
      return Double.NaN;
    }
    if (year < 1900) {
      year += 1900;
    }
    long monthIndex = (long) year * 12 + (month - 1);
    int y = (int) Math.floorDiv(monthIndex, 12);
    int m = (int) Math.floorMod(monthIndex, 12) + 1;
    if (y < 1900 || y > 9999) {
      return Double.NaN;
    }
    // Excel adds the days to the serial of the month's first day, so the phantom 1900-02-29 (serial 60) is
    // reachable from any side: DATE(1900,2,29), DATE(1900,3,0) and DATE(1900,1,60) are all 60.
    double serial = fromEpochDay(LocalDate.of(y, m, 1).toEpochDay()) + ((long) day - 1);
    if (serial < 0 || serial + offset1900() > MAX_SERIAL) {
      return Double.NaN;
    }
    return serial;
  }

  /** Serial of a calendar date (epoch day), accounting for the phantom 1900-02-29. */
  public static double fromEpochDay(long epochDay) {
    long n = epochDay - EPOCH_DAY_1899_12_31;
    return (n >= 60 ? n + 1 : n) - offset1900();
  }

  public static double of(LocalDate d) {
    return fromEpochDay(d.toEpochDay());
  }

  /** Serial of a date and time of day: the date's serial plus the elapsed fraction of the day. */
  public static double of(LocalDateTime t) {
    return of(t.toLocalDate()) + t.toLocalTime().toNanoOfDay() / 86_400e9;
  }

  /** The calendar date of a serial's integer part; serial 60 maps to 1900-02-28 (see {@link #isPhantom}). */
  public static LocalDate toDate(double serial) {
    long n = (long) Math.floor(serial) + offset1900();
    if (n >= 61) {
      n -= 1;
    } else if (n == 60) {
      n = 59;
    }
    return LocalDate.ofEpochDay(EPOCH_DAY_1899_12_31 + n);
  }

  public static boolean isPhantom(double serial) {
    return Math.floor(serial) + offset1900() == 60;
  }

  /** Year, month and day of a serial as Excel reports them (serial 60 is 1900-02-29, serial 0 is 1900-01-00). */
  public static int[] ymd(double serial) {
    long n = (long) Math.floor(serial);
    if (offset1900() != 0) {
      LocalDate d = toDate(serial);
      return new int[] {d.getYear(), d.getMonthValue(), d.getDayOfMonth()};
    }
    if (n == 60) {
      return new int[] {1900, 2, 29};
    }
    if (n == 0) {
      return new int[] {1900, 1, 0};
    }
    LocalDate d = toDate(serial);
    return new int[] {d.getYear(), d.getMonthValue(), d.getDayOfMonth()};
  }

  /** True when a serial is a valid date for the date functions (0 .. 9999-12-31). */
  public static boolean valid(double serial) {
    return serial >= 0 && serial + offset1900() < MAX_SERIAL + 1;
  }
}

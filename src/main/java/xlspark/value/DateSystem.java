package xlspark.value;

import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * The date system a workbook counts its serials in. {@link #EXCEL_1900}: serial 1 is 1900-01-01, and serial 60 is
 * the phantom 1900-02-29 that Excel keeps for Lotus 1-2-3 compatibility, so serials from 61 on are one more than a
 * true day count. {@link #EXCEL_1904} (Excel for Mac's old default): serial 0 is 1904-01-01, no phantom day.
 *
 * <p>A run's system is part of its {@link Limits} record (expression mode and most workbooks: 1900), read through
 * the row's {@link Budget} or the evaluation context; nothing here is global or bound to a thread.
 */
public enum DateSystem {
  EXCEL_1900(0),
  EXCEL_1904(DateSerial.DAYS_1900_TO_1904);

  private static final long EPOCH_DAY_1899_12_31 = LocalDate.of(1899, 12, 31).toEpochDay();

  /** What to add to a serial of this system to get the 1900 system's serial of the same day. */
  private final int offset1900;

  DateSystem(int offset1900) {
    this.offset1900 = offset1900;
  }

  /** The system of a workbook saved with the 1904 flag on, or not. */
  public static DateSystem of(boolean date1904) {
    return date1904 ? EXCEL_1904 : EXCEL_1900;
  }

  public int offset1900() {
    return offset1900;
  }

  /**
   * Serial of a year, month and day, normalising overflow as DATE does (month 13 is January of the next
   * year, day 0 the last day of the previous month). Years 0..1899 are offsets from 1900. NaN if out of range.
   */
  public double of(int year, int month, int day) {
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
    if (serial < 0 || serial + offset1900 > DateSerial.MAX_SERIAL) {
      return Double.NaN;
    }
    return serial;
  }

  /** Serial of a calendar date (epoch day), accounting for the phantom 1900-02-29. */
  public double fromEpochDay(long epochDay) {
    long n = epochDay - EPOCH_DAY_1899_12_31;
    return (n >= 60 ? n + 1 : n) - offset1900;
  }

  public double of(LocalDate d) {
    return fromEpochDay(d.toEpochDay());
  }

  /** Serial of a date and time of day: the date's serial plus the elapsed fraction of the day. */
  public double of(LocalDateTime t) {
    return of(t.toLocalDate()) + t.toLocalTime().toNanoOfDay() / 86_400e9;
  }

  /** The calendar date of a serial's integer part; serial 60 maps to 1900-02-28 (see {@link #isPhantom}). */
  public LocalDate toDate(double serial) {
    long n = (long) Math.floor(serial) + offset1900;
    if (n >= 61) {
      n -= 1;
    } else if (n == 60) {
      n = 59;
    }
    return LocalDate.ofEpochDay(EPOCH_DAY_1899_12_31 + n);
  }

  public boolean isPhantom(double serial) {
    return Math.floor(serial) + offset1900 == 60;
  }

  /** Year, month and day of a serial as Excel reports them (serial 60 is 1900-02-29, serial 0 is 1900-01-00). */
  public int[] ymd(double serial) {
    long n = (long) Math.floor(serial);
    if (offset1900 != 0) {
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
  public boolean valid(double serial) {
    return serial >= 0 && serial + offset1900 < DateSerial.MAX_SERIAL + 1;
  }
}

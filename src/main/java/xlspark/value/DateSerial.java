package xlspark.value;

import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * The bounds of Excel's serials, and the 1900 system's serials of typed input values (expression mode's date and
 * timestamp columns, which no workbook's date system applies to). Everything a formula computes on dates goes
 * through the run's {@link DateSystem}.
 */
public final class DateSerial {
  /** The largest serial Excel accepts: 9999-12-31 (in the 1900 system). */
  public static final int MAX_SERIAL = 2_958_465;
  /** Days between the two systems' serial 0: 1904-01-01 is serial 1462 in the 1900 system. */
  public static final int DAYS_1900_TO_1904 = 1462;

  private DateSerial() {
  }

  /** The 1900 system's serial of a date. */
  public static double of(LocalDate d) {
    return DateSystem.EXCEL_1900.of(d);
  }

  /** The 1900 system's serial of a date and time of day. */
  public static double of(LocalDateTime t) {
    return DateSystem.EXCEL_1900.of(t);
  }
}

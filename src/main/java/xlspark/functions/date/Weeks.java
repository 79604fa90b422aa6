package xlspark.functions.date;

import xlspark.functions.Args;
import xlspark.value.DateSystem;
import xlspark.value.ExcelError;
import xlspark.value.Value;

/** WEEKDAY, WEEKNUM and ISOWEEKNUM, computed on serials (serial 1 is a Sunday in Excel). */
final class Weeks {
  private static final int SUNDAY = 6;
  private static final int ISO_TYPE = 21;

  private Weeks() {
  }

  /**
   * WEEKDAY: type 1 counts Sunday=1..Saturday=7, type 2 Monday=1..Sunday=7, type 3 Monday=0..Sunday=6, and
   * types 11..17 start the week (at 1) on Monday..Sunday.
   */
  static Value weekday(Args a) {
    DateSystem dates = a.ctx().dates();
    double s = Serials.day(dates, a.num(0));
    int type = Serials.trunc(a.num(1));
    if (Double.isNaN(s)) {
      return Value.err(ExcelError.NUM);
    }
    int m = Serials.mondayIndex(dates, s);
    if (type == 1) {
      return Value.num((m + 1) % 7 + 1);
    }
    if (type == 2) {
      return Value.num(m + 1);
    }
    if (type == 3) {
      return Value.num(m);
    }
    if (type >= 11 && type <= 17) {
      return Value.num((m - (type - 11) + 7) % 7 + 1);
    }
    return Value.err(ExcelError.NUM, "WEEKDAY return type must be 1, 2, 3 or 11 to 17");
  }

  /**
   * WEEKNUM: the week containing January 1 is week 1, weeks start on Sunday (type 1, 17), Monday (2, 11) or
   * Tuesday..Saturday (12..16); type 21 is the ISO week.
   */
  static Value weekNum(Args a) {
    DateSystem dates = a.ctx().dates();
    double s = Serials.day(dates, a.num(0));
    int type = Serials.trunc(a.num(1));
    if (Double.isNaN(s)) {
      return Value.err(ExcelError.NUM);
    }
    int start;
    if (type == 1) {
      start = SUNDAY;
    } else if (type == 2) {
      start = 0;
    } else if (type >= 11 && type <= 17) {
      start = type - 11;
    } else if (type == ISO_TYPE) {
      return Value.num(isoWeek(dates, s));
    } else {
      return Value.err(ExcelError.NUM, "WEEKNUM return type must be 1, 2, 11 to 17 or 21");
    }
    double jan1 = dates.of(Serials.ymd(dates, s)[0], 1, 1);
    int offset = (Serials.mondayIndex(dates, jan1) - start + 7) % 7;
    return Value.num(Math.floor((s - jan1 + offset) / 7) + 1);
  }

  static Value isoWeekNum(Args a) {
    DateSystem dates = a.ctx().dates();
    double s = Serials.day(dates, a.num(0));
    return Double.isNaN(s) ? Value.err(ExcelError.NUM) : Value.num(isoWeek(dates, s));
  }

  /** ISO 8601 week: weeks start on Monday and week 1 holds the year's first Thursday. */
  static int isoWeek(DateSystem dates, double s) {
    double thursday = s - Serials.mondayIndex(dates, s) + 3;
    // Days before serial 1 belong to 1899, whose January 1 is serial -364.
    double jan1 = thursday < 1 ? -364 : dates.of(Serials.ymd(dates, thursday)[0], 1, 1);
    return (int) Math.floor((thursday - jan1) / 7) + 1;
  }
}

package xlspark.functions.date;

import java.util.Arrays;
import xlspark.functions.Args;
import xlspark.functions.EvalContext;
import xlspark.value.DateSerial;
import xlspark.value.DateSystem;
import xlspark.value.ExcelError;
import xlspark.value.TextNumbers;
import xlspark.value.Value;
import xlspark.value.Value.Blank;
import xlspark.value.Value.Bool;
import xlspark.value.Value.Err;
import xlspark.value.Value.Num;
import xlspark.value.Value.Text;

/**
 * NETWORKDAYS, WORKDAY and their .INTL forms. A weekend is a 7-day mask (Monday first) from a weekend code
 * (1..7: two days, Saturday-Sunday to Friday-Saturday; 11..17: one day, Sunday to Saturday) or a string such
 * as "0000011"; holidays are an array of dates, counted once and only when they fall on a working day.
 */
final class Workdays {
  private static final boolean[] SAT_SUN = {false, false, false, false, false, true, true};

  private Workdays() {
  }

  /** The weekend mask and the sorted working-day holidays of a call, or the error that prevents them. */
  private record Calendar(boolean[] weekend, double[] holidays, Value error) {
    static Calendar failed(Value error) {
      return new Calendar(null, null, error);
    }
  }

  private static Calendar calendar(Args a, boolean intl) {
    Object weekend = weekend(a, intl);
    if (weekend instanceof Value err) {
      return Calendar.failed(err);
    }
    boolean[] mask = (boolean[]) weekend;
    Object hol = holidays(a, intl ? 3 : 2, mask);
    if (hol instanceof Value err) {
      return Calendar.failed(err);
    }
    return new Calendar(mask, (double[]) hol, null);
  }

  static Value networkDays(Args a, boolean intl) {
    DateSystem dates = a.ctx().dates();
    double start = Serials.day(dates, a.num(0));
    double end = Serials.day(dates, a.num(1));
    if (Double.isNaN(start) || Double.isNaN(end)) {
      return Value.err(ExcelError.NUM);
    }
    Calendar cal = calendar(a, intl);
    if (cal.error() != null) {
      return cal.error();
    }
    boolean[] mask = cal.weekend();
    double[] holidays = cal.holidays();
    double lo = Math.min(start, end);
    double hi = Math.max(start, end);
    double count = workdaysBetween(dates, lo, hi, mask) - holidaysIn(holidays, lo, hi);
    return Value.num(start <= end ? count : -count);
  }

  /** WORKDAY: the day {@code days} working days after (or before) start, which itself is not counted. */
  static Value workday(Args a, boolean intl) {
    DateSystem dates = a.ctx().dates();
    double start = Serials.day(dates, a.num(0));
    if (Double.isNaN(start)) {
      return Value.err(ExcelError.NUM);
    }
    double days = a.num(1);
    days = days < 0 ? Math.ceil(days) : Math.floor(days);
    Calendar cal = calendar(a, intl);
    if (cal.error() != null) {
      return cal.error();
    }
    boolean[] mask = cal.weekend();
    int perWeek = 0;
    for (boolean w : mask) {
      perWeek += w ? 0 : 1;
    }
    if (perWeek == 0) {
      return Value.err(ExcelError.VALUE, "the weekend covers every day");
    }
    if (Math.abs(days) > DateSerial.MAX_SERIAL) {
      return Value.err(ExcelError.NUM, "date out of range");
    }
    double r = step(start, (long) days, mask, perWeek, cal.holidays(), a.ctx());
    return Double.isNaN(r) ? Value.err(ExcelError.NUM, "date out of range") : Value.num(r);
  }

  /** Walks {@code days} working days from start, jumping whole weeks while many remain. */
  private static double step(double start, long days, boolean[] mask, int perWeek, double[] holidays,
                             EvalContext ctx) {
    DateSystem dates = ctx.dates();
    int dir = days < 0 ? -1 : 1;
    long left = Math.abs(days);
    double cur = start;
    while (left > 0) {
      ctx.checkDeadline();
      if (left > perWeek) {
        long weeks = (left - 1) / perWeek;
        double next = cur + dir * 7 * weeks;
        double lo = dir > 0 ? cur + 1 : next;
        double hi = dir > 0 ? next : cur - 1;
        left -= weeks * perWeek - holidaysIn(holidays, lo, hi);
        cur = next;
      } else {
        cur += dir;
        if (!mask[Serials.mondayIndex(dates, cur)] && Arrays.binarySearch(holidays, cur) < 0) {
          left--;
        }
      }
      if (cur < 0 || cur > DateSerial.MAX_SERIAL) {
        return Double.NaN;
      }
    }
    return cur;
  }

  /** Working days (by the mask alone) from lo to hi inclusive. */
  private static double workdaysBetween(DateSystem dates, double lo, double hi, boolean[] mask) {
    long n = (long) (hi - lo) + 1;
    long weeks = n / 7;
    int perWeek = 0;
    for (boolean w : mask) {
      perWeek += w ? 0 : 1;
    }
    double count = weeks * perWeek;
    for (double d = lo + weeks * 7; d <= hi; d++) {
      if (!mask[Serials.mondayIndex(dates, d)]) {
        count++;
      }
    }
    return count;
  }

  /** How many of the sorted holidays lie in lo..hi inclusive. */
  private static int holidaysIn(double[] holidays, double lo, double hi) {
    if (holidays.length == 0 || hi < lo) {
      return 0;
    }
    return insertionPoint(holidays, hi + 0.5) - insertionPoint(holidays, lo - 0.5);
  }

  private static int insertionPoint(double[] sorted, double key) {
    int i = Arrays.binarySearch(sorted, key);
    return i < 0 ? -i - 1 : i;
  }

  /** The weekend mask (Monday first), or an error value. The .INTL forms read it from argument 2 (default 1). */
  private static Object weekend(Args a, boolean intl) {
    if (!intl) {
      return SAT_SUN;
    }
    Value w = a.get(2);
    if (w instanceof Blank) {
      return SAT_SUN;
    }
    if (w instanceof Err) {
      return w;
    }
    boolean[] mask = new boolean[7];
    if (w instanceof Num n) {
      double code = n.v();
      if (code >= 1 && code <= 7 && code == Math.floor(code)) {
        mask[((int) code + 4) % 7] = true;
        mask[((int) code + 5) % 7] = true;
        return mask;
      }
      if (code >= 11 && code <= 17 && code == Math.floor(code)) {
        mask[((int) code - 11 + 6) % 7] = true;
        return mask;
      }
      return Value.err(ExcelError.NUM, "weekend code must be 1 to 7 or 11 to 17");
    }
    if (w instanceof Text t && t.s().length() == 7) {
      for (int i = 0; i < 7; i++) {
        char c = t.s().charAt(i);
        if (c != '0' && c != '1') {
          return Value.err(ExcelError.VALUE, "weekend string must be seven 0s and 1s");
        }
        mask[i] = c == '1';
      }
      return mask;
    }
    return Value.err(ExcelError.VALUE, "weekend must be a code or a string of seven 0s and 1s");
  }

  /**
   * The distinct holidays that fall on working days, sorted, or an error value: numbers and date text count,
   * blanks are skipped, other values are #VALUE!.
   */
  private static Object holidays(Args a, int index, boolean[] mask) {
    DateSystem dates = a.ctx().dates();
    if (!a.has(index)) {
      return new double[0];
    }
    Value[] cells = a.array(index).cells();
    double[] out = new double[cells.length];
    int n = 0;
    for (Value c : cells) {
      double d;
      if (c instanceof Num num) {
        d = num.v();
      } else if (c instanceof Blank) {
        continue;
      } else if (c instanceof Err) {
        return c;
      } else if (c instanceof Text t) {
        d = TextNumbers.parse(t.s(), a.ctx().dates());
        if (Double.isNaN(d)) {
          return Value.err(ExcelError.VALUE, "holiday is not a date");
        }
      } else {
        return Value.err(ExcelError.VALUE, c instanceof Bool ? "holiday is a logical value" : "bad holiday");
      }
      double day = Serials.day(dates, d);
      if (Double.isNaN(day)) {
        return Value.err(ExcelError.NUM, "holiday out of range");
      }
      if (!mask[Serials.mondayIndex(dates, day)]) {
        out[n++] = day;
      }
    }
    double[] sorted = Arrays.copyOf(out, n);
    Arrays.sort(sorted);
    return Arrays.stream(sorted).distinct().toArray();
  }
}

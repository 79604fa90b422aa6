package xlspark.functions.date;

import static xlspark.functions.ArgKind.ANY;
import static xlspark.functions.ArgKind.ARRAY;
import static xlspark.functions.ArgKind.BOOLEAN;
import static xlspark.functions.ArgKind.NUMBER;
import static xlspark.functions.ArgKind.NUMBER_NOT_LOGICAL;
import static xlspark.functions.ArgKind.TEXT;

import java.util.List;
import java.util.function.ToIntFunction;
import xlspark.functions.Args;
import xlspark.functions.ErrorPolicy;
import xlspark.functions.FunctionSpec;
import xlspark.value.DateSystem;
import xlspark.value.DateText;
import xlspark.value.ExcelError;
import xlspark.value.Value;

/**
 * Date and time functions on Excel's 1900 date system (serial 1 = 1900-01-01, with the phantom 1900-02-29
 * at serial 60). Date arguments are numbers or date text ("2024-01-15"); dates outside 0 .. 9999-12-31 are
 * #NUM!. Week, day-count and working-day functions live in the package's helper classes.
 */
public final class DateFunctions {
  private static final double SECONDS_PER_DAY = 86_400;
  /** Excel's limit on each argument of TIME. */
  private static final double TIME_ARG_LIMIT = 32_767;

  private DateFunctions() {
  }

  public static List<FunctionSpec> specs() {
    return List.of(
        FunctionSpec.builder("DATE", DateFunctions::date).args(NUMBER, NUMBER, NUMBER).build(),
        FunctionSpec.builder("DATEVALUE", DateFunctions::dateValue).arg(TEXT).build(),
        FunctionSpec.builder("TIME", DateFunctions::time).args(NUMBER, NUMBER, NUMBER).build(),
        FunctionSpec.builder("TIMEVALUE", DateFunctions::timeValue).arg(TEXT).build(),
        datePart("YEAR", ymd -> ymd[0]),
        datePart("MONTH", ymd -> ymd[1]),
        datePart("DAY", ymd -> ymd[2]),
        timePart("HOUR", 3600, 24),
        timePart("MINUTE", 60, 60),
        timePart("SECOND", 1, 60),
        FunctionSpec.builder("NOW", a -> Value.num(a.ctx().now())).volatileFn().build(),
        FunctionSpec.builder("TODAY", a -> Value.num(Math.floor(a.ctx().now()))).volatileFn().build(),
        FunctionSpec.builder("WEEKDAY", Weeks::weekday).arg(NUMBER).optionalArg(NUMBER, 1).build(),
        FunctionSpec.builder("WEEKNUM", Weeks::weekNum).arg(NUMBER_NOT_LOGICAL).optionalArg(NUMBER_NOT_LOGICAL, 1).build(),
        FunctionSpec.builder("ISOWEEKNUM", Weeks::isoWeekNum).arg(NUMBER).build(),
        FunctionSpec.builder("EDATE", a -> DayCounts.shiftMonths(a, false)).args(NUMBER_NOT_LOGICAL, NUMBER_NOT_LOGICAL).build(),
        FunctionSpec.builder("EOMONTH", a -> DayCounts.shiftMonths(a, true)).args(NUMBER_NOT_LOGICAL, NUMBER_NOT_LOGICAL).build(),
        FunctionSpec.builder("DAYS", DayCounts::days).args(NUMBER, NUMBER).build(),
        FunctionSpec.builder("DAYS360", DayCounts::days360).args(NUMBER, NUMBER).optionalArg(BOOLEAN, false).build(),
        FunctionSpec.builder("DATEDIF", DayCounts::dateDif).args(NUMBER, NUMBER, TEXT).build(),
        FunctionSpec.builder("YEARFRAC", DayCounts::yearFrac).args(NUMBER_NOT_LOGICAL, NUMBER_NOT_LOGICAL).optionalArg(NUMBER_NOT_LOGICAL, 0).errorPolicy(ErrorPolicy.INSPECTS_ERRORS).build(),
        FunctionSpec.builder("NETWORKDAYS", a -> Workdays.networkDays(a, false))
            .args(NUMBER, NUMBER).optionalArg(ARRAY).build(),
        FunctionSpec.builder("NETWORKDAYS.INTL", a -> Workdays.networkDays(a, true))
            .args(NUMBER, NUMBER).skippableArg(ANY, 1).optionalArg(ARRAY).build(),
        FunctionSpec.builder("WORKDAY", a -> Workdays.workday(a, false))
            .args(NUMBER, NUMBER).optionalArg(ARRAY).build(),
        FunctionSpec.builder("WORKDAY.INTL", a -> Workdays.workday(a, true))
            .args(NUMBER, NUMBER).skippableArg(ANY, 1).optionalArg(ARRAY).build());
  }

  /** YEAR, MONTH, DAY: one field of the date of a serial (the time part is ignored). */
  private static FunctionSpec datePart(String name, ToIntFunction<int[]> field) {
    return FunctionSpec.builder(name, a -> {
      DateSystem dates = a.ctx().dates();
      double d = Serials.day(dates, a.num(0));
      return Double.isNaN(d) ? Value.err(ExcelError.NUM) : Value.num(field.applyAsInt(Serials.ymd(dates, d)));
    }).arg(NUMBER).build();
  }

  /**
   * HOUR, MINUTE, SECOND: the time of day rounded to the nearest second first, so 0.999999 (23:59:59.91) is
   * midnight: SECOND gives 0, not 59.
   */
  private static FunctionSpec timePart(String name, int unitSeconds, int modulo) {
    return FunctionSpec.builder(name, a -> {
      long secs = secondOfDay(a.ctx().dates(), a.num(0));
      return secs < 0 ? Value.err(ExcelError.NUM) : Value.num(secs / unitSeconds % modulo);
    }).arg(NUMBER).build();
  }

  /** Seconds since midnight (0 .. 86399) of a serial rounded to the second; -1 when it is not a valid date. */
  static long secondOfDay(DateSystem dates, double serial) {
    if (!dates.valid(serial)) {
      return -1;
    }
    long secs = Math.round((serial - Math.floor(serial)) * SECONDS_PER_DAY);
    return secs % (long) SECONDS_PER_DAY;
  }

  /** DATE: years 0..1899 are offsets from 1900, months and days overflow into the next or previous ones. */
  static Value date(Args a) {
    DateSystem dates = a.ctx().dates();
    double y = Math.floor(a.num(0));
    if (y < 0 || y >= 10_000) {
      return Value.err(ExcelError.NUM, "year must be 0 to 9999");
    }
    double s = Serials.serial(dates, (int) y, Serials.trunc(a.num(1)), Serials.trunc(a.num(2)));
    return Double.isNaN(s) ? Value.err(ExcelError.NUM, "date out of range") : Value.num(s);
  }

  static Value dateValue(Args a) {
    DateSystem dates = a.ctx().dates();
    double s = DateText.parse(a.text(0), dates);
    if (Double.isNaN(s)) {
      return Value.err(ExcelError.VALUE, "not a date");
    }
    return dates.valid(s) ? Value.num(Math.floor(s)) : Value.err(ExcelError.VALUE, "date out of range");
  }

  /** TIME: components may overflow (TIME(25,0,0) is 1:00) but the total must not be negative. */
  static Value time(Args a) {
    double h = Math.floor(a.num(0));
    double m = Math.floor(a.num(1));
    double s = Math.floor(a.num(2));
    if (h > TIME_ARG_LIMIT || m > TIME_ARG_LIMIT || s > TIME_ARG_LIMIT) {
      return Value.err(ExcelError.NUM, "TIME arguments must be at most 32767");
    }
    double total = h * 3600 + m * 60 + s;
    if (total < 0) {
      return Value.err(ExcelError.NUM, "negative time");
    }
    return Value.num((total % SECONDS_PER_DAY) / SECONDS_PER_DAY);
  }

  static Value timeValue(Args a) {
    double s = DateText.parse(a.text(0), a.ctx().dates());
    if (Double.isNaN(s) || s < 0) {
      return Value.err(ExcelError.VALUE, "not a time");
    }
    return Value.num(s - Math.floor(s));
  }
}

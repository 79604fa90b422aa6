package xlspark.value;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads dates and times written as text ("2020-01-15", "1/15/2020", "15-Jan-2020", "12:30 PM") as serials. */
public final class DateText {
  private static final Pattern TIME = Pattern.compile(
      "(\\d{1,4}):(\\d{1,4})(?::(\\d{1,4}(?:\\.\\d+)?))?\\s*(AM|PM|A|P)?", Pattern.CASE_INSENSITIVE);
  /** An hour with AM/PM and no minutes ("6 PM"), which Excel also reads as a time. */
  private static final Pattern HOUR_AMPM = Pattern.compile("\\b(\\d{1,2})()()\\s*(AM|PM|A|P)$", Pattern.CASE_INSENSITIVE);
  private static final Pattern ISO = Pattern.compile("(\\d{4})[-/](\\d{1,2})[-/](\\d{1,2})");
  private static final Pattern US = Pattern.compile("(\\d{1,2})[-/](\\d{1,2})[-/](\\d{2,4})");
  private static final Pattern DAY_MON_YEAR = Pattern.compile("(\\d{1,2})[- ]([A-Za-z]+)[- ,]+(\\d{2,4})");
  private static final Pattern MON_DAY_YEAR = Pattern.compile("([A-Za-z]+)[- ](\\d{1,2}),?[- ]+(\\d{2,4})");
  private static final Pattern MON_YEAR = Pattern.compile("([A-Za-z]+)[- ](\\d{4})");
  private static final String[] MONTHS = {"JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT",
      "NOV", "DEC"};

  private DateText() {
  }

  /** The serial (date + fraction of day, in {@code dates}) for a date and/or time text; NaN when it is neither. */
  public static double parse(String text, DateSystem dates) {
    String s = text.trim();
    if (s.isEmpty() || s.length() > 64) {
      return Double.NaN;
    }
    Matcher t = TIME.matcher(s);
    int timeStart = -1;
    double time = 0;
    if (!(t.find() && t.end() == s.length())) {
      t = HOUR_AMPM.matcher(s);
    }
    if (t.find(0) && t.end() == s.length()) {
      time = time(t);
      if (Double.isNaN(time)) {
        return Double.NaN;
      }
      timeStart = t.start();
    }
    String datePart = timeStart < 0 ? s : s.substring(0, timeStart).trim();
    if (datePart.isEmpty()) {
      return time;
    }
    double date = date(datePart, dates);
    if (Double.isNaN(date)) {
      return Double.NaN;
    }
    return date + time;
  }

  /** Only the date part; NaN when the text is not a date. */
  public static double date(String s, DateSystem dates) {
    Matcher m = ISO.matcher(s);
    if (m.matches()) {
      return ymd(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)), dates);
    }
    m = US.matcher(s);
    if (m.matches()) {
      return ymd(year(m.group(3)), Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), dates);
    }
    m = DAY_MON_YEAR.matcher(s);
    if (m.matches()) {
      return ymd(year(m.group(3)), month(m.group(2)), Integer.parseInt(m.group(1)), dates);
    }
    m = MON_DAY_YEAR.matcher(s);
    if (m.matches()) {
      return ymd(year(m.group(3)), month(m.group(1)), Integer.parseInt(m.group(2)), dates);
    }
    m = MON_YEAR.matcher(s);
    if (m.matches()) {
      return ymd(Integer.parseInt(m.group(2)), month(m.group(1)), 1, dates);
    }
    return Double.NaN;
  }

  private static int year(String y) {
    int v = Integer.parseInt(y);
    if (y.length() <= 2) {
      return v < 30 ? 2000 + v : 1900 + v;
    }
    return v;
  }

  private static int month(String name) {
    String u = name.toUpperCase(Locale.ROOT);
    if (u.length() < 3) {
      return -1;
    }
    for (int i = 0; i < MONTHS.length; i++) {
      if (u.startsWith(MONTHS[i]) && fullMonthPrefix(u, i)) {
        return i + 1;
      }
    }
    return -1;
  }

  private static boolean fullMonthPrefix(String u, int i) {
    String[] full = {"JANUARY", "FEBRUARY", "MARCH", "APRIL", "MAY", "JUNE", "JULY", "AUGUST", "SEPTEMBER",
        "OCTOBER", "NOVEMBER", "DECEMBER"};
    return full[i].startsWith(u) || (i == 8 && u.equals("SEPT"));
  }

  private static double ymd(int y, int m, int d, DateSystem dates) {
    if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1900 || y > 9999) {
      return Double.NaN;
    }
    if (y == 1900 && m == 2 && d == 29) {
      return 60;
    }
    int maxDay = java.time.YearMonth.of(y, m).lengthOfMonth();
    if (d > maxDay) {
      return Double.NaN;
    }
    return dates.of(y, m, d);
  }

  /**
   * Excel lets the last part of a time overflow, up to four digits: "23:99", "23:9999", "0:59:99" and "0:0:9999"
   * are times (cached by Excel as 1.02708, 7.90208, 0.04212, 0.11573 days), while "60:99" (hours past 23 with
   * overflowing minutes) and "23:10000" are text. With AM/PM or three parts, minutes stay below 60.
   */
  private static double time(Matcher t) {
    int h = Integer.parseInt(t.group(1));
    int mi = t.group(2).isEmpty() ? 0 : Integer.parseInt(t.group(2));
    boolean seconds = t.group(3) != null && !t.group(3).isEmpty();
    double sec = seconds ? Double.parseDouble(t.group(3)) : 0;
    String ampm = t.group(4);
    boolean minutesOverflow = !seconds && ampm == null && h < 24;
    if (mi > 59 && !minutesOverflow || sec >= 60 && ampm != null) {
      return Double.NaN;
    }
    if (ampm != null) {
      if (h < 1 || h > 12) {
        return h == 0 ? Double.NaN : Double.NaN;
      }
      boolean pm = Character.toUpperCase(ampm.charAt(0)) == 'P';
      h = h % 12 + (pm ? 12 : 0);
    }
    return (h * 3600 + mi * 60 + sec) / 86400.0;
  }
}

package xlspark.functions.text;

import xlspark.functions.text.FormatToken.Kind;
import xlspark.value.DateSerial;
import xlspark.value.DateSystem;

/**
 * Renders a serial with a date/time section. The serial is first rounded to the shown precision (whole
 * seconds, or the fractions of a second the format shows), so 0.999999 with "hh:mm:ss" is the next day's
 * 00:00:00. Serial 0 is 1900-01-00 and serial 60 the phantom 1900-02-29, as Excel shows them.
 */
final class DateRenderer {
  private static final String[] MONTHS = {"January", "February", "March", "April", "May", "June", "July",
      "August", "September", "October", "November", "December"};
  private static final String[] DAYS = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
      "Saturday"};
  private static final long SECONDS_PER_DAY = 86_400;

  private DateRenderer() {
  }

  /** The text, or null when the serial is not a valid date (negative or after 9999-12-31). */
  static String render(FormatSection s, double serial, DateSystem dates) {
    if (!(serial >= 0)) {
      return null;
    }
    long perSecond = (long) Math.pow(10, s.subsecondDigits);
    long units = Math.round(serial * SECONDS_PER_DAY * perSecond);
    long perDay = SECONDS_PER_DAY * perSecond;
    long days = units / perDay;
    if (days > DateSerial.MAX_SERIAL) {
      return null;
    }
    long inDay = units % perDay;
    long fraction = inDay % perSecond;
    long secondOfDay = inDay / perSecond;
    int hour = (int) (secondOfDay / 3600);
    int minute = (int) (secondOfDay / 60 % 60);
    int second = (int) (secondOfDay % 60);
    int[] ymd = dates.ymd(days);
    StringBuilder out = new StringBuilder(24);
    for (FormatToken t : s.tokens) {
      String code = t.text();
      int len = code.length();
      switch (t.kind()) {
        case DATE -> {
          switch (t.letter()) {
            case 'y' -> out.append(len <= 2 ? pad(ymd[0] % 100, 2) : Integer.toString(ymd[0]));
            case 'm' -> month(out, ymd[1], len);
            case 'd' -> day(out, ymd[2], days, len, dates);
            case 'h' -> out.append(pad(s.twelveHour ? (hour + 11) % 12 + 1 : hour, Math.min(len, 2)));
            default -> out.append(pad(second, Math.min(len, 2)));
          }
        }
        case MINUTE -> out.append(pad(minute, len));
        case ELAPSED -> {
          long totalSeconds = days * SECONDS_PER_DAY + secondOfDay;
          long v = switch (t.letter()) {
            case 'h' -> totalSeconds / 3600;
            case 'm' -> totalSeconds / 60;
            default -> totalSeconds;
          };
          out.append(pad(v, len - 2));
        }
        case AMPM -> {
          boolean pm = hour >= 12;
          boolean full = len == 5;
          // AM/PM shows upper case however the code is written (Excel's "h am/pm" is "2 PM"); A/P keeps its case
          String mark = full ? (pm ? "PM" : "AM") : pm ? code.substring(2, 3) : code.substring(0, 1);
          out.append(mark);
        }
        case SUBSECOND -> {
          String digits = pad(fraction, s.subsecondDigits);
          out.append('.').append(digits, 0, len - 1);
        }
        default -> out.append(code);
      }
    }
    return out.toString();
  }

  private static void month(StringBuilder out, int month, int len) {
    String name = MONTHS[month - 1];
    if (len <= 2) {
      out.append(pad(month, len));
    } else if (len == 3) {
      out.append(name, 0, 3);
    } else if (len == 5) {
      out.append(name.charAt(0));
    } else {
      out.append(name);
    }
  }

  private static void day(StringBuilder out, int day, long serial, int len, DateSystem dates) {
    if (len <= 2) {
      out.append(pad(day, len));
      return;
    }
    String name = DAYS[(int) Math.floorMod(serial + dates.offset1900() - 1, 7L)];
    out.append(len == 3 ? name.substring(0, 3) : name);
  }

  private static String pad(long v, int width) {
    String s = Long.toString(v);
    return s.length() >= width ? s : "0".repeat(width - s.length()) + s;
  }
}

package xlspark.spark;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Turns cell contents into the values formulas see. Text cells (CSV, {@code --var}) are typed the way Excel
 * types what is entered into a cell; typed columns (Parquet, JSON, xlsx) keep their type, with dates and
 * timestamps becoming Excel date serials.
 */
public final class CellTyping {
  /** Plain decimals with optional exponent, thousands grouping and a trailing percent sign, as Excel accepts. */
  private static final Pattern NUMBER = Pattern.compile(
      "[+-]?(?:\\d{1,3}(?:,\\d{3})+|\\d+)?(?:\\.\\d*)?(?:[eE][+-]?\\d+)?%?");
  /** Excel's day zero for serials after 1900-02-28 (it counts the nonexistent 1900-02-29). */
  private static final LocalDate EPOCH = LocalDate.of(1899, 12, 30);

  private CellTyping() {}

  /**
   * Types a text cell: empty is blank (null), TRUE/FALSE in any case are booleans, a number (also
   * {@code 1,234.5}, {@code 1e3}, {@code 50%}) is a Double, anything else stays text.
   */
  public static Object fromText(String text) {
    if (text == null || text.isEmpty()) {
      return null;
    }
    String t = text.strip();
    if (t.equalsIgnoreCase("TRUE")) {
      return Boolean.TRUE;
    }
    if (t.equalsIgnoreCase("FALSE")) {
      return Boolean.FALSE;
    }
    if (!t.isEmpty() && hasDigit(t) && NUMBER.matcher(t).matches()) {
      boolean percent = t.endsWith("%");
      String digits = (percent ? t.substring(0, t.length() - 1) : t).replace(",", "");
      double d = Double.parseDouble(digits);
      if (Double.isFinite(d)) {
        return percent ? d / 100 : d;
      }
    }
    return text;
  }

  /** Whether {@link #fromText} reads this text as a number. */
  public static boolean isNumber(String text) {
    return fromText(text) instanceof Double;
  }

  /** Converts a typed column value (Spark's external Row types) to what the engine takes. */
  public static Object fromTyped(Object value, ZoneId zone) {
    if (value == null || value instanceof String || value instanceof Boolean || value instanceof Double) {
      return value;
    }
    if (value instanceof BigDecimal b) {
      return b.doubleValue();
    }
    if (value instanceof Number n) {
      return n.doubleValue();
    }
    if (value instanceof Date d) {
      return dateSerial(d.toLocalDate());
    }
    if (value instanceof LocalDate d) {
      return dateSerial(d);
    }
    if (value instanceof Timestamp t) {
      return dateTimeSerial(t.toInstant(), zone);
    }
    if (value instanceof Instant i) {
      return dateTimeSerial(i, zone);
    }
    if (value instanceof LocalDateTime t) {
      return dateTimeSerial(t.atZone(zone).toInstant(), zone);
    }
    return value.toString();
  }

  static double dateSerial(LocalDate date) {
    return ChronoUnit.DAYS.between(EPOCH, date);
  }

  static double dateTimeSerial(Instant instant, ZoneId zone) {
    LocalDateTime t = LocalDateTime.ofInstant(instant, zone);
    return dateSerial(t.toLocalDate()) + t.toLocalTime().toNanoOfDay() / 86_400e9;
  }

  private static boolean hasDigit(String t) {
    for (int i = 0; i < t.length(); i++) {
      if (Character.isDigit(t.charAt(i)) && t.charAt(i) < 128) {
        return true;
      }
    }
    return false;
  }

  static String upper(String name) {
    return name.toUpperCase(Locale.ROOT);
  }
}

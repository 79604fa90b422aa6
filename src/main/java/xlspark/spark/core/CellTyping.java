package xlspark.spark.core;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import xlspark.formula.Names;
import xlspark.value.Coerce;
import xlspark.value.DateSerial;
import xlspark.value.Value;

/**
 * Turns cell contents into the values formulas see. Text cells (CSV, {@code --var}) are typed the way Excel
 * types what is entered into a cell; typed columns (Parquet, JSON, xlsx) keep their type, with dates and
 * timestamps becoming Excel date serials.
 */
public final class CellTyping {
  private CellTyping() {}

  /**
   * Types a text cell with the engine's one cell typing ({@link Coerce#typeCell}, which the golden tests use too):
   * empty is blank (null), TRUE/FALSE in any case are booleans, a number (also {@code 1,234.5}, {@code 1e3},
   * {@code 50%}) is a Double, an error literal such as {@code #N/A} is that error value, anything else stays text.
   */
  public static Object fromText(String text) {
    Value v = Coerce.typeCell(text);
    if (v instanceof Value.Num n) {
      return n.v();
    }
    if (v instanceof Value.Bool b) {
      return b.b();
    }
    if (v instanceof Value.Err) {
      return v;
    }
    return v instanceof Value.Blank ? null : text;
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

  /** Excel's serial of a date ({@link DateSerial}, the engine's one conversion: 1900-01-01 is 1). */
  static double dateSerial(LocalDate date) {
    return DateSerial.of(date);
  }

  static double dateTimeSerial(Instant instant, ZoneId zone) {
    return DateSerial.of(LocalDateTime.ofInstant(instant, zone));
  }

  /** A column's variable name ({@link Names#fold}, the lexer's rule). */
  static String upper(String name) {
    return Names.fold(name);
  }
}

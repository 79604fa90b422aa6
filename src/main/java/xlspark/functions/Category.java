package xlspark.functions;

import java.util.Arrays;
import java.util.Locale;

/**
 * The category a function is filed under: its name in {@code xlspark functions} and the golden file that tests it
 * ({@code golden/<name>.csv}). The registry files every spec of a category class under one constant.
 */
public enum Category {
  MATH("math"),
  STATISTICAL("statistical"),
  TEXT("text"),
  LOGICAL("logical"),
  INFORMATION("information"),
  DATETIME("datetime"),
  LOOKUP("lookup"),
  FINANCIAL("financial"),
  CRITERIA("criteria"),
  WEB("web"),
  REFERENCE("reference"),
  ENGINEERING("engineering"),
  DATABASE("database");

  private final String id;

  Category(String id) {
    this.id = id;
  }

  /** The lower-case name (math, statistical, datetime...). */
  public String id() {
    return id;
  }

  /** The category of a name, case-insensitive; an unknown name is an error that lists the known ones. */
  public static Category of(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    for (Category c : values()) {
      if (c.id.equals(n)) {
        return c;
      }
    }
    throw new IllegalArgumentException("no function category '" + name + "' (one of "
        + Arrays.toString(values()) + ")");
  }

  @Override
  public String toString() {
    return id;
  }
}

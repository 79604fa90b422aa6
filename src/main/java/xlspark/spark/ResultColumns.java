package xlspark.spark;

import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** Names and types of the result columns {@code type, value, number, message}, with the optional prefix. */
public record ResultColumns(String prefix) implements Serializable {
  public static final List<String> BASE_NAMES = List.of("type", "value", "number", "message");
  /** Internal column holding the 0-based input row index (see {@link #rowIndexName}); sorted on, never written. */
  public static final String ROW_INDEX = "__xlspark_row";
  /** Spark's column for lines the CSV/JSON reader could not parse. */
  public static final String CORRUPT_RECORD = "_corrupt_record";

  public ResultColumns {
    prefix = prefix == null ? "" : prefix;
  }

  public String type() { return prefix + "type"; }
  public String value() { return prefix + "value"; }
  public String number() { return prefix + "number"; }
  public String message() { return prefix + "message"; }

  public List<String> names() {
    return List.of(type(), value(), number(), message());
  }

  public List<StructField> fields() {
    return List.of(
        DataTypes.createStructField(type(), DataTypes.StringType, false),
        DataTypes.createStructField(value(), DataTypes.StringType, true),
        DataTypes.createStructField(number(), DataTypes.DoubleType, true),
        DataTypes.createStructField(message(), DataTypes.StringType, true));
  }

  /** The struct {@code xl_eval} returns. */
  public static StructType struct() {
    return DataTypes.createStructType(new ResultColumns("").fields());
  }

  /**
   * The name of the row index column for an input with these columns: {@link #ROW_INDEX}, with a number added
   * while an input column has that name (in any case, as Spark resolves names), so that no user name is ever
   * taken for it, dropped, or made ambiguous.
   */
  public static String rowIndexName(StructType input) {
    java.util.Set<String> taken = new java.util.HashSet<>();
    for (String n : input.fieldNames()) {
      taken.add(n.toLowerCase(Locale.ROOT));
    }
    String name = ROW_INDEX;
    for (int k = 2; taken.contains(name.toLowerCase(Locale.ROOT)); k++) {
      name = ROW_INDEX + "_" + k;
    }
    return name;
  }

  /** Fails when an input column has the name of a result column (case-insensitive, as Spark resolves). */
  public void checkNoClash(StructType input) {
    for (String n : input.fieldNames()) {
      for (String r : names()) {
        if (n.toLowerCase(Locale.ROOT).equals(r.toLowerCase(Locale.ROOT))) {
          throw new UsageException("input column '" + n + "' has the name of a result column; rename it or "
              + "use --result-prefix (e.g. --result-prefix xl_)");
        }
      }
    }
  }
}

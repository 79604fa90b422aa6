package xlspark.spark.core;

import java.io.Serializable;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import xlspark.formula.Names;

/** Names and types of the result columns {@code type, value, number, message}, with the optional prefix. */
public record ResultColumns(String prefix) implements Serializable {
  public static final List<String> BASE_NAMES = List.of("type", "value", "number", "message");
  /** Internal column holding the 0-based input row index (see {@link #rowIndexName}); sorted on, never written. */
  public static final String ROW_INDEX = "__xlspark_row";
  /**
   * The internal column holding the raw text of a line the CSV or JSON reader could not parse (Spark's
   * {@code columnNameOfCorruptRecord}, set by xlspark, never Spark's default {@code _corrupt_record}, which is a
   * user's name like any other); named apart from the input's columns by {@link #internalName}, never written.
   */
  public static final String CORRUPT_RECORD = "__xlspark_malformed";

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

  /** The name of the row index column for an input with these columns ({@link #internalName}). */
  public static String rowIndexName(StructType input) {
    return internalName(ROW_INDEX, input.fieldNames());
  }

  /**
   * The name of an internal column for an input with columns {@code taken}: {@code base}, with a number added
   * ({@code base_2}, {@code base_3}...) while an input column has that name by {@link Names#same} (the one fold, which
   * also folds alike every two names Spark's case-insensitive resolution takes for one), so that no user name is
   * ever taken for it, dropped with it, or made ambiguous.
   */
  public static String internalName(String base, String... taken) {
    Set<String> folded = new HashSet<>();
    for (String n : taken) {
      folded.add(Names.fold(n));
    }
    String name = base;
    for (int k = 2; folded.contains(Names.fold(name)); k++) {
      name = base + "_" + k;
    }
    return name;
  }

  /**
   * A column by its exact name: Spark's {@code col("a.b")} reads a dot as a field access and backticks as quoting,
   * so a user's column named {@code g.x} or {@code `g`} must be quoted whole.
   */
  public static Column column(String name) {
    return functions.col("`" + name.replace("`", "``") + "`");
  }

  /** Fails when an input column has the name of a result column ({@link Names#same}, as formulas name columns). */
  public void checkNoClash(StructType input) {
    for (String n : input.fieldNames()) {
      for (String r : names()) {
        if (Names.same(n, r)) {
          throw new UsageException("input column '" + n + "' has the name of a result column; rename it or "
              + "use --result-prefix (e.g. --result-prefix xl_)");
        }
      }
    }
  }
}

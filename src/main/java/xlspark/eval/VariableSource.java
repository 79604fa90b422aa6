package xlspark.eval;

/**
 * Supplies the values of the variables a formula names (input columns and {@code --var} constants).
 * Names arrive folded ({@link xlspark.formula.Names#fold}); implementations key their names by the same fold.
 * A value is a Java {@code Double}/{@code Number}, {@code String}, {@code Boolean}, or null for blank.
 */
public interface VariableSource {
  /** Sentinel returned by {@link #lookup} when no variable of that name exists. */
  Object UNKNOWN = xlspark.compile.Template.Variables.UNKNOWN;

  /** @return the value, null for a blank cell, or {@link #UNKNOWN}. */
  Object lookup(String upperCaseName);

  VariableSource NONE = name -> UNKNOWN;
}

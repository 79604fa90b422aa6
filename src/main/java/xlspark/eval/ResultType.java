package xlspark.eval;

/** The kind of value a formula produced, as written to the {@code type} output column. */
public enum ResultType { NUMBER, TEXT, BOOLEAN, ERROR, BLANK }

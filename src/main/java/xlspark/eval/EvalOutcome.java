package xlspark.eval;

import java.io.Serializable;

/**
 * The result of evaluating one formula: what the job writes to the {@code type}, {@code value},
 * {@code number} and {@code message} columns.
 *
 * @param type    the result kind
 * @param value   the display text (numbers in shortest round-trip form, errors as Excel writes them)
 * @param number  the numeric value when {@code type} is NUMBER, otherwise null
 * @param message why, for errors (syntax error with its column, limit hit, failing function); else null
 */
public record EvalOutcome(ResultType type, String value, Double number, String message) implements Serializable {

  public boolean isError() {
    return type == ResultType.ERROR;
  }
}

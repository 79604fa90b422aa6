package xlspark.functions.financial;

import xlspark.functions.Args;
import xlspark.functions.Param;
import xlspark.value.DateSystem;
import xlspark.value.ExcelError;
import xlspark.value.Value;

/**
 * Reads the arguments the securities functions share, with Excel's rules: dates are truncated to whole days
 * and must lie in 1900-01-00 .. 9999-12-31; the basis (default 0) is truncated and must be 0..4; the frequency is
 * truncated and must be 1, 2 or 4. Each reader returns an invalid marker (NaN, -1) that the caller turns into
 * #NUM! with {@link #num}.
 */
final class SecurityTerms {
  private SecurityTerms() {
  }

  /** A date argument as a whole-day serial of the run's date system, or NaN when it is no valid date. */
  static double date(Args a, Param p) {
    DateSystem dates = a.ctx().dates();
    double d = Math.floor(a.number(p));
    return dates.valid(d) ? d : Double.NaN;
  }

  /** The basis argument (default 0 in the spec): 0..4, or -1 when invalid. */
  static int basis(Args a, Param p) {
    double b = Math.floor(a.number(p));
    return b >= 0 && b <= 4 ? (int) b : -1;
  }

  /** The frequency argument: 1, 2 or 4, or -1 when invalid. */
  static int frequency(Args a, Param p) {
    double f = Math.floor(a.number(p));
    return f == 1 || f == 2 || f == 4 ? (int) f : -1;
  }

  /** True when two dates are valid and the first is before the second. */
  static boolean ordered(double first, double second) {
    return !Double.isNaN(first) && !Double.isNaN(second) && first < second;
  }

  static Value num(String why) {
    return Value.err(ExcelError.NUM, why);
  }
}

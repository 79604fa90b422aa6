package xlspark.functions.database;

import static xlspark.functions.ArgKind.ANY;
import static xlspark.functions.ArgKind.ARRAY;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import xlspark.functions.Args;
import xlspark.functions.FunctionSpec;
import xlspark.value.Coerce;
import xlspark.value.ExcelError;
import xlspark.value.Value;
import xlspark.value.Value.Arr;
import xlspark.value.Value.Blank;
import xlspark.value.Value.Err;
import xlspark.value.Value.Num;

/**
 * Excel's database functions, {@code Dxxx(database, field, criteria)}: the field column of the records that
 * meet the criteria ({@link DatabaseQuery}), aggregated. Only numbers count (text and logical values in the
 * column are skipped, as SUM skips them in a range); an error in a counted cell is the result. DCOUNT and
 * DCOUNTA with an empty field count the matching records. A field that names no column is #VALUE!.
 */
public final class DatabaseFunctions {
  private DatabaseFunctions() {
  }

  public static List<FunctionSpec> specs() {
    return List.of(
        numeric("DSUM", x -> Coerce.number(sum(x))),
        numeric("DAVERAGE", x -> x.length == 0 ? Value.err(ExcelError.DIV0, "no numbers")
            : Coerce.number(sum(x) / x.length)),
        numeric("DMIN", x -> Coerce.number(extreme(x, -1))),
        numeric("DMAX", x -> Coerce.number(extreme(x, 1))),
        numeric("DPRODUCT", x -> Coerce.number(product(x))),
        numeric("DVAR", x -> variance(x, true, false)),
        numeric("DVARP", x -> variance(x, false, false)),
        numeric("DSTDEV", x -> variance(x, true, true)),
        numeric("DSTDEVP", x -> variance(x, false, true)),
        spec("DCOUNT", a -> count(a, false)),
        spec("DCOUNTA", a -> count(a, true)),
        spec("DGET", DatabaseFunctions::get));
  }

  private static FunctionSpec spec(String name, FunctionSpec.Body body) {
    return FunctionSpec.builder(name, body).args(ARRAY, ANY, ARRAY).build();
  }

  /** The field's cells of the matching records, or the error that stopped the query. */
  private record Selection(Value[] cells, Value error) {
  }

  /** A function of the numbers in the field column of the matching records. */
  private static FunctionSpec numeric(String name, Function<double[], Value> f) {
    return spec(name, a -> {
      Selection s = select(a, false);
      if (s.error() != null) {
        return s.error();
      }
      double[] x = new double[s.cells().length];
      int n = 0;
      for (Value v : s.cells()) {
        if (v instanceof Err e) {
          return e;
        }
        if (v instanceof Num num) {
          x[n++] = num.v();
        }
      }
      return f.apply(Arrays.copyOf(x, n));
    });
  }

  /**
   * Runs the query. With {@code emptyFieldCounts} (DCOUNT, DCOUNTA) an empty field selects the records
   * themselves: each matching record gives TRUE.
   */
  private static Selection select(Args a, boolean emptyFieldCounts) {
    if (!(a.get(0) instanceof Arr db) || !(a.get(2) instanceof Arr criteria)) {
      return new Selection(null, Value.err(ExcelError.VALUE, "database and criteria must be ranges or arrays"));
    }
    if (a.get(1) instanceof Err e) {
      return new Selection(null, e);
    }
    boolean wholeRecord = emptyFieldCounts && a.get(1) instanceof Blank;
    int column = wholeRecord ? -1 : DatabaseQuery.column(db, a.get(1));
    if (column < 0 && !wholeRecord) {
      return new Selection(null, Value.err(ExcelError.VALUE, "the field names no database column"));
    }
    Value[] err = new Value[1];
    DatabaseQuery q = DatabaseQuery.of(db, criteria, err, a.ctx().budget());
    if (q == null) {
      return new Selection(null, err[0]);
    }
    List<Integer> rows = q.matches(a.ctx());
    Value[] out = new Value[rows.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = wholeRecord ? Value.TRUE : db.get(rows.get(i), column);
    }
    return new Selection(out, null);
  }

  /** DCOUNT counts numbers, DCOUNTA non-blank cells; with an empty field, the matching records. */
  private static Value count(Args a, boolean nonBlank) {
    Selection s = select(a, true);
    if (s.error() != null) {
      return s.error();
    }
    boolean wholeRecord = a.get(1) instanceof Blank;
    int n = 0;
    for (Value v : s.cells()) {
      if (wholeRecord || (nonBlank ? !(v instanceof Blank) : v instanceof Num)) {
        n++;
      }
    }
    return Value.num(n);
  }

  /**
   * DGET: the field of the one matching record; #VALUE! when none matches, #NUM! when several do. Matching
   * records whose field is blank do not count against a single filled one (Apache POI's DGet.xls, checked in
   * Excel).
   */
  private static Value get(Args a) {
    Selection s = select(a, false);
    if (s.error() != null) {
      return s.error();
    }
    if (s.cells().length == 0) {
      return Value.err(ExcelError.VALUE, "no record meets the criteria");
    }
    Value found = null;
    for (Value v : s.cells()) {
      if (v instanceof Blank) {
        continue;
      }
      if (found != null) {
        return Value.err(ExcelError.NUM, "more than one record meets the criteria");
      }
      found = v;
    }
    return found == null ? Value.BLANK : found;
  }

  private static double sum(double[] x) {
    double s = 0;
    for (double d : x) {
      s += d;
    }
    return s;
  }

  private static double product(double[] x) {
    if (x.length == 0) {
      return 0;
    }
    double p = 1;
    for (double d : x) {
      p *= d;
    }
    return p;
  }

  /** The minimum (sign -1) or maximum (sign 1), 0 when there are no numbers. */
  private static double extreme(double[] x, int sign) {
    if (x.length == 0) {
      return 0;
    }
    double m = x[0];
    for (double d : x) {
      m = sign > 0 ? Math.max(m, d) : Math.min(m, d);
    }
    return m;
  }

  private static Value variance(double[] x, boolean sample, boolean root) {
    int n = x.length;
    if (n < (sample ? 2 : 1)) {
      return Value.err(ExcelError.DIV0, sample ? "needs at least two numbers" : "no numbers");
    }
    double mean = sum(x) / n;
    double s = 0;
    for (double d : x) {
      s += (d - mean) * (d - mean);
    }
    double v = s / (sample ? n - 1 : n);
    return Coerce.number(root ? Math.sqrt(v) : v);
  }
}

package xlspark.functions.database;

import java.util.ArrayList;
import java.util.List;
import xlspark.formula.Names;
import xlspark.functions.EvalContext;
import xlspark.functions.criteria.Criterion;
import xlspark.value.Budget;
import xlspark.value.Coerce;
import xlspark.value.ExcelError;
import xlspark.value.NumberText;
import xlspark.value.TextNumbers;
import xlspark.value.Value;
import xlspark.value.Value.Arr;
import xlspark.value.Value.Blank;
import xlspark.value.Value.Bool;
import xlspark.value.Value.Err;
import xlspark.value.Value.Num;
import xlspark.value.Value.Text;

/**
 * The records of a database (a range or array whose first row holds the column labels) that meet a criteria
 * range, with Excel's rules: the criteria range's first row names database columns (case-insensitive); the
 * conditions of one criteria row must all hold (AND), one of the rows must hold (OR); a blank condition holds for
 * every record. A condition is a value or text with an optional comparison operator, as in COUNTIF, except that
 * plain text without an operator means "begins with" (Dav finds Davolio and David) as in Excel's advanced filter;
 * {@code ="=Dav"} asks for exactly Dav.
 */
final class DatabaseQuery {
  /** One condition of a criteria row: a database column and what its value must meet. */
  private record Condition(int column, Criterion criterion) {
  }

  private final Arr database;
  private final List<List<Condition>> rows;

  private DatabaseQuery(Arr database, List<List<Condition>> rows) {
    this.database = database;
    this.rows = rows;
  }

  /**
   * The query of a criteria range over a database, or null with the reason in {@code err[0]}: a criteria range
   * without a condition row is #VALUE!; so is a condition under a label that names no database column (Excel's
   * computed criteria, a formula evaluated for each record, need the formula itself, which a value does not carry).
   */
  static DatabaseQuery of(Arr database, Arr criteria, Value[] err, Budget budget) {
    if (criteria.rows() < 2) {
      err[0] = Value.err(ExcelError.VALUE, "the criteria range needs a row of labels and at least one condition row");
      return null;
    }
    int[] columnOf = new int[criteria.cols()];
    for (int c = 0; c < criteria.cols(); c++) {
      columnOf[c] = column(database, criteria.get(0, c));
    }
    List<List<Condition>> rows = new ArrayList<>();
    for (int r = 1; r < criteria.rows(); r++) {
      List<Condition> row = new ArrayList<>();
      for (int c = 0; c < criteria.cols(); c++) {
        Value v = criteria.get(r, c);
        if (isBlank(v)) {
          continue;
        }
        if (columnOf[c] < 0) {
          err[0] = Value.err(ExcelError.VALUE, "criteria label \"" + Coerce.toText(criteria.get(0, c))
              + "\" names no database column (computed criteria are not supported)");
          return null;
        }
        row.add(new Condition(columnOf[c], condition(v, budget)));
      }
      rows.add(row);
    }
    return new DatabaseQuery(database, rows);
  }

  private static boolean isBlank(Value v) {
    return v instanceof Blank || v instanceof Text t && t.s().isEmpty();
  }

  /** Plain text without an operator is a prefix: "Dav" is "Dav*". */
  private static Criterion condition(Value v, Budget budget) {
    if (v instanceof Text t) {
      String s = t.s();
      char first = s.charAt(0);
      boolean operator = first == '=' || first == '<' || first == '>';
      boolean special = !Double.isNaN(TextNumbers.parse(s, budget.dates())) || s.equalsIgnoreCase("TRUE")
          || s.equalsIgnoreCase("FALSE") || ExcelError.fromText(s) != null;
      if (!operator && !special) {
        return Criterion.of(Value.text(s + "*"), budget);
      }
    }
    return Criterion.of(v, budget);
  }

  /**
   * The 0-based column a field names: a label (case-insensitive) or a 1-based number; -1 when there is none.
   */
  static int column(Arr database, Value field) {
    if (field instanceof Num n) {
      double i = Math.floor(n.v());
      return i >= 1 && i <= database.cols() ? (int) i - 1 : -1;
    }
    if (field instanceof Bool || field instanceof Err || isBlank(field)) {
      return -1;
    }
    String label = label(field);
    for (int c = 0; c < database.cols(); c++) {
      Value h = database.get(0, c);
      if (!isBlank(h) && !(h instanceof Err) && label(h).equals(label)) {
        return c;
      }
    }
    return -1;
  }

  private static String label(Value v) {
    String s = v instanceof Num n ? NumberText.general(n.v()) : ((Text) Coerce.toText(v)).s();
    return Names.fold(s);
  }

  /** The database rows (1-based, after the labels) whose record meets the criteria. */
  List<Integer> matches(EvalContext ctx) {
    List<Integer> out = new ArrayList<>();
    int conditions = 0;
    for (List<Condition> row : rows) {
      conditions += row.size();
    }
    for (int r = 1; r < database.rows(); r++) {
      ctx.spend(1 + conditions);
      if (meets(r)) {
        out.add(r);
      }
    }
    return out;
  }

  private boolean meets(int r) {
    for (List<Condition> row : rows) {
      boolean all = true;
      for (Condition c : row) {
        if (!c.criterion().matches(database.get(r, c.column()))) {
          all = false;
          break;
        }
      }
      if (all) {
        return true;
      }
    }
    return false;
  }
}

package xlspark.compile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import xlspark.formula.ast.Expr;
import xlspark.functions.EvalContext;
import xlspark.functions.FunctionSpec;
import xlspark.functions.library.FunctionRegistry;
import xlspark.value.Coerce;
import xlspark.value.DateSystem;
import xlspark.value.ExcelError;
import xlspark.value.Ops;
import xlspark.value.Value;

/**
 * GROUPBY and PIVOTBY for the {@link Interpreter}: rows grouped by the distinct values of their row (and column)
 * fields, each group's values aggregated by a function given as a LAMBDA or by name ({@code SUM}, Excel's
 * {@code _xleta.SUM}). A function of two parameters (PERCENTOF, or a LAMBDA of two) receives the group's values and
 * all values. Supported: field_headers 0-3 (missing: headers when the values' first row is text over a row that is
 * not), total depth 0, 1 and -1 (grand total below or above; subtotals of deeper levels are #VALUE!), sort order
 * +/-column (GROUPBY: any output column; PIVOTBY: the keys), filter_array. PIVOTBY takes one values column and one
 * column field; relative_to and field_relationship 1 are not supported (#VALUE!).
 */
final class Grouping {
  private final Lambdas lambdas;
  private final FunctionRegistry registry;

  Grouping(Lambdas lambdas, FunctionRegistry registry) {
    this.lambdas = lambdas;
    this.registry = registry;
  }

  /** Key order: numbers, text (without case), logical values, errors; blanks last. */
  private static final Comparator<Value> CELL = (x, y) -> {
    int rx = x instanceof Value.Blank ? 9 : Ops.typeOrder(x);
    int ry = y instanceof Value.Blank ? 9 : Ops.typeOrder(y);
    if (rx != ry) {
      return Integer.compare(rx, ry);
    }
    if (x instanceof Value.Err ex) {
      return Integer.compare(ex.code().ordinal(), ((Value.Err) y).code().ordinal());
    }
    return rx == 9 ? 0 : Ops.compare(x, y);
  };

  private static final Comparator<Value[]> KEY = (p, q) -> {
    for (int i = 0; i < p.length; i++) {
      int c = CELL.compare(p[i], q[i]);
      if (c != 0) {
        return c;
      }
    }
    return 0;
  };

  private static Value.Err unsupported(String what) {
    return Value.err(ExcelError.VALUE, what + " is not supported");
  }

  /** The function argument: a registry function named bare, else a LAMBDA (or an error value). */
  private Object function(Expr e, Value[] literals, Template.Variables vars, EvalContext ctx) {
    if (e instanceof Expr.Var v && !(vars.lookup(v.name()) instanceof Lambdas.Closure)) {
      FunctionSpec s = registry.lookup(FunctionRegistry.bareName(v.name()));
      if (s != null) {
        return s;
      }
    }
    return lambdas.evalAny(e, literals, vars, ctx);
  }

  /** Aggregates one group's values (a column) with the function; the result must be one value. */
  private Value aggregate(Object f, Value[] part, Value[] all, int depth, EvalContext ctx) {
    Value.Arr p = new Value.Arr(part.length, 1, part);
    Value.Arr w = new Value.Arr(all.length, 1, all);
    Value v;
    if (f instanceof FunctionSpec s) {
      v = s.name().equals("PERCENTOF") ? s.invoke(new Value[] {p, w}, ctx) : s.invoke(new Value[] {p}, ctx);
    } else if (f instanceof Lambdas.Closure c && (c.params().size() == 1 || c.params().size() == 2)) {
      Object[] args = c.params().size() == 1 ? new Object[] {p} : new Object[] {p, w};
      v = Lambdas.value(lambdas.invoke(c, args, depth, ctx));
    } else {
      return Value.err(ExcelError.VALUE, "the function must be a function's name or a LAMBDA of one or two parameters");
    }
    if (v instanceof Value.Arr arr) {
      return arr.size() == 1 ? arr.cells()[0] : Value.err(ExcelError.CALC, "the function must return one value");
    }
    return v;
  }

  private static Value.Arr array(Value v) {
    return v instanceof Value.Arr arr ? arr : new Value.Arr(1, 1, new Value[] {v});
  }

  /** Header mode 0-3; missing: 3 when the values' first row is all text over a second row that is not, else 0. */
  private static int headers(Value given, Value.Arr values, DateSystem dates) {
    if (given == null || given == Value.MISSING) {
      if (values.rows() < 2) {
        return 0;
      }
      boolean textFirst = true;
      boolean textSecond = true;
      for (int c = 0; c < values.cols(); c++) {
        textFirst &= values.get(0, c) instanceof Value.Text;
        textSecond &= values.get(1, c) instanceof Value.Text;
      }
      return textFirst && !textSecond ? 3 : 0;
    }
    Value n = Coerce.toNumber(given, dates);
    return n instanceof Value.Num x && x.v() >= 0 && x.v() <= 3 ? (int) x.v() : -1;
  }

  private static int integer(Value v, int absent, DateSystem dates) {
    if (v == null || v == Value.MISSING) {
      return absent;
    }
    Value n = Coerce.toNumber(Coerce.scalar(v), dates);
    return n instanceof Value.Num x ? (int) x.v() : Integer.MIN_VALUE;
  }

  private Value arg(List<Expr> a, int i, Value[] literals, Template.Variables vars, EvalContext ctx) {
    return i < a.size() ? lambdas.valueOf(a.get(i), literals, vars, ctx) : null;
  }

  /** The rows kept: past the header row, and TRUE in filter_array where one is given. */
  private static List<Integer> keptRows(int rows, int first, Value filter) {
    List<Integer> kept = new ArrayList<>();
    Value.Arr f = filter == null || filter == Value.MISSING ? null : array(filter);
    for (int r = first; r < rows; r++) {
      if (f != null) {
        Value b = Coerce.toBool(f.broadcastGet(r, 0));
        if (!(b instanceof Value.Bool x) || !x.b()) {
          continue;
        }
      }
      kept.add(r);
    }
    return kept;
  }

  Value groupBy(List<Expr> a, Value[] literals, Template.Variables vars, EvalContext ctx) {
    Value.Arr keys = array(lambdas.valueOf(a.get(0), literals, vars, ctx));
    Value.Arr values = array(lambdas.valueOf(a.get(1), literals, vars, ctx));
    Object f = function(a.get(2), literals, vars, ctx);
    if (f instanceof Value.Err e) {
      return e;
    }
    if (keys.rows() != values.rows()) {
      return Value.err(ExcelError.VALUE, "row_fields and values differ in height");
    }
    int mode = headers(arg(a, 3, literals, vars, ctx), values, ctx.dates());
    int depth = integer(arg(a, 4, literals, vars, ctx), 1, ctx.dates());
    int sort = integer(arg(a, 5, literals, vars, ctx), 1, ctx.dates());
    Value filter = arg(a, 6, literals, vars, ctx);
    int relationship = integer(arg(a, 7, literals, vars, ctx), 0, ctx.dates());
    if (mode < 0 || Math.abs(depth) > 2 || sort == Integer.MIN_VALUE || relationship < 0 || relationship > 1) {
      return Value.err(ExcelError.VALUE, "field_headers, total_depth, sort_order or field_relationship out of range");
    }
    int k = keys.cols();
    int v = values.cols();
    if (Math.abs(depth) == 2 && k > 1) {
      return unsupported("GROUPBY: subtotals (total_depth 2)");
    }
    if (sort == 0 || Math.abs(sort) > k + v) {
      return Value.err(ExcelError.VALUE, "sort_order names no column");
    }
    boolean hasHeaders = mode == 1 || mode == 3;
    boolean showHeaders = mode == 2 || mode == 3;
    List<Integer> kept = keptRows(keys.rows(), hasHeaders ? 1 : 0, filter);
    TreeMap<Value[], List<Integer>> groups = new TreeMap<>(KEY);
    for (int r : kept) {
      Value[] key = new Value[k];
      for (int c = 0; c < k; c++) {
        key[c] = keys.get(r, c);
      }
      groups.computeIfAbsent(key, x -> new ArrayList<>()).add(r);
      ctx.spend(k);
    }
    int lambdaDepth = Lambdas.depth(vars);
    List<Value[]> body = new ArrayList<>();
    Value[][] allByColumn = new Value[v][];
    for (int c = 0; c < v; c++) {
      allByColumn[c] = column(values, kept, c);
    }
    for (var g : groups.entrySet()) {
      Value[] row = Arrays.copyOf(g.getKey(), k + v);
      for (int c = 0; c < v; c++) {
        row[k + c] = aggregate(f, column(values, g.getValue(), c), allByColumn[c], lambdaDepth, ctx);
      }
      body.add(row);
    }
    int sortCol = Math.abs(sort) - 1;
    Comparator<Value[]> order = (p, q) -> CELL.compare(p[sortCol], q[sortCol]);
    body.sort(sort < 0 ? order.reversed() : order);
    List<Value[]> out = new ArrayList<>();
    if (showHeaders) {
      Value[] h = new Value[k + v];
      for (int c = 0; c < k; c++) {
        h[c] = mode == 3 ? keys.get(0, c) : Value.text("Row Field " + (c + 1));
      }
      for (int c = 0; c < v; c++) {
        h[k + c] = mode == 3 ? values.get(0, c) : Value.text("Value " + (c + 1));
      }
      out.add(h);
    }
    Value[] total = null;
    if (depth != 0) {
      total = new Value[k + v];
      Arrays.fill(total, Value.BLANK);
      total[0] = Value.text("Total");
      for (int c = 0; c < v; c++) {
        total[k + c] = aggregate(f, allByColumn[c], allByColumn[c], lambdaDepth, ctx);
      }
    }
    if (total != null && depth < 0) {
      out.add(total);
    }
    out.addAll(body);
    if (total != null && depth > 0) {
      out.add(total);
    }
    return table(out, k + v, ctx);
  }

  Value pivotBy(List<Expr> a, Value[] literals, Template.Variables vars, EvalContext ctx) {
    Value.Arr rowKeys = array(lambdas.valueOf(a.get(0), literals, vars, ctx));
    Value.Arr colKeys = array(lambdas.valueOf(a.get(1), literals, vars, ctx));
    Value.Arr values = array(lambdas.valueOf(a.get(2), literals, vars, ctx));
    Object f = function(a.get(3), literals, vars, ctx);
    if (f instanceof Value.Err e) {
      return e;
    }
    if (rowKeys.rows() != values.rows() || colKeys.rows() != values.rows()) {
      return Value.err(ExcelError.VALUE, "row_fields, col_fields and values differ in height");
    }
    if (colKeys.cols() != 1 || values.cols() != 1) {
      return unsupported("PIVOTBY: more than one column field or values column");
    }
    int mode = headers(arg(a, 4, literals, vars, ctx), values, ctx.dates());
    int rowDepth = integer(arg(a, 5, literals, vars, ctx), 1, ctx.dates());
    int rowSort = integer(arg(a, 6, literals, vars, ctx), 1, ctx.dates());
    int colDepth = integer(arg(a, 7, literals, vars, ctx), 1, ctx.dates());
    int colSort = integer(arg(a, 8, literals, vars, ctx), 1, ctx.dates());
    Value filter = arg(a, 9, literals, vars, ctx);
    if (a.size() > 10 && !(arg(a, 10, literals, vars, ctx) == Value.MISSING)) {
      return unsupported("PIVOTBY: relative_to");
    }
    int k = rowKeys.cols();
    if (mode < 0 || Math.abs(rowDepth) > 2 || Math.abs(colDepth) > 2 || rowSort == 0 || colSort == 0
        || Math.abs(rowSort) > k || Math.abs(colSort) > 1) {
      return Value.err(ExcelError.VALUE, "field_headers, a total depth or a sort order out of range");
    }
    if ((Math.abs(rowDepth) == 2 && k > 1)) {
      return unsupported("PIVOTBY: subtotals (row_total_depth 2)");
    }
    List<Integer> kept = keptRows(values.rows(), mode == 1 || mode == 3 ? 1 : 0, filter);
    TreeMap<Value[], List<Integer>> rows = new TreeMap<>(KEY);
    TreeMap<Value, List<Integer>> cols = new TreeMap<>(CELL);
    for (int r : kept) {
      Value[] key = new Value[k];
      for (int c = 0; c < k; c++) {
        key[c] = rowKeys.get(r, c);
      }
      rows.computeIfAbsent(key, x -> new ArrayList<>()).add(r);
      cols.computeIfAbsent(colKeys.get(r, 0), x -> new ArrayList<>()).add(r);
      ctx.spend(k + 1);
    }
    List<Value[]> rowList = new ArrayList<>(rows.keySet());
    int rs = Math.abs(rowSort) - 1;
    Comparator<Value[]> ro = (p, q) -> CELL.compare(p[rs], q[rs]);
    rowList.sort(rowSort < 0 ? ro.reversed() : ro);
    List<Value> colList = new ArrayList<>(cols.keySet());
    if (colSort < 0) {
      colList.sort(CELL.reversed());
    }
    Value.Err big = ctx.budget().tooLarge(rowList.size() + 2L, k + colList.size() + 1L);
    if (big != null) {
      return big;
    }
    Value[] all = column(values, kept, 0);
    int depth = Lambdas.depth(vars);
    int width = k + colList.size() + (colDepth != 0 ? 1 : 0);
    List<Value[]> out = new ArrayList<>();
    Value[] head = new Value[width];
    Arrays.fill(head, Value.BLANK);
    for (int c = 0; c < colList.size(); c++) {
      head[k + c] = colList.get(c);
    }
    if (colDepth != 0) {
      head[width - 1] = Value.text("Total");
    }
    out.add(head);
    List<Value[]> body = new ArrayList<>();
    for (Value[] key : rowList) {
      Value[] row = Arrays.copyOf(key, width);
      List<Integer> inRow = rows.get(key);
      for (int c = 0; c < colList.size(); c++) {
        List<Integer> cell = intersect(inRow, cols.get(colList.get(c)));
        row[k + c] = cell.isEmpty() ? Value.BLANK : aggregate(f, column(values, cell, 0), all, depth, ctx);
      }
      if (colDepth != 0) {
        row[width - 1] = aggregate(f, column(values, inRow, 0), all, depth, ctx);
      }
      body.add(row);
    }
    Value[] total = null;
    if (rowDepth != 0) {
      total = new Value[width];
      Arrays.fill(total, Value.BLANK);
      total[0] = Value.text("Total");
      for (int c = 0; c < colList.size(); c++) {
        total[k + c] = aggregate(f, column(values, cols.get(colList.get(c)), 0), all, depth, ctx);
      }
      if (colDepth != 0) {
        total[width - 1] = aggregate(f, all, all, depth, ctx);
      }
    }
    if (total != null && rowDepth < 0) {
      out.add(total);
    }
    out.addAll(body);
    if (total != null && rowDepth > 0) {
      out.add(total);
    }
    return table(out, width, ctx);
  }

  private static List<Integer> intersect(List<Integer> a, List<Integer> b) {
    List<Integer> out = new ArrayList<>();
    int j = 0;
    for (int x : a) {
      while (j < b.size() && b.get(j) < x) {
        j++;
      }
      if (j < b.size() && b.get(j) == x) {
        out.add(x);
      }
    }
    return out;
  }

  private static Value[] column(Value.Arr values, List<Integer> rows, int c) {
    Value[] out = new Value[rows.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = values.get(rows.get(i), c);
    }
    return out.length == 0 ? new Value[] {Value.BLANK} : out;
  }

  private static Value table(List<Value[]> rows, int width, EvalContext ctx) {
    if (rows.isEmpty()) {
      return Value.err(ExcelError.CALC, "no rows to group");
    }
    Value.Err big = ctx.budget().tooLarge(rows.size(), width);
    if (big != null) {
      return big;
    }
    Value[] cells = new Value[rows.size() * width];
    for (int r = 0; r < rows.size(); r++) {
      System.arraycopy(rows.get(r), 0, cells, r * width, width);
    }
    return rows.size() == 1 && width == 1 ? cells[0] : new Value.Arr(rows.size(), width, cells);
  }
}

package xlspark.functions.financial;

import xlspark.functions.Args;
import xlspark.functions.EvalContext;
import xlspark.functions.Param;
import xlspark.value.Coerce;
import xlspark.value.ExcelError;
import xlspark.value.Value;

/** Depreciation of an asset: SLN, SYD, DB, DDB and VDB. */
final class Depreciation {
  private Depreciation() {
  }

  /** SYD(cost, salvage, life, per). */
  enum Syd implements Param { COST, SALVAGE, LIFE, PER }

  /** DB(cost, salvage, life, period, [month=12]). */
  enum Db implements Param { COST, SALVAGE, LIFE, PERIOD, MONTH }

  /** DDB(cost, salvage, life, period, [factor=2]). */
  enum Ddb implements Param { COST, SALVAGE, LIFE, PERIOD, FACTOR }

  /** VDB(cost, salvage, life, start_period, end_period, [factor=2], [no_switch=FALSE]). */
  enum Vdb implements Param { COST, SALVAGE, LIFE, START_PERIOD, END_PERIOD, FACTOR, NO_SWITCH }

  static Value sln(Args a) {
    double life = a.num(2);
    return life == 0 ? Value.err(ExcelError.DIV0) : Coerce.number((a.num(0) - a.num(1)) / life);
  }

  /** SYD: sum-of-years' digits. */
  static Value syd(Args a) {
    double cost = a.number(Syd.COST);
    double salvage = a.number(Syd.SALVAGE);
    double life = a.number(Syd.LIFE);
    double per = a.number(Syd.PER);
    if (life <= 0 || per <= 0 || per > life) {
      return Value.err(ExcelError.NUM);
    }
    return Coerce.number((cost - salvage) * (life - per + 1) * 2 / (life * (life + 1)));
  }

  /**
   * DB: fixed-declining balance at the rate 1 - (salvage/cost)^(1/life) rounded to three decimals; the first
   * year counts {@code month} months and, when it is short, a period life+1 takes the remaining months.
   */
  static Value db(Args a) {
    double cost = a.number(Db.COST);
    double salvage = a.number(Db.SALVAGE);
    double life = Math.floor(a.number(Db.LIFE));
    double period = Math.floor(a.number(Db.PERIOD));
    double month = Math.floor(a.number(Db.MONTH));
    if (month < 1 || month > 12 || salvage < 0 || cost < 0 || life <= 0 || period <= 0
        || period > (month == 12 ? life : life + 1)) {
      return Value.err(ExcelError.NUM);
    }
    if (salvage >= cost) {
      return Value.ZERO;
    }
    double rate = Math.floor((1 - Math.pow(salvage / cost, 1 / life)) * 1000 + 0.5) / 1000;
    double first = cost * rate * month / 12;
    if (period == 1) {
      return Coerce.number(first);
    }
    // After the first year the book value shrinks by the factor (1 - rate) each year.
    double last = Math.min(life, period);
    double bookValue = (cost - first) * Math.pow(1 - rate, last - 2);
    if (period > life) {
      return Coerce.number(bookValue * (1 - rate) * rate * (12 - month) / 12);
    }
    return Coerce.number(bookValue * rate);
  }

  /** DDB: declining balance at factor/life per period, never below the salvage value. */
  static Value ddb(Args a) {
    double cost = a.number(Ddb.COST);
    double salvage = a.number(Ddb.SALVAGE);
    double life = a.number(Ddb.LIFE);
    double period = a.number(Ddb.PERIOD);
    double factor = a.number(Ddb.FACTOR);
    if (cost < 0 || salvage < 0 || factor <= 0 || salvage > cost || life <= 0 || period < 1 || period > life) {
      return Value.err(ExcelError.NUM);
    }
    return Coerce.number(ddb(cost, salvage, life, period, factor));
  }

  static double ddb(double cost, double salvage, double life, double period, double factor) {
    double rate = factor / life;
    double before;
    if (rate >= 1) {
      rate = 1;
      before = period == 1 ? cost : 0;
    } else {
      before = cost * Math.pow(1 - rate, period - 1);
    }
    double after = cost * Math.pow(1 - rate, period);
    double dep = after < salvage ? before - salvage : before - after;
    return Math.max(dep, 0);
  }

  /**
   * VDB(cost, salvage, life, start, end, factor, no_switch): declining-balance depreciation between two
   * (possibly fractional) periods, switching to straight line when that is larger unless no_switch.
   */
  static Value vdb(Args a) {
    double cost = a.number(Vdb.COST);
    double salvage = a.number(Vdb.SALVAGE);
    double life = a.number(Vdb.LIFE);
    double start = a.number(Vdb.START_PERIOD);
    double end = a.number(Vdb.END_PERIOD);
    double factor = a.number(Vdb.FACTOR);
    boolean noSwitch = a.bool(Vdb.NO_SWITCH);
    if (start < 0 || end < start || end > life || cost < 0 || salvage < 0 || salvage > cost || factor <= 0
        || life <= 0) {
      return Value.err(ExcelError.NUM);
    }
    EvalContext ctx = a.ctx();
    double intStart = Math.floor(start);
    double intEnd = Math.ceil(end);
    if (noSwitch) {
      double sum = 0;
      for (double i = intStart + 1; i <= intEnd; i++) {
        ctx.checkDeadline();
        double term = ddb(cost, salvage, life, i, factor);
        if (i == intStart + 1) {
          term *= Math.min(end, intStart + 1) - start;
        } else if (i == intEnd) {
          term *= end + 1 - intEnd;
        }
        sum += term;
      }
      return Coerce.number(sum);
    }
    return Coerce.number(switching(cost, salvage, life, start, end, factor, ctx));
  }

  /**
   * VDB switching to straight line. Excel lays its periods from the start's fraction: a first piece [0, f], then
   * whole periods [f + k, f + k + 1]. Each piece depreciates, from its start t, the larger of the declining balance
   * (book value x factor / life, down to salvage at most) and the straight line over the remaining life, (book value -
   * salvage) / (life - t), in proportion to its length; the result is the part of the pieces between start and end.
   * So Excel's cached VDB(1,0,14,11.5,12.5,1.25) is 0.0687263, the straight line from 3.5 over 10.5 periods, and
   * VDB(1,0,14,11,12,1.25) is 0.0686679, the straight line from 3 over 11.
   */
  private static double switching(double cost, double salvage, double life, double start, double end,
                                  double factor, EvalContext ctx) {
    double offset = start - Math.floor(start);
    double book = cost;
    double total = 0;
    double from = 0;
    double to = offset > 0 ? offset : 1;
    while (from < end) {
      ctx.checkDeadline();
      double declining = Math.min(book * factor / life, Math.max(book - salvage, 0));
      double straight = life > from ? (book - salvage) / (life - from) : 0;
      double perPeriod = Math.max(declining, straight);
      double lo = Math.max(from, start);
      double hi = Math.min(to, end);
      if (hi > lo) {
        total += perPeriod * (hi - lo);
      }
      book -= perPeriod * (to - from);
      from = to;
      to += 1;
    }
    return total;
  }
}

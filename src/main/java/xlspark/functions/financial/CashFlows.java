package xlspark.functions.financial;

import xlspark.functions.RootFinder;
import xlspark.functions.Args;
import xlspark.functions.NumberList;
import xlspark.value.Coerce;
import xlspark.value.DateSystem;
import xlspark.value.ExcelError;
import xlspark.value.Value;
import xlspark.value.Value.Arr;
import xlspark.value.Value.Blank;
import xlspark.value.Value.Err;
import xlspark.value.Value.Num;

/** Series of cash flows: NPV, IRR, MIRR, XNPV, XIRR and FVSCHEDULE. */
final class CashFlows {
  private static final double DAYS_PER_YEAR = 365;

  private CashFlows() {
  }

  /** Cash flows gathered from the arguments (with their times in years for XNPV/XIRR), or an error. */
  private record Flows(double[] values, double[] years, Value error) {
    static Flows failed(Value error) {
      return new Flows(null, null, error);
    }
  }

  /** NPV(rate, values...): flows at the end of periods 1, 2, ...; values are gathered as SUM does. */
  static Value npv(Args a) {
    double r = a.num(0);
    NumberList l = a.numbers(1);
    if (l.error() != null) {
      return l.error();
    }
    if (r == -1) {
      return Value.err(ExcelError.DIV0);
    }
    double sum = 0;
    double discount = 1;
    for (int i = 0; i < l.size(); i++) {
      discount /= 1 + r;
      sum += l.get(i) * discount;
    }
    return Coerce.number(sum);
  }

  /** The numbers of an array argument (text, logical values and blanks inside it are skipped), or an error. */
  private static Flows flows(Value v, DateSystem dates) {
    Value[] cells = v instanceof Arr arr ? arr.cells() : new Value[] {Coerce.toNumber(v, dates)};
    double[] out = new double[cells.length];
    int n = 0;
    for (Value c : cells) {
      if (c instanceof Num num) {
        out[n++] = num.v();
      } else if (c instanceof Err) {
        return Flows.failed(c);
      }
    }
    return new Flows(java.util.Arrays.copyOf(out, n), null, null);
  }

  private static boolean hasBothSigns(double[] values) {
    boolean pos = false;
    boolean neg = false;
    for (double v : values) {
      pos |= v > 0;
      neg |= v < 0;
    }
    return pos && neg;
  }

  /**
   * IRR(values, guess): the rate at which the NPV of the flows (the first at period 0) is zero. An error among the
   * values is #VALUE!, whichever error it is (Excel's cached {@code IRR({-7,2;7,#N/A})}).
   */
  static Value irr(Args a) {
    Flows f = flows(a.get(0), a.ctx().dates());
    if (f.error() != null) {
      return a.get(0) instanceof Arr ? Value.err(ExcelError.VALUE, "IRR: an error among the values") : f.error();
    }
    double[] v = f.values();
    if (!hasBothSigns(v)) {
      return Value.err(ExcelError.NUM, "IRR needs a positive and a negative cash flow");
    }
    double guess = a.num(1);
    double r = RootFinder.rate(x -> {
      double sum = 0;
      double discount = 1;
      for (double c : v) {
        sum += c * discount;
        discount /= 1 + x;
      }
      return sum;
    }, x -> {
      double sum = 0;
      double discount = 1 / (1 + x);
      for (int i = 1; i < v.length; i++) {
        discount /= 1 + x;
        sum -= i * v[i] * discount;
      }
      return sum;
    }, guess, a.ctx(), v.length);
    return Double.isNaN(r) ? Value.err(ExcelError.NUM, "IRR did not converge") : Value.num(r);
  }

  /**
   * MIRR(values, finance_rate, reinvest_rate): negative flows discounted at the finance rate, positive ones
   * compounded at the reinvestment rate; #DIV/0! without a negative flow, -1 without a positive one.
   */
  static Value mirr(Args a) {
    Flows f = flows(a.get(0), a.ctx().dates());
    if (f.error() != null) {
      return f.error();
    }
    double[] v = f.values();
    double finance = 1 + a.num(1);
    double reinvest = 1 + a.num(2);
    // without a negative flow there is nothing to discount (#DIV/0!); without a positive one the rate is -1,
    // as Excel caches MIRR({-10000;-3400;-6500;-1000},0.07,0.01) in mirrTest.xls
    if (java.util.Arrays.stream(v).noneMatch(c -> c < 0)) {
      return Value.err(ExcelError.DIV0, "MIRR needs a negative cash flow");
    }
    double pos = 0;
    double neg = 0;
    double powReinvest = 1;
    double powFinance = 1;
    for (double c : v) {
      if (c > 0) {
        pos += c * powReinvest;
      } else if (c < 0) {
        neg += c * powFinance;
      }
      powReinvest /= reinvest;
      powFinance /= finance;
    }
    int n = v.length;
    double ratio = -pos / neg * Math.pow(reinvest, n - 1);
    return Coerce.number(Math.pow(ratio, 1.0 / (n - 1)) - 1);
  }

  /**
   * The flows and their dates for XNPV/XIRR: same count (else #NUM!), numbers only (text is #VALUE!), dates
   * truncated and none before the first (else #NUM!); times are in years of 365 days from the first date.
   */
  private static Flows dated(Value values, Value dates) {
    Value[] vs = values instanceof Arr arr ? arr.cells() : new Value[] {values};
    Value[] ds = dates instanceof Arr arr ? arr.cells() : new Value[] {dates};
    if (vs.length != ds.length) {
      return Flows.failed(Value.err(ExcelError.NUM, "values and dates differ in count"));
    }
    double[] v = new double[vs.length];
    double[] t = new double[ds.length];
    for (int i = 0; i < vs.length; i++) {
      if (vs[i] instanceof Err || ds[i] instanceof Err) {
        return Flows.failed(vs[i] instanceof Err ? vs[i] : ds[i]);
      }
      double x = number(vs[i]);
      double d = number(ds[i]);
      if (Double.isNaN(x) || Double.isNaN(d)) {
        return Flows.failed(Value.err(ExcelError.VALUE, "values and dates must be numbers"));
      }
      v[i] = x;
      t[i] = Math.floor(d);
      if (t[i] < 0 || t[i] < t[0]) {
        return Flows.failed(Value.err(ExcelError.NUM, "a date precedes the first date"));
      }
    }
    double first = t[0];
    for (int i = 0; i < t.length; i++) {
      t[i] = (t[i] - first) / DAYS_PER_YEAR;
    }
    return new Flows(v, t, null);
  }

  private static double number(Value c) {
    return c instanceof Num n ? n.v() : Double.NaN;
  }

  static double xnpv(double r, double[] v, double[] t) {
    double sum = 0;
    for (int i = 0; i < v.length; i++) {
      sum += v[i] / Math.pow(1 + r, t[i]);
    }
    return sum;
  }

  static Value xnpv(Args a) {
    double r = a.num(0);
    Flows d = dated(a.get(1), a.get(2));
    if (d.error() != null) {
      return d.error();
    }
    if (r <= -1) {
      return Value.err(ExcelError.NUM);
    }
    return Coerce.number(xnpv(r, d.values(), d.years()));
  }

  static Value xirr(Args a) {
    Flows d = dated(a.get(0), a.get(1));
    if (d.error() != null) {
      return d.error();
    }
    double[] v = d.values();
    double[] t = d.years();
    if (!hasBothSigns(v)) {
      return Value.err(ExcelError.NUM, "XIRR needs a positive and a negative cash flow");
    }
    double guess = a.num(2);
    double r = RootFinder.rate(x -> xnpv(x, v, t), x -> {
      double sum = 0;
      for (int i = 0; i < v.length; i++) {
        sum -= t[i] * v[i] / Math.pow(1 + x, t[i] + 1);
      }
      return sum;
    }, guess, a.ctx(), 8L * v.length);
    return Double.isNaN(r) ? Value.err(ExcelError.NUM, "XIRR did not converge") : Value.num(r);
  }

  /** FVSCHEDULE(principal, schedule): principal compounded at each rate; blanks are 0, other non-numbers #VALUE!. */
  static Value fvSchedule(Args a) {
    double fv = a.num(0);
    Value s = a.get(1);
    Value[] cells = s instanceof Arr arr ? arr.cells() : new Value[] {Coerce.toNumber(s, a.ctx().dates())};
    for (Value c : cells) {
      if (c instanceof Err) {
        return c;
      }
    }
    for (Value c : cells) {
      if (c instanceof Num n) {
        fv *= 1 + n.v();
      } else if (!(c instanceof Blank)) {
        return Value.err(ExcelError.VALUE, "schedule must hold numbers");
      }
    }
    return Coerce.number(fv);
  }
}

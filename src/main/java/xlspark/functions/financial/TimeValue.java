package xlspark.functions.financial;

import xlspark.functions.Args;
import xlspark.functions.Param;
import xlspark.functions.RootFinder;
import xlspark.value.Coerce;
import xlspark.value.ExcelError;
import xlspark.value.Value;

/**
 * The time-value-of-money functions of an annuity: pv + pmt·(1 + rate·type)·((1+rate)^nper - 1)/rate +
 * fv·... = 0 in Excel's sign convention (money paid out is negative). {@code type} is 0 for payments at the
 * end of each period, any other number for payments at the start.
 */
final class TimeValue {
  private TimeValue() {
  }

  /** NPER(rate, pmt, pv, [fv=0], [type=0]). */
  enum Nper implements Param { RATE, PMT, PV, FV, TYPE }

  /** RATE(nper, pmt, pv, [fv=0], [type=0], [guess=0.1]). */
  enum Rate implements Param { NPER, PMT, PV, FV, TYPE, GUESS }

  /** IPMT and PPMT(rate, per, nper, pv, [fv=0], [type=0]). */
  enum Per implements Param { RATE, PER, NPER, PV, FV, TYPE }

  /** CUMIPMT and CUMPRINC(rate, nper, pv, start_period, end_period, type). */
  enum Cumulative implements Param { RATE, NPER, PV, START_PERIOD, END_PERIOD, TYPE }

  /** (1+r)^n computed through log1p so small rates keep their precision. */
  static double growth(double r, double n) {
    return Math.exp(n * Math.log1p(r));
  }

  /** ((1+r)^n - 1)/r, which tends to n as r tends to 0. */
  static double annuityFactor(double r, double n) {
    return r == 0 ? n : Math.expm1(n * Math.log1p(r)) / r;
  }

  /** The type argument: payments at the end (0) or, for any other number, at the start (1). */
  private static int type(Args a, int i) {
    return a.num(i) != 0 ? 1 : 0;
  }

  private static int type(Args a, Param p) {
    return type(a, p.ordinal());
  }

  static double pmt(double r, double n, double pv, double fv, int type) {
    if (r == 0) {
      return -(pv + fv) / n;
    }
    return -(fv + pv * growth(r, n)) / ((1 + r * type) * annuityFactor(r, n));
  }

  static double fv(double r, double n, double pmt, double pv, int type) {
    if (r == 0) {
      return -(pv + pmt * n);
    }
    return -(pv * growth(r, n) + pmt * (1 + r * type) * annuityFactor(r, n));
  }

  static double pv(double r, double n, double pmt, double fv, int type) {
    if (r == 0) {
      return -(fv + pmt * n);
    }
    return -(fv + pmt * (1 + r * type) * annuityFactor(r, n)) / growth(r, n);
  }

  static Value pmt(Args a) {
    return Coerce.number(pmt(a.num(0), a.num(1), a.num(2), a.num(3), type(a, 4)));
  }

  static Value fv(Args a) {
    return Coerce.number(fv(a.num(0), a.num(1), a.num(2), a.num(3), type(a, 4)));
  }

  static Value pv(Args a) {
    if (a.num(0) == -1) {
      return Value.err(a.num(1) == 0 ? ExcelError.NUM : ExcelError.DIV0);
    }
    return Coerce.number(pv(a.num(0), a.num(1), a.num(2), a.num(3), type(a, 4)));
  }

  /** NPER(rate, pmt, pv, fv, type): periods until pv grows or is paid down to fv. */
  static Value nper(Args a) {
    double r = a.number(Nper.RATE);
    double pmt = a.number(Nper.PMT);
    double pv = a.number(Nper.PV);
    double fv = a.number(Nper.FV);
    int type = type(a, Nper.TYPE);
    if (r == 0) {
      return pmt == 0 ? Value.err(ExcelError.DIV0) : Coerce.number(-(pv + fv) / pmt);
    }
    double p = pmt * (1 + r * type);
    return Coerce.number(Math.log((p - fv * r) / (p + pv * r)) / Math.log1p(r));
  }

  /** RATE(nper, pmt, pv, fv, type, guess): the rate solving the annuity equation, by iteration. */
  static Value rate(Args a) {
    double n = a.number(Rate.NPER);
    double pmt = a.number(Rate.PMT);
    double pv = a.number(Rate.PV);
    double fv = a.number(Rate.FV);
    int type = type(a, Rate.TYPE);
    double guess = a.number(Rate.GUESS);
    if (n <= 0) {
      return Value.err(ExcelError.NUM, "nper must be positive");
    }
    double r = RootFinder.rate(
        x -> pv * growth(x, n) + pmt * (1 + x * type) * annuityFactor(x, n) + fv,
        x -> pv * n * growth(x, n - 1) + pmt * (type * annuityFactor(x, n) + (1 + x * type) * factorSlope(x, n)),
        guess, a.ctx());
    return Double.isNaN(r) ? Value.err(ExcelError.NUM, "RATE did not converge") : Value.num(r);
  }

  /** The derivative of {@link #annuityFactor} in r (n(n-1)/2 at r = 0). */
  private static double factorSlope(double r, double n) {
    if (Math.abs(r) < 1e-8) {
      return n * (n - 1) / 2;
    }
    return (n * growth(r, n - 1) * r - Math.expm1(n * Math.log1p(r))) / (r * r);
  }

  /** IPMT: the interest part of payment {@code per} (Excel's recurrence through FV of the earlier periods). */
  static double ipmt(double r, double per, double n, double pv, double fv, int type) {
    double pmt = pmt(r, n, pv, fv, type);
    double interest;
    if (per == 1) {
      interest = type == 1 ? 0 : -pv;
    } else if (type == 1) {
      interest = fv(r, per - 2, pmt, pv, 1) - pmt;
    } else {
      interest = fv(r, per - 1, pmt, pv, 0);
    }
    return interest * r;
  }

  static Value ipmt(Args a) {
    double per = a.number(Per.PER);
    double n = a.number(Per.NPER);
    if (per < 1 || per > n) {
      return Value.err(ExcelError.NUM, "period must be between 1 and nper");
    }
    return Coerce.number(ipmt(a.number(Per.RATE), per, n, a.number(Per.PV), a.number(Per.FV), type(a, Per.TYPE)));
  }

  /**
   * PPMT: the principal part of payment {@code per}, (pv + fv) / annuity factor grown to that period (one period
   * less when paying in advance, the whole first payment then being principal). Taking PMT - IPMT instead cancels
   * two large amounts: Excel's cached PPMT(2,3,33,10000,1) is -3.238e-11, that difference -3.6e-12.
   */
  static Value ppmt(Args a) {
    double r = a.number(Per.RATE);
    double per = a.number(Per.PER);
    double n = a.number(Per.NPER);
    double pv = a.number(Per.PV);
    double fv = a.number(Per.FV);
    int type = type(a, Per.TYPE);
    if (per < 1 || per > n) {
      return Value.err(ExcelError.NUM, "period must be between 1 and nper");
    }
    if (type == 1 && per == 1) {
      return Coerce.number(pmt(r, n, pv, fv, type));
    }
    return Coerce.number(-(pv + fv) * growth(r, per - 1 - type) / annuityFactor(r, n));
  }

  /**
   * CUMPRINC and CUMIPMT: principal (or interest) paid from period start to end. Start, end and type are
   * truncated, nper is not; rate, nper and pv must be positive and type exactly 0 or 1. The principal is the change in
   * the balance over those periods, so no loop over periods is needed.
   */
  static Value cumulative(Args a, boolean interest) {
    double r = a.number(Cumulative.RATE);
    // nper is used as given: Excel's cached CUMIPMT(7,5.5,125000,3,5,1) is the 5.5-period loan's interest
    double n = a.number(Cumulative.NPER);
    double pv = a.number(Cumulative.PV);
    double start = Math.floor(a.number(Cumulative.START_PERIOD));
    double end = Math.floor(a.number(Cumulative.END_PERIOD));
    double typeArg = Math.floor(a.number(Cumulative.TYPE));
    if (r <= 0 || n <= 0 || pv <= 0 || start < 1 || end < start || end > n || typeArg != 0 && typeArg != 1) {
      return Value.err(ExcelError.NUM);
    }
    int type = (int) typeArg;
    double pmt = pmt(r, n, pv, 0, type);
    double principal = balance(r, end, pmt, pv, type) - balance(r, start - 1, pmt, pv, type);
    return Coerce.number(interest ? pmt * (end - start + 1) - principal : principal);
  }

  /** The balance right after payment k (k = 0: the loan itself, before any payment). */
  private static double balance(double r, double k, double pmt, double pv, int type) {
    if (k == 0) {
      return pv;
    }
    return type == 0 ? -fv(r, k, pmt, pv, 0) : -fv(r, k, pmt, pv, 1) / (1 + r);
  }

  /** ISPMT: interest of period per for a loan repaid in equal principal parts. */
  static Value ispmt(Args a) {
    double n = a.num(2);
    if (n == 0) {
      return Value.err(ExcelError.DIV0);
    }
    return Coerce.number(a.num(3) * a.num(0) * (a.num(1) / n - 1));
  }

  static Value effect(Args a) {
    double nominal = a.num(0);
    double n = Math.floor(a.num(1));
    if (nominal <= 0 || n < 1) {
      return Value.err(ExcelError.NUM);
    }
    return Coerce.number(Math.expm1(n * Math.log1p(nominal / n)));
  }

  static Value nominal(Args a) {
    double effect = a.num(0);
    double n = Math.floor(a.num(1));
    if (effect <= 0 || n < 1) {
      return Value.err(ExcelError.NUM);
    }
    return Coerce.number(n * Math.expm1(Math.log1p(effect) / n));
  }

  static Value pduration(Args a) {
    double r = a.num(0);
    double pv = a.num(1);
    double fv = a.num(2);
    if (r <= 0 || pv <= 0 || fv <= 0) {
      return Value.err(ExcelError.NUM);
    }
    return Coerce.number((Math.log(fv) - Math.log(pv)) / Math.log1p(r));
  }

  static Value rri(Args a) {
    double n = a.num(0);
    double pv = a.num(1);
    double fv = a.num(2);
    if (n <= 0 || pv == 0 || pv < 0 && fv > 0 || pv > 0 && fv < 0) {
      return Value.err(ExcelError.NUM);
    }
    return Coerce.number(Math.pow(fv / pv, 1 / n) - 1);
  }

  /**
   * DOLLARDE (decimal) and DOLLARFR (fractional): the digits after the point are a numerator over
   * {@code fraction}, written with as many digits as the fraction has (1.02 with 16 is 1 + 2/16).
   */
  static Value dollar(Args a, boolean toDecimal) {
    double x = a.num(0);
    double fraction = Math.floor(a.num(1));
    if (fraction < 0) {
      return Value.err(ExcelError.NUM);
    }
    if (fraction == 0) {
      return Value.err(ExcelError.DIV0);
    }
    double scale = Math.pow(10, Math.ceil(Math.log10(fraction)));
    double abs = Math.abs(x);
    double whole = Math.floor(abs);
    double part = abs - whole;
    double r = whole + (toDecimal ? part * scale / fraction : part * fraction / scale);
    return Coerce.number(x < 0 ? -r : r);
  }
}

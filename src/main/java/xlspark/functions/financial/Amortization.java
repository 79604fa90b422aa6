package xlspark.functions.financial;

import static xlspark.functions.financial.SecurityTerms.basis;
import static xlspark.functions.financial.SecurityTerms.date;
import static xlspark.functions.financial.SecurityTerms.num;

import xlspark.functions.Args;
import xlspark.functions.Param;
import xlspark.functions.date.DayCounts;
import xlspark.value.Coerce;
import xlspark.value.DateSystem;
import xlspark.value.Value;

/**
 * The French accounting depreciation AMORLINC (straight line) and AMORDEGRC (declining, with a coefficient from
 * the asset's life), (cost, date_purchased, first_period, salvage, period, rate, [basis]). The first period is
 * prorated by YEARFRAC from purchase to its end; basis 2 (actual/360) is not accepted, as in Excel.
 */
final class Amortization {
  private Amortization() {
  }

  /** AMORLINC and AMORDEGRC(cost, date_purchased, first_period, salvage, period, rate, [basis]). */
  enum Amor implements Param { COST, DATE_PURCHASED, FIRST_PERIOD, SALVAGE, PERIOD, RATE, BASIS }

  /** The arguments both functions read, once; {@code period} is truncated. */
  private record Asset(DateSystem dates, double cost, double purchased, double firstEnd, double salvage,
                       double period, double rate, int b) {
    static Asset of(Args a) {
      return new Asset(a.ctx().dates(), a.number(Amor.COST), date(a, Amor.DATE_PURCHASED),
          date(a, Amor.FIRST_PERIOD), a.number(Amor.SALVAGE), Math.floor(a.number(Amor.PERIOD)),
          a.number(Amor.RATE), basis(a, Amor.BASIS));
    }

    /** The shared checks: null for valid arguments, else the reason for #NUM!. */
    String invalid() {
      if (Double.isNaN(purchased) || Double.isNaN(firstEnd) || purchased > firstEnd) {
        return "date_purchased must be a date on or before first_period";
      }
      if (b < 0 || b == 2) {
        return "basis must be 0, 1, 3 or 4";
      }
      if (cost < 0 || salvage < 0 || salvage > cost || period < 0 || rate <= 0) {
        return "needs 0 <= salvage <= cost, period >= 0 and rate > 0";
      }
      return null;
    }

    /** The first period's share of a year, purchase to its end (YEARFRAC under the basis). */
    double firstYears() {
      return DayCounts.yearFraction(dates, purchased, firstEnd, b);
    }
  }

  /** AMORLINC: cost * rate a period, the first prorated, until cost - salvage is depreciated. */
  static Value linear(Args a) {
    Asset t = Asset.of(a);
    String why = t.invalid();
    if (why != null) {
      return num(why);
    }
    double cost = t.cost();
    double salvage = t.salvage();
    double period = t.period();
    double rate = t.rate();
    double full = cost * rate;
    double first = t.firstYears() * rate * cost;
    double depreciable = cost - salvage;
    double fullPeriods = Math.floor((depreciable - first) / full);
    if (period == 0) {
      return Coerce.number(first);
    }
    if (period <= fullPeriods) {
      return Coerce.number(full);
    }
    if (period == fullPeriods + 1) {
      return Coerce.number(Math.max(0, depreciable - full * fullPeriods - first));
    }
    return Value.ZERO;
  }

  /**
   * AMORDEGRC: the rate times 1.5 (life 3-4 years), 2 (5-6) or 2.5 (over 6) on the remaining value, rounded to
   * whole units; the rate becomes 50% in the period before last and the rest goes in the last. Lives between 0
   * and 3 or 4 and 5 years are #NUM!, as Excel documents.
   */
  static Value declining(Args a) {
    Asset t = Asset.of(a);
    String why = t.invalid();
    if (why != null) {
      return num(why);
    }
    double cost = t.cost();
    double salvage = t.salvage();
    int period = (int) Math.min(t.period(), 100_000);
    double rate = t.rate();
    double life = 1 / rate;
    double coefficient;
    if (life >= 3 && life <= 4) {
      coefficient = 1.5;
    } else if (life >= 5 && life <= 6) {
      coefficient = 2;
    } else if (life > 6) {
      coefficient = 2.5;
    } else {
      return num("AMORDEGRC: an asset life of " + life + " years has no coefficient");
    }
    double r = rate * coefficient;
    double depreciation = round(t.firstYears() * r * cost);
    double value = cost - depreciation;
    double rest = value - salvage;
    for (int n = 0; n < period; n++) {
      depreciation = round(r * value);
      rest -= depreciation;
      if (rest < 0) {
        return Coerce.number(period - n <= 1 ? round(value * 0.5) : 0);
      }
      value -= depreciation;
    }
    return Coerce.number(depreciation);
  }

  private static double round(double x) {
    return Math.signum(x) * Math.floor(Math.abs(x) + 0.5);
  }
}

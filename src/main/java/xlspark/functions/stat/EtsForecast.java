package xlspark.functions.stat;

import static xlspark.functions.ArgKind.ARRAY;
import static xlspark.functions.ArgKind.NUMBER;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import xlspark.functions.Args;
import xlspark.functions.EvalContext;
import xlspark.functions.FunctionSpec;
import xlspark.value.Coerce;
import xlspark.value.ExcelError;
import xlspark.value.Value;
import xlspark.value.Value.Arr;
import xlspark.value.Value.Err;
import xlspark.value.Value.Num;

/**
 * FORECAST.ETS, FORECAST.ETS.CONFINT, FORECAST.ETS.SEASONALITY and FORECAST.ETS.STAT: additive exponential triple
 * smoothing (Holt-Winters AAA), the model Excel names. Microsoft does not publish its fitting procedure, so the
 * engine's figures agree with Excel's exactly only where the data leave no choice (a straight line, a constant, a
 * pure repeating pattern) and otherwise approximately. Decisions:
 * <ul>
 * <li>The timeline is sorted; equal dates are aggregated (1 AVERAGE default, 2 COUNT, 3 COUNTA, 4 MAX, 5 MEDIAN,
 * 6 MIN, 7 SUM); its step is the smallest gap, and every gap must be a multiple of it (#NUM! otherwise). Missing
 * points are filled by linear interpolation (data_completion 1, the default) or zeros (0).</li>
 * <li>Seasonality 1 (default) detects the period: the lag, up to half the points, of the highest autocorrelation of
 * the first differences among the local peaks above 0.5 (none: no seasonality); 0 is none; n >= 2 is used as given
 * and needs two periods of data. FORECAST.ETS.SEASONALITY returns the period used, 1 for none.</li>
 * <li>Initial level and trend: the first period's mean and the mean change between the first two periods (without
 * seasonality: the first value and the first difference); initial seasonal indices: the first period less its
 * mean. α, β, γ minimize the sum of squared one-step errors, by a grid over [0,1] refined by coordinate search.</li>
 * <li>CONFINT is z(½ + level/2)·σ·√(1 + Σ c_j²) over the h-1 steps before the target, c_j = α(1 + jβ) + γ[j ≡ 0
 * mod m], σ² the mean squared one-step error. STAT: 1 α, 2 β, 3 γ, 4 MASE, 5 SMAPE, 6 MAE, 7 RMSE, 8 the step.</li>
 * <li>A target before the timeline's end is #NUM!, as Microsoft documents.</li>
 * </ul>
 */
final class EtsForecast {
  private static final int MAX_SEASON = 8_760;

  private EtsForecast() {
  }

  static List<FunctionSpec> specs() {
    return List.of(
        FunctionSpec.builder("FORECAST.ETS", a -> forecast(a, false)).args(NUMBER, ARRAY, ARRAY)
            .skippableArg(NUMBER, 1).skippableArg(NUMBER, 1).skippableArg(NUMBER, 1).build(),
        FunctionSpec.builder("FORECAST.ETS.CONFINT", a -> forecast(a, true)).args(NUMBER, ARRAY, ARRAY)
            .skippableArg(NUMBER, 0.95).skippableArg(NUMBER, 1).skippableArg(NUMBER, 1).skippableArg(NUMBER, 1)
            .build(),
        FunctionSpec.builder("FORECAST.ETS.SEASONALITY", EtsForecast::seasonality).args(ARRAY, ARRAY)
            .skippableArg(NUMBER, 1).skippableArg(NUMBER, 1).build(),
        FunctionSpec.builder("FORECAST.ETS.STAT", EtsForecast::stat).args(ARRAY, ARRAY, NUMBER)
            .skippableArg(NUMBER, 1).skippableArg(NUMBER, 1).skippableArg(NUMBER, 1).build());
  }

  /** The series on a regular timeline: values (missing points completed), start and step. */
  private record Series(double[] y, double start, double step) {
  }

  /** A fitted model: parameters, final state and the one-step errors and fits. */
  private record Fit(double alpha, double beta, double gamma, int m, double level, double trend, double[] season,
                     double sse, double[] errors, double[] fitted) {
  }

  private static Value forecast(Args a, boolean confint) {
    int k = confint ? 4 : 3;
    double level = confint ? a.num(3) : 0.95;
    if (!(level > 0 && level < 1)) {
      return Value.err(ExcelError.NUM, "confidence_level must be between 0 and 1");
    }
    Object s = series(a, 1, 2, k + 1, k + 2);
    if (s instanceof Value v) {
      return v;
    }
    Series series = (Series) s;
    Object m = period(a, k, series);
    if (m instanceof Value v) {
      return v;
    }
    double target = a.num(0);
    double last = series.start() + (series.y().length - 1) * series.step();
    if (target < last) {
      return Value.err(ExcelError.NUM, "target_date is before the end of the timeline");
    }
    Fit fit = fit(series.y(), (Integer) m, a.ctx());
    double h = (target - last) / series.step();
    if (!confint) {
      return Coerce.number(pointForecast(fit, h));
    }
    int steps = (int) Math.ceil(h);
    double sum = 1;
    for (int j = 1; j < steps; j++) {
      double c = fit.alpha() * (1 + j * fit.beta()) + (fit.m() > 1 && j % fit.m() == 0 ? fit.gamma() : 0);
      sum += c * c;
      a.ctx().checkDeadline();
    }
    double sigma = Math.sqrt(fit.sse() / series.y().length);
    return Coerce.number(SpecialFunctions.normInv(0.5 + level / 2) * sigma * Math.sqrt(sum));
  }

  private static double pointForecast(Fit f, double h) {
    double season = 0;
    if (f.m() > 1) {
      int steps = Math.max(1, (int) Math.ceil(h));
      season = f.season()[(steps - 1) % f.m()];
    }
    return f.level() + h * f.trend() + season;
  }

  private static Value seasonality(Args a) {
    Object s = series(a, 0, 1, 2, 3);
    if (s instanceof Value v) {
      return v;
    }
    return Value.num(detect(((Series) s).y(), a.ctx()));
  }

  private static Value stat(Args a) {
    int type = (int) a.num(2);
    if (type < 1 || type > 8) {
      return Value.err(ExcelError.NUM, "statistic_type must be 1 to 8");
    }
    Object s = series(a, 0, 1, 4, 5);
    if (s instanceof Value v) {
      return v;
    }
    Series series = (Series) s;
    if (type == 8) {
      return Value.num(series.step());
    }
    Object m = period(a, 3, series);
    if (m instanceof Value v) {
      return v;
    }
    double[] y = series.y();
    Fit f = fit(y, (Integer) m, a.ctx());
    double abs = 0;
    double sq = 0;
    double smape = 0;
    double naive = 0;
    int n = f.errors().length;
    int off = y.length - n;
    for (int i = 0; i < n; i++) {
      double e = f.errors()[i];
      abs += Math.abs(e);
      sq += e * e;
      double denom = Math.abs(y[off + i]) + Math.abs(f.fitted()[i]);
      smape += denom == 0 ? 0 : 2 * Math.abs(e) / denom;
    }
    for (int i = 1; i < y.length; i++) {
      naive += Math.abs(y[i] - y[i - 1]);
    }
    double mae = abs / n;
    return Coerce.number(switch (type) {
      case 1 -> f.alpha();
      case 2 -> f.beta();
      case 3 -> f.gamma();
      case 4 -> naive == 0 ? (abs == 0 ? 0 : Double.NaN) : mae / (naive / (y.length - 1));
      case 5 -> smape / n;
      case 6 -> mae;
      default -> Math.sqrt(sq / n);
    });
  }

  /** The period from the seasonality argument at {@code at}: an Integer (1 for none), or an error value. */
  private static Object period(Args a, int at, Series s) {
    int n = s.y().length;
    if (a.num(at) == 1) {
      return detect(s.y(), a.ctx());
    }
    double d = Math.floor(a.num(at));
    if (d < 0 || d > MAX_SEASON) {
      return Value.err(ExcelError.NUM, "seasonality must be 0 to " + MAX_SEASON);
    }
    int m = (int) d;
    if (m <= 1) {
      return 1;
    }
    if (2 * m > n) {
      return Value.err(ExcelError.NUM, "a seasonality of " + m + " needs at least " + 2 * m + " points");
    }
    return m;
  }

  /** Builds the regular series from values and timeline (arguments {@code vi}, {@code ti}). */
  private static Object series(Args a, int vi, int ti, int completionAt, int aggregationAt) {
    Arr values = a.array(vi);
    Arr timeline = a.array(ti);
    if (values.size() != timeline.size()) {
      return Value.err(ExcelError.NA, "values and timeline differ in size");
    }
    int completion = (int) a.num(completionAt);
    int aggregation = (int) a.num(aggregationAt);
    if (completion != 0 && completion != 1) {
      return Value.err(ExcelError.NUM, "data_completion must be 0 or 1");
    }
    if (aggregation < 1 || aggregation > 7) {
      return Value.err(ExcelError.NUM, "aggregation must be 1 to 7");
    }
    TreeMap<Double, List<Double>> byDate = new TreeMap<>();
    for (int i = 0; i < values.size(); i++) {
      Value t = timeline.cells()[i];
      Value v = values.cells()[i];
      if (t instanceof Err) {
        return t;
      }
      if (v instanceof Err) {
        return v;
      }
      if (!(t instanceof Num tn)) {
        return Value.err(ExcelError.VALUE, "the timeline holds a value that is not a number");
      }
      List<Double> at = byDate.computeIfAbsent(tn.v(), x -> new ArrayList<>());
      if (v instanceof Num vn) {
        at.add(vn.v());
      }
    }
    a.ctx().spend(values.size());
    if (byDate.size() < 3) {
      return Value.err(ExcelError.NUM, "the timeline needs at least 3 distinct points");
    }
    Double[] dates = byDate.keySet().toArray(new Double[0]);
    double step = Double.MAX_VALUE;
    for (int i = 1; i < dates.length; i++) {
      step = Math.min(step, dates[i] - dates[i - 1]);
    }
    double span = (dates[dates.length - 1] - dates[0]) / step;
    if (span > a.ctx().maxArrayCells()) {
      return Value.err(ExcelError.NUM, "the timeline has too many steps");
    }
    int n = (int) Math.round(span) + 1;
    double[] y = new double[n];
    boolean[] known = new boolean[n];
    for (Double d : dates) {
      double pos = (d - dates[0]) / step;
      int p = (int) Math.round(pos);
      if (Math.abs(pos - p) > 1e-9 * Math.max(1, pos)) {
        return Value.err(ExcelError.NUM, "the timeline has no constant step");
      }
      List<Double> vs = byDate.get(d);
      if (aggregation == 2 || aggregation == 3) {
        y[p] = vs.size();
        known[p] = true;
      } else if (!vs.isEmpty()) {
        y[p] = aggregate(vs, aggregation);
        known[p] = true;
      }
    }
    complete(y, known, completion == 1);
    return new Series(y, dates[0], step);
  }

  private static double aggregate(List<Double> vs, int how) {
    double[] v = vs.stream().mapToDouble(Double::doubleValue).toArray();
    switch (how) {
      case 4:
        return Arrays.stream(v).max().getAsDouble();
      case 5: {
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
      }
      case 6:
        return Arrays.stream(v).min().getAsDouble();
      case 7:
        return Arrays.stream(v).sum();
      default:
        return Arrays.stream(v).average().getAsDouble();
    }
  }

  /** Fills missing points: linear interpolation between the known neighbours (the nearest at the ends), or 0. */
  private static void complete(double[] y, boolean[] known, boolean interpolate) {
    int prev = -1;
    for (int i = 0; i < y.length; i++) {
      if (known[i]) {
        if (interpolate && prev >= 0 && i - prev > 1) {
          for (int j = prev + 1; j < i; j++) {
            y[j] = y[prev] + (y[i] - y[prev]) * (j - prev) / (i - prev);
          }
        } else if (interpolate && prev < 0) {
          Arrays.fill(y, 0, i, y[i]);
        }
        prev = i;
      }
    }
    if (interpolate && prev >= 0) {
      Arrays.fill(y, prev + 1, y.length, y[prev]);
    }
  }

  /** The detected period (1 for none): the best autocorrelation peak of the first differences. */
  static int detect(double[] y, EvalContext ctx) {
    int n = y.length - 1;
    if (n < 4) {
      return 1;
    }
    double[] d = new double[n];
    double mean = 0;
    for (int i = 0; i < n; i++) {
      d[i] = y[i + 1] - y[i];
      mean += d[i];
    }
    mean /= n;
    double var = 0;
    for (double x : d) {
      var += (x - mean) * (x - mean);
    }
    if (var <= 1e-12 * Math.max(1, mean * mean) * n) {
      return 1;
    }
    int maxLag = Math.min(MAX_SEASON, y.length / 2);
    double[] acf = new double[maxLag + 2];
    for (int lag = 1; lag <= Math.min(maxLag + 1, n - 1); lag++) {
      double s = 0;
      for (int i = lag; i < n; i++) {
        s += (d[i] - mean) * (d[i - lag] - mean);
      }
      acf[lag] = s / var;
      ctx.spend(n);
    }
    int best = 1;
    double bestValue = 0.5;
    for (int lag = 2; lag <= maxLag; lag++) {
      boolean peak = acf[lag] >= acf[lag - 1] && (lag + 1 >= acf.length || acf[lag] >= acf[lag + 1]);
      if (peak && acf[lag] > bestValue + 1e-9) {
        best = lag;
        bestValue = acf[lag];
      }
    }
    return best;
  }

  /** Fits α, β, γ: a grid over [0,1], then a coordinate search around the best point. */
  private static Fit fit(double[] y, int m, EvalContext ctx) {
    double[] best = {0.5, 0.1, m > 1 ? 0.1 : 0};
    double bestSse = run(y, m, best[0], best[1], best[2], null, ctx).sse();
    double[] grid = {0.0, 0.1, 0.2, 0.3, 0.5, 0.7, 0.9, 1.0};
    for (double al : grid) {
      for (double be : grid) {
        for (double ga : m > 1 ? grid : new double[] {0}) {
          double sse = run(y, m, al, be, ga, null, ctx).sse();
          if (sse < bestSse - 1e-12) {
            bestSse = sse;
            best = new double[] {al, be, ga};
          }
        }
      }
    }
    for (double step = 0.05; step >= 0.001; step /= 2) {
      boolean moved = true;
      while (moved) {
        moved = false;
        for (int p = 0; p < (m > 1 ? 3 : 2); p++) {
          for (int sign = -1; sign <= 1; sign += 2) {
            double[] t = best.clone();
            t[p] = Math.max(0, Math.min(1, t[p] + sign * step));
            double sse = run(y, m, t[0], t[1], t[2], null, ctx).sse();
            if (sse < bestSse - 1e-12) {
              bestSse = sse;
              best = t;
              moved = true;
            }
          }
        }
      }
    }
    return run(y, m, best[0], best[1], best[2], new double[y.length], ctx);
  }

  /** One pass of the smoothing equations; {@code fitted} (when given) receives the one-step forecasts. */
  private static Fit run(double[] y, int m, double alpha, double beta, double gamma, double[] fitted,
                         EvalContext ctx) {
    ctx.spend(y.length);
    int n = y.length;
    double level;
    double trend;
    double[] season = new double[Math.max(1, m)];
    int first;
    if (m > 1) {
      double a = 0;
      double b = 0;
      for (int i = 0; i < m; i++) {
        a += y[i];
        b += y[m + i];
      }
      a /= m;
      b /= m;
      trend = (b - a) / m;
      level = a + trend * ((m - 1) / 2.0);
      for (int i = 0; i < m; i++) {
        season[i] = y[i] - (a + trend * (i - (m - 1) / 2.0));
      }
      first = m;
    } else {
      level = y[0];
      trend = y[1] - y[0];
      first = 1;
    }
    double[] errors = fitted == null ? null : new double[n];
    if (fitted != null) {
      for (int i = 0; i < first; i++) {
        fitted[i] = y[i];
      }
    }
    double sse = 0;
    for (int t = first; t < n; t++) {
      double s = m > 1 ? season[t % m] : 0;
      double predicted = level + trend + s;
      double e = y[t] - predicted;
      sse += e * e;
      if (fitted != null) {
        fitted[t] = predicted;
        errors[t] = e;
      }
      double newLevel = alpha * (y[t] - s) + (1 - alpha) * (level + trend);
      double newTrend = beta * (newLevel - level) + (1 - beta) * trend;
      if (m > 1) {
        season[t % m] = gamma * (y[t] - level - trend) + (1 - gamma) * s;
      }
      trend = newTrend;
      level = newLevel;
    }
    double[] ordered = season;
    if (m > 1) {
      // Seasonal index for the step after the last point first.
      ordered = new double[m];
      for (int i = 0; i < m; i++) {
        ordered[i] = season[(n + i) % m];
      }
    }
    return new Fit(alpha, beta, gamma, m, level, trend, ordered, sse,
        errors == null ? new double[0] : Arrays.copyOfRange(errors, first, n),
        fitted == null ? new double[0] : Arrays.copyOfRange(fitted, first, n));
  }
}

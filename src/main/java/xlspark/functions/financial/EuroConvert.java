package xlspark.functions.financial;

import static xlspark.functions.ArgKind.BOOLEAN;
import static xlspark.functions.ArgKind.NUMBER;
import static xlspark.functions.ArgKind.TEXT;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import xlspark.functions.Args;
import xlspark.functions.FunctionSpec;
import xlspark.functions.math.DecimalRounding;
import xlspark.value.Coerce;
import xlspark.value.ExcelError;
import xlspark.value.Value;

/**
 * EUROCONVERT(number, source, target, [full_precision=FALSE], [triangulation_precision]) of the Euro Currency
 * Tools: conversions between the euro and the currencies it replaced, at the fixed rates of the Council of the EU,
 * through the euro (triangulation). Without full precision the result is rounded to the target's calculation
 * precision (Excel's table: 0 decimals for BEF, LUF, ESP, ITL, GRD, 1 for PTE, 2 for the others and EUR); a
 * triangulation precision (3 or more) rounds the intermediate euro amount to that many significant digits.
 */
public final class EuroConvert {
  private record Currency(double perEuro, int decimals) {
  }

  private static final Map<String, Currency> CURRENCIES = Map.ofEntries(
      Map.entry("EUR", new Currency(1, 2)),
      Map.entry("BEF", new Currency(40.3399, 0)),
      Map.entry("LUF", new Currency(40.3399, 0)),
      Map.entry("DEM", new Currency(1.95583, 2)),
      Map.entry("ESP", new Currency(166.386, 0)),
      Map.entry("FRF", new Currency(6.55957, 2)),
      Map.entry("IEP", new Currency(0.787564, 2)),
      Map.entry("ITL", new Currency(1936.27, 0)),
      Map.entry("NLG", new Currency(2.20371, 2)),
      Map.entry("ATS", new Currency(13.7603, 2)),
      Map.entry("PTE", new Currency(200.482, 1)),
      Map.entry("FIM", new Currency(5.94573, 2)),
      Map.entry("GRD", new Currency(340.75, 0)),
      Map.entry("SIT", new Currency(239.64, 2)));

  private EuroConvert() {
  }

  public static List<FunctionSpec> specs() {
    return List.of(FunctionSpec.builder("EUROCONVERT", EuroConvert::convert).args(NUMBER, TEXT, TEXT)
        .skippableArg(BOOLEAN, false).optionalArg(NUMBER).build());
  }

  private static Value convert(Args a) {
    Currency from = CURRENCIES.get(a.text(1).trim().toUpperCase(Locale.ROOT));
    Currency to = CURRENCIES.get(a.text(2).trim().toUpperCase(Locale.ROOT));
    if (from == null || to == null) {
      return Value.err(ExcelError.VALUE, "EUROCONVERT knows EUR and the currencies it replaced (ISO codes)");
    }
    boolean full = a.bool(3);
    double euros = a.num(0) / from.perEuro();
    if (a.given(4)) {
      double t = Math.floor(a.num(4));
      if (t < 3) {
        return Value.err(ExcelError.VALUE, "triangulation_precision must be 3 or more");
      }
      if (from.perEuro() != 1 && to.perEuro() != 1) {
        euros = euros == 0 ? 0
            : DecimalRounding.round(euros, (int) Math.min(t, 100) - 1 - (int) Math.floor(Math.log10(Math.abs(euros))));
      }
    }
    double result = euros * to.perEuro();
    return Coerce.number(full ? result : DecimalRounding.round(result, to.decimals()));
  }
}

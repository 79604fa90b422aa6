package xlspark.functions.engineering;

import static xlspark.functions.ArgKind.NUMBER_NOT_LOGICAL;
import static xlspark.functions.ArgKind.TEXT;

import java.util.List;
import xlspark.functions.Args;
import xlspark.functions.FunctionSpec;
import xlspark.functions.engineering.Units.Quantity;
import xlspark.functions.engineering.Units.Unit;
import xlspark.value.Coerce;
import xlspark.value.ExcelError;
import xlspark.value.Value;

/**
 * CONVERT(number, from_unit, to_unit): an unknown unit, a prefix on a unit that takes none, or units of two
 * different quantities give #N/A; a logical number #VALUE!. Temperatures convert through Celsius, so
 * {@code CONVERT(3.6,"C","F")} is 3.6 * 1.8 + 32 to the last bit, as in Excel.
 */
final class UnitConversion {
  private UnitConversion() {
  }

  static List<FunctionSpec> specs() {
    return List.of(FunctionSpec.builder("CONVERT", UnitConversion::convert).args(NUMBER_NOT_LOGICAL, TEXT, TEXT).build());
  }

  private static Value convert(Args a) {
    Unit from = Units.lookup(a.text(1));
    Unit to = Units.lookup(a.text(2));
    if (from == null || to == null) {
      return Value.err(ExcelError.NA, "unknown unit \"" + (from == null ? a.text(1) : a.text(2)) + "\"");
    }
    if (from.quantity() != to.quantity()) {
      return Value.err(ExcelError.NA, "units of different quantities");
    }
    double x = a.num(0);
    if (from.quantity() == Quantity.TEMPERATURE) {
      return Coerce.number(fromCelsius(toCelsius(x, from), to));
    }
    return Coerce.number(x * from.size() / to.size());
  }

  private static double toCelsius(double x, Unit u) {
    return switch (u.scale()) {
      case "C" -> x;
      case "F" -> (x - 32) / 1.8;
      case "Rank" -> (x - 491.67) / 1.8;
      case "Reau" -> x * 1.25;
      default -> x * u.size() - 273.15;
    };
  }

  private static double fromCelsius(double c, Unit u) {
    return switch (u.scale()) {
      case "C" -> c;
      case "F" -> c * 1.8 + 32;
      case "Rank" -> (c + 273.15) * 1.8;
      case "Reau" -> c / 1.25;
      default -> (c + 273.15) / u.size();
    };
  }
}

package xlspark.functions.engineering;

import java.util.ArrayList;
import java.util.List;
import xlspark.functions.FunctionSpec;

/**
 * Excel's engineering functions that are not number-notation or bit functions (those live with math):
 * complex numbers ({@link ComplexFunctions}), unit conversion ({@link UnitConversion}) and Bessel functions
 * ({@link Bessel}).
 */
public final class EngineeringFunctions {
  private EngineeringFunctions() {
  }

  public static List<FunctionSpec> specs() {
    List<FunctionSpec> l = new ArrayList<>(ComplexFunctions.specs());
    l.addAll(UnitConversion.specs());
    l.addAll(Bessel.specs());
    return List.copyOf(l);
  }
}

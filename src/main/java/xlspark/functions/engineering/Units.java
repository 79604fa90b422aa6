package xlspark.functions.engineering;

import java.util.HashMap;
import java.util.Map;

/**
 * The units of Excel's CONVERT: every name and alias Excel lists, its quantity, its size in the quantity's SI
 * unit, and whether it takes a metric prefix. A prefix on a square or cubic unit is squared or cubed with it
 * ({@code km2} is 1E6 m2); {@code ar}, {@code ha} and the litre take it once. Information units also take the
 * binary prefixes ({@code ki}, {@code Mi}, ... {@code Yi}). Names are case-sensitive. Which units take a prefix
 * is Excel's own choice, read from its cached results: {@code ly}, {@code parsec}, {@code mph} and {@code uk_pt} do,
 * {@code ha}, {@code Torr}, {@code psi}, {@code us_pt} and {@code ly2} do not.
 */
final class Units {
  /** Quantities: units convert only within one. */
  enum Quantity { MASS, DISTANCE, TIME, PRESSURE, FORCE, ENERGY, POWER, MAGNETISM, TEMPERATURE, VOLUME, AREA,
    INFORMATION, SPEED }

  /**
   * A unit: {@code size} SI units (kg, m, s, Pa, N, J, W, T, K, m3, m2, bit, m/s); {@code power} 2/3 for m2/m3;
   * {@code scale} names the temperature scale (C, F, K, Rank, Reau), whose conversions have offsets.
   */
  record Unit(Quantity quantity, double size, int power, boolean prefixable, String scale) {
  }

  private static final double LB = 0.45359237;
  private static final double IN = 0.0254;
  private static final double FT = 0.3048;
  private static final double YD = 0.9144;
  private static final double MI = 1609.344;
  private static final double NMI = 1852;
  private static final double LY = 9.4607304725808E15;
  private static final double PICA_PT = IN / 72;
  private static final double G_N = 9.80665;
  private static final double LBF = LB * G_N;
  private static final double HP = 745.69987158227022;
  private static final double US_GAL = 231 * IN * IN * IN;
  private static final double US_TSP = US_GAL / 768;
  private static final double UK_GAL = 4.54609e-3;

  private static final Map<String, Unit> UNITS = new HashMap<>();
  private static final Map<String, Double> PREFIXES = new HashMap<>();
  private static final Map<String, Double> BINARY_PREFIXES = new HashMap<>();

  static {
    Quantity q = Quantity.MASS;
    add(q, 1e-3, true, "g");
    add(q, LB * G_N / FT, false, "sg");
    add(q, LB, false, "lbm");
    add(q, 1.660538782e-27, true, "u");
    add(q, LB / 16, false, "ozm");
    add(q, 64.79891e-6, false, "grain");
    add(q, 100 * LB, false, "cwt", "shweight");
    add(q, 112 * LB, false, "uk_cwt", "lcwt", "hweight");
    add(q, 14 * LB, false, "stone");
    add(q, 2000 * LB, false, "ton");
    add(q, 2240 * LB, false, "uk_ton", "LTON", "brton");
    q = Quantity.DISTANCE;
    add(q, 1, true, "m");
    add(q, MI, false, "mi");
    add(q, NMI, false, "Nmi");
    add(q, IN, false, "in");
    add(q, FT, false, "ft");
    add(q, YD, false, "yd");
    add(q, 1e-10, true, "ang");
    add(q, 45 * IN, false, "ell");
    add(q, LY, true, "ly");
    add(q, 3.0856775812815535E16, true, "parsec", "pc");
    add(q, PICA_PT, false, "Pica", "Picapt");
    add(q, IN / 6, false, "pica");
    add(q, 6336000.0 / 3937, false, "survey_mi");
    q = Quantity.TIME;
    add(q, 365.25 * 86400, false, "yr");
    add(q, 86400, false, "day", "d");
    add(q, 3600, false, "hr");
    add(q, 60, false, "mn", "min");
    add(q, 1, true, "sec", "s");
    q = Quantity.PRESSURE;
    add(q, 1, true, "Pa", "p");
    add(q, 101325, true, "atm", "at");
    add(q, 133.322, true, "mmHg");
    add(q, LBF / (IN * IN), false, "psi");
    add(q, 101325.0 / 760, false, "Torr");
    q = Quantity.FORCE;
    add(q, 1, true, "N");
    add(q, 1e-5, true, "dyn", "dy");
    add(q, LBF, false, "lbf");
    add(q, G_N * 1e-3, true, "pond");
    q = Quantity.ENERGY;
    add(q, 1, true, "J");
    add(q, 1e-7, true, "e");
    add(q, 4.184, true, "c");
    add(q, 4.1868, true, "cal");
    add(q, 1.602176487e-19, true, "eV", "ev");
    add(q, HP * 3600, false, "HPh", "hh");
    add(q, 3600, true, "Wh", "wh");
    add(q, LBF * FT, false, "flb");
    add(q, 1055.05585262, false, "BTU", "btu");
    q = Quantity.POWER;
    add(q, HP, false, "HP", "h");
    add(q, 1, true, "W", "w");
    add(q, 75 * G_N, false, "PS");
    q = Quantity.MAGNETISM;
    add(q, 1, true, "T");
    add(q, 1e-4, true, "ga");
    q = Quantity.TEMPERATURE;
    add(q, 1, false, "C", "cel");
    add(q, 1, false, "F", "fah");
    add(q, 1, true, "K", "kel");
    add(q, 1, false, "Rank");
    add(q, 1, false, "Reau");
    q = Quantity.VOLUME;
    add(q, 1e-3, true, "l", "L", "lt");
    add(q, US_TSP, false, "tsp");
    add(q, 5e-6, false, "tspm");
    add(q, 3 * US_TSP, false, "tbs");
    add(q, 6 * US_TSP, false, "oz");
    add(q, 48 * US_TSP, false, "cup");
    add(q, US_GAL / 8, false, "pt", "us_pt");
    add(q, UK_GAL / 8, true, "uk_pt");
    add(q, US_GAL / 4, false, "qt");
    add(q, UK_GAL / 4, false, "uk_qt");
    add(q, US_GAL, false, "gal");
    add(q, UK_GAL, false, "uk_gal");
    add(q, 42 * US_GAL, false, "barrel");
    add(q, 2150.42 * IN * IN * IN, false, "bushel");
    add(q, 100 * FT * FT * FT, false, "GRT", "regton");
    add(q, 40 * FT * FT * FT, false, "MTON");
    powers(q, 3, "ang", "in", "ft", "ly", "m", "mi", "yd", "Nmi", "Pica", "Picapt");
    q = Quantity.AREA;
    add(q, 1e4, false, "ha");
    add(q, 100, true, "ar");
    add(q, 4046.8564224, false, "uk_acre");
    add(q, 43560 * Math.pow(1200.0 / 3937, 2), false, "us_acre");
    add(q, 2500, false, "Morgen");
    powers(q, 2, "ang", "in", "ft", "ly", "m", "mi", "yd", "Nmi", "Pica", "Picapt");
    q = Quantity.INFORMATION;
    add(q, 1, true, "bit");
    add(q, 8, true, "byte");
    q = Quantity.SPEED;
    add(q, 1, true, "m/s", "m/sec");
    add(q, 1.0 / 3600, true, "m/h", "m/hr");
    add(q, MI / 3600, true, "mph");
    add(q, NMI / 3600, false, "kn");
    add(q, 6080 * FT / 3600, false, "admkn");

    String[] names = {"Y", "Z", "E", "P", "T", "G", "M", "k", "h", "da", "e", "d", "c", "m", "u", "n", "p", "f", "a",
        "z", "y"};
    int[] exponents = {24, 21, 18, 15, 12, 9, 6, 3, 2, 1, 1, -1, -2, -3, -6, -9, -12, -15, -18, -21, -24};
    for (int i = 0; i < names.length; i++) {
      PREFIXES.put(names[i], Double.parseDouble("1E" + exponents[i]));
    }
    String[] binary = {"ki", "Mi", "Gi", "Ti", "Pi", "Ei", "Zi", "Yi"};
    for (int i = 0; i < binary.length; i++) {
      BINARY_PREFIXES.put(binary[i], Math.pow(2, 10 * (i + 1)));
    }
  }

  private Units() {
  }

  private static void add(Quantity q, double size, boolean prefixable, String... names) {
    for (String n : names) {
      UNITS.put(n, new Unit(q, size, 1, prefixable, names[0]));
    }
  }

  /** Square or cubic units of lengths, written {@code m2} or {@code m^2}; only those of m and ang take a prefix. */
  private static void powers(Quantity q, int power, String... lengths) {
    for (String l : lengths) {
      Unit u = UNITS.get(l);
      boolean prefixable = l.equals("m") || l.equals("ang");
      Unit p = new Unit(q, Math.pow(u.size(), power), power, prefixable, l + power);
      UNITS.put(l + power, p);
      UNITS.put(l + "^" + power, p);
    }
  }

  /** The unit a name stands for, prefix included, with its size already scaled; null when Excel has none. */
  static Unit lookup(String name) {
    Unit u = UNITS.get(name);
    if (u != null) {
      return u;
    }
    for (int len = 2; len >= 1; len--) {
      if (name.length() <= len) {
        continue;
      }
      String prefix = name.substring(0, len);
      Unit base = UNITS.get(name.substring(len));
      if (base == null || !base.prefixable()) {
        continue;
      }
      Double scale = PREFIXES.get(prefix);
      if (scale == null && base.quantity() == Quantity.INFORMATION) {
        scale = BINARY_PREFIXES.get(prefix);
      }
      if (scale != null) {
        return new Unit(base.quantity(), base.size() * Math.pow(scale, base.power()), base.power(), false,
            base.scale());
      }
    }
    return null;
  }
}

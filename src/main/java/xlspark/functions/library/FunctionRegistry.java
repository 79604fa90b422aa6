package xlspark.functions.library;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import xlspark.functions.Category;
import xlspark.functions.FunctionSpec;
import xlspark.functions.criteria.CriteriaFunctions;
import xlspark.functions.database.DatabaseFunctions;
import xlspark.functions.date.DateFunctions;
import xlspark.functions.engineering.EngineeringFunctions;
import xlspark.functions.financial.EuroConvert;
import xlspark.functions.financial.FinancialFunctions;
import xlspark.functions.financial.SecuritiesFunctions;
import xlspark.functions.info.CellInfo;
import xlspark.functions.info.InfoFunctions;
import xlspark.functions.info.WorkbookInfo;
import xlspark.functions.logical.LambdaFunctions;
import xlspark.functions.logical.LogicalFunctions;
import xlspark.functions.lookup.LookupFunctions;
import xlspark.functions.math.MathFunctions;
import xlspark.functions.reference.ReferenceFunctions;
import xlspark.functions.stat.StatFunctions;
import xlspark.functions.text.TextFormatFunctions;
import xlspark.functions.text.BahtText;
import xlspark.functions.text.FarEastText;
import xlspark.functions.text.RegexFunctions;
import xlspark.functions.text.TextFunctions;
import xlspark.functions.text.ValueText;
import xlspark.functions.web.FilterXml;
import xlspark.functions.web.WebFunctions;

/**
 * Every function the engine implements, built once from the category classes, immutable, and free of
 * duplicates. Also knows the names of Excel functions that are not implemented yet (they give #NAME? with
 * the message "not implemented").
 */
public final class FunctionRegistry {
  /** A category and a class that declares functions of it; a category may span several classes. */
  private record Source(Category category, Supplier<List<FunctionSpec>> specs) {
    /** By the category's name (math, text...). */
    Source(String category, Supplier<List<FunctionSpec>> specs) {
      this(Category.of(category), specs);
    }
  }

  private static final FunctionRegistry STANDARD = new FunctionRegistry(List.of(
      new Source(Category.MATH, MathFunctions::specs),
      new Source(Category.STATISTICAL, StatFunctions::specs),
      new Source(Category.TEXT, TextFunctions::specs),
      new Source(Category.TEXT, TextFormatFunctions::specs),
      new Source(Category.TEXT, ValueText::specs),
      new Source(Category.TEXT, BahtText::specs),
      new Source(Category.TEXT, RegexFunctions::specs),
      new Source(Category.TEXT, FarEastText::specs),
      new Source(Category.LOGICAL, LogicalFunctions::specs),
      new Source(Category.LOGICAL, LambdaFunctions::specs),
      new Source(Category.INFORMATION, InfoFunctions::specs),
      new Source(Category.INFORMATION, WorkbookInfo::specs),
      new Source(Category.INFORMATION, CellInfo::specs),
      new Source(Category.DATETIME, DateFunctions::specs),
      new Source(Category.LOOKUP, LookupFunctions::specs),
      new Source(Category.LOOKUP, LambdaFunctions::groupingSpecs),
      new Source(Category.FINANCIAL, FinancialFunctions::specs),
      new Source(Category.FINANCIAL, SecuritiesFunctions::specs),
      new Source(Category.FINANCIAL, EuroConvert::specs),
      new Source(Category.CRITERIA, CriteriaFunctions::specs),
      new Source(Category.WEB, WebFunctions::specs),
      new Source(Category.WEB, FilterXml::specs),
      new Source(Category.REFERENCE, ReferenceFunctions::specs),
      new Source(Category.ENGINEERING, EngineeringFunctions::specs),
      new Source(Category.DATABASE, DatabaseFunctions::specs)));

  private final Map<String, FunctionSpec> byName;
  private final Set<String> excelNames;
  private final List<String> interpreterOnly;
  /** The last characters of {@link #interpreterOnly}'s names: a cheap first test for a shape scan. */
  private final boolean[] interpreterOnlyLast = new boolean[128];

  private FunctionRegistry(List<Source> sources) {
    Map<String, FunctionSpec> m = new LinkedHashMap<>();
    for (Source src : sources) {
      for (FunctionSpec s : src.specs().get()) {
        if (m.putIfAbsent(s.name(), s.inCategory(src.category())) != null) {
          throw new IllegalStateException("function " + s.name() + " is declared twice");
        }
      }
    }
    this.byName = Collections.unmodifiableMap(m);
    this.excelNames = loadExcelNames();
    this.interpreterOnly = m.values().stream().filter(FunctionSpec::isInterpreterOnly).map(FunctionSpec::name).toList();
    for (String n : interpreterOnly) {
      char c = n.charAt(n.length() - 1);
      if (c >= 128) {
        throw new IllegalStateException("interpreter-only function names are ASCII: " + n);
      }
      interpreterOnlyLast[c] = true;
    }
  }

  /** The registry of all implemented functions. */
  public static FunctionRegistry standard() {
    return STANDARD;
  }

  /** The function of an upper-case name (an {@code _xlfn.} or {@code _xlws.} prefix is ignored), or null. */
  public FunctionSpec lookup(String upperName) {
    FunctionSpec s = byName.get(upperName);
    if (s == null && upperName.startsWith("_XL")) {
      int dot = upperName.indexOf('.');
      if (dot > 0) {
        s = lookup(upperName.substring(dot + 1));
      }
    }
    return s;
  }

  /** The names of the functions only the interpreter evaluates ({@link FunctionSpec#isInterpreterOnly}). */
  public List<String> interpreterOnlyNames() {
    return interpreterOnly;
  }

  /** False when no interpreter-only function's name ends in {@code c} (a folded name character). */
  public boolean mayEndInterpreterOnlyName(char c) {
    return c < 128 && interpreterOnlyLast[c];
  }

  /** True for a function Excel has, whether or not it is implemented here. */
  public boolean isExcelFunction(String upperName) {
    return excelNames.contains(bareName(upperName)) || lookup(upperName) != null;
  }

  /** The names of Excel's function list that no function here implements, sorted. */
  public List<String> notImplemented() {
    List<String> l = new ArrayList<>();
    for (String n : excelNames) {
      if (lookup(n) == null) {
        l.add(n);
      }
    }
    Collections.sort(l);
    return l;
  }

  /** The name without the storage prefixes Excel writes into files ({@code _xlfn.}, {@code _xlws.}, both). */
  public static String bareName(String upperName) {
    String n = upperName;
    while (n.startsWith("_XL")) {
      int dot = n.indexOf('.');
      if (dot < 0) {
        break;
      }
      n = n.substring(dot + 1);
    }
    return n;
  }

  /** All implemented functions, sorted by name. */
  public List<FunctionSpec> all() {
    List<FunctionSpec> l = new ArrayList<>(byName.values());
    l.sort(Comparator.comparing(FunctionSpec::name));
    return l;
  }

  public int size() {
    return byName.size();
  }

  private static Set<String> loadExcelNames() {
    Set<String> names = new HashSet<>();
    try (InputStream in = FunctionRegistry.class.getResourceAsStream("excel-functions.txt")) {
      if (in == null) {
        return names;
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        String t = line.trim();
        if (!t.isEmpty() && !t.startsWith("#")) {
          names.add(t.toUpperCase(java.util.Locale.ROOT));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return names;
  }
}

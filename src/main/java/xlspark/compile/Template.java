package xlspark.compile;

import java.util.List;
import java.util.Set;
import org.apache.commons.jexl3.JexlScript;
import xlspark.value.Area;
import xlspark.value.Coerce;
import xlspark.value.ExcelError;
import xlspark.value.Value;

/**
 * A compiled formula shape: one JEXL script shared by every formula that differs only in its number and
 * text literals ({@code ROUND(3.14*2,2)} and {@code ROUND(2.5*7,1)}). {@link #bind} fills the parameters
 * for one formula's literals and variables.
 */
public final class Template {
  /** Looks up a variable by upper-case name: the value (Java or {@link Value}), null for blank, or UNKNOWN. */
  public interface Variables {
    Object UNKNOWN = new Object();

    Object lookup(String upperCaseName);
  }

  /** Workbook mode: what a formula's references, names and structured references stand for. */
  public interface References {
    /** The value of a hoisted reference, used as {@code use}. */
    Value ref(Area area, Slot.Use use);

    /** The value of a defined name (upper case, possibly {@code SHEET!NAME}). */
    Value name(String upperName, Slot.Use use);

    /** The value of a structured reference as written. */
    Value structured(String text, Slot.Use use);
  }

  private final String shapeKey;
  private final String jexl;
  private final JexlScript script;
  private final Slot[] slots;
  private final Set<String> variables;
  private final Set<String> functions;
  private final Set<String> unknownFunctions;
  private final boolean isVolatile;
  private final long largestArrayConstant;

  Template(String shapeKey, JexlTranslator.Translation t, JexlScript script) {
    this.shapeKey = shapeKey;
    this.jexl = t.jexl();
    this.script = script;
    this.slots = t.slots().toArray(new Slot[0]);
    this.variables = t.variables();
    this.functions = t.functions();
    this.unknownFunctions = t.unknownFunctions();
    this.isVolatile = t.isVolatile();
    long largest = 0;
    for (Slot s : slots) {
      if (s instanceof Slot.ArrayConst a) {
        largest = Math.max(largest, (long) a.rows() * a.cols());
      }
    }
    this.largestArrayConstant = largest;
  }

  /**
   * The cells of the template's largest array constant: a run whose limit is lower must refuse the shape as a
   * compile with that limit would (the cache is shared by runs of the JVM, the limit is the run's).
   */
  public long largestArrayConstant() {
    return largestArrayConstant;
  }

  /** The parameter values for one formula of this shape. */
  public Object[] bind(Value[] literals, Variables vars) {
    return bind(literals, null, vars, null);
  }

  /** The parameter values for one workbook formula: {@code refs} fills the reference slots from {@code areas}. */
  public Object[] bind(Value[] literals, Area[] areas, Variables vars, References refs) {
    Object[] args = new Object[slots.length];
    for (int i = 0; i < slots.length; i++) {
      Slot s = slots[i];
      if (s instanceof Slot.Literal l) {
        args[i] = literals[l.index()];
      } else if (s instanceof Slot.Const c) {
        args[i] = c.value();
      } else if (s instanceof Slot.Variable v) {
        args[i] = variable(vars, v.name());
      } else if (s instanceof Slot.Ref r) {
        args[i] = refs.ref(areas[r.index()], r.use());
      } else if (s instanceof Slot.Name n) {
        args[i] = refs.name(n.name(), n.use());
      } else if (s instanceof Slot.Structured st) {
        args[i] = refs.structured(st.text(), st.use());
      } else {
        args[i] = array((Slot.ArrayConst) s, literals);
      }
    }
    return args;
  }

  /** The value of a variable: its column or constant as an Excel value, #NAME? when there is none. */
  static Value variable(Variables vars, String name) {
    return variableValue(name, vars.lookup(name));
  }

  /** The value of what a lookup of {@code name} returned. */
  static Value variableValue(String name, Object o) {
    return o == Variables.UNKNOWN ? Value.err(ExcelError.NAME, "unknown variable " + name) : Coerce.fromJava(o);
  }

  private static Value array(Slot.ArrayConst a, Value[] literals) {
    Value[] cells = new Value[a.cells().size()];
    for (int i = 0; i < cells.length; i++) {
      Slot.Cell c = a.cells().get(i);
      if (c.constant() != null) {
        cells[i] = c.constant();
      } else {
        Value v = literals[c.literal()];
        cells[i] = c.negate() && v instanceof Value.Num n ? Value.num(-n.v()) : v;
      }
    }
    return new Value.Arr(a.rows(), a.cols(), cells);
  }

  public String shapeKey() {
    return shapeKey;
  }

  /** The emitted JEXL source (parameters {@code s0..sN}). */
  public String jexl() {
    return jexl;
  }

  public JexlScript script() {
    return script;
  }

  public List<Slot> slots() {
    return List.of(slots);
  }

  /** Upper-case names of the variables the formula reads. */
  public Set<String> variables() {
    return variables;
  }

  public Set<String> functions() {
    return functions;
  }

  public Set<String> unknownFunctions() {
    return unknownFunctions;
  }

  public boolean isVolatile() {
    return isVolatile;
  }
}

package xlspark.safety;

import java.util.Iterator;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A class that must never be reached from a formula: loading it, constructing it, or calling any of its
 * methods (static or not, including the ones JEXL or reflection would look for: getters, {@code toString},
 * {@code size}, {@code isEmpty}, iterators, functional interfaces) writes the marker file of
 * {@link CanaryMarker}. The injection corpus names it every way an expression can.
 */
public final class Canary implements Supplier<Object>, Function<Object, Object>, Runnable, Iterable<Object> {
  public static final Canary INSTANCE;
  public static final String NAME = "xlspark.safety.Canary";

  static {
    CanaryMarker.trip("class initialized");
    INSTANCE = new Canary();
  }

  public Canary() {
    CanaryMarker.trip("constructed");
  }

  public Canary(Object arg) {
    CanaryMarker.trip("constructed with " + arg);
  }

  public static Object touch() {
    CanaryMarker.trip("touch()");
    return "touched";
  }

  public static Object touch(Object arg) {
    CanaryMarker.trip("touch(" + arg + ")");
    return "touched";
  }

  public static Object exec(Object command) {
    CanaryMarker.trip("exec(" + command + ")");
    return "executed";
  }

  public static Canary getInstance() {
    CanaryMarker.trip("getInstance()");
    return INSTANCE;
  }

  public Object getValue() {
    CanaryMarker.trip("getValue()");
    return "value";
  }

  public Object get(Object key) {
    CanaryMarker.trip("get(" + key + ")");
    return "value";
  }

  public int size() {
    CanaryMarker.trip("size()");
    return 1;
  }

  public boolean isEmpty() {
    CanaryMarker.trip("isEmpty()");
    return false;
  }

  @Override
  public Object get() {
    CanaryMarker.trip("Supplier.get()");
    return "value";
  }

  @Override
  public Object apply(Object o) {
    CanaryMarker.trip("apply(" + o + ")");
    return o;
  }

  @Override
  public void run() {
    CanaryMarker.trip("run()");
  }

  @Override
  public Iterator<Object> iterator() {
    CanaryMarker.trip("iterator()");
    return java.util.List.<Object>of("value").iterator();
  }

  @Override
  public String toString() {
    CanaryMarker.trip("toString()");
    return NAME;
  }

  @Override
  public boolean equals(Object o) {
    CanaryMarker.trip("equals()");
    return o == this;
  }

  @Override
  public int hashCode() {
    CanaryMarker.trip("hashCode()");
    return 1;
  }
}

package xlspark.compile;

import java.util.Iterator;
import java.util.List;
import org.apache.commons.jexl3.JexlArithmetic;
import org.apache.commons.jexl3.JexlEngine;
import org.apache.commons.jexl3.JexlOperator;
import org.apache.commons.jexl3.introspection.JexlMethod;
import org.apache.commons.jexl3.introspection.JexlPropertyGet;
import org.apache.commons.jexl3.introspection.JexlPropertySet;
import org.apache.commons.jexl3.introspection.JexlUberspect;
import xlspark.functions.FunctionSpec;
import xlspark.value.Value;

/**
 * The introspection layer JEXL uses for every call, property and constructor. Calls on the {@code xl}
 * namespace go to the function registry; everything else goes to a delegate built with deny-by-default
 * permissions (only {@link ExcelArithmetic}'s operator overloads are visible), so reflection, class loading,
 * properties and constructors are refused.
 */
final class SandboxUberspect implements JexlUberspect {
  private final JexlUberspect denied;
  private final FunctionNamespace namespace;
  /** JEXL asks for these on every script execution; the arithmetic never changes, so they are resolved once. */
  private volatile JexlArithmetic.Uberspect arithmeticUberspect;
  private volatile JexlOperator.Uberspect operatorUberspect;
  private volatile JexlArithmetic resolvedFor;

  SandboxUberspect(JexlUberspect denied, FunctionNamespace namespace) {
    this.denied = denied;
    this.namespace = namespace;
  }

  @Override
  public JexlMethod getMethod(Object obj, String method, Object... args) {
    if (obj == namespace) {
      FunctionSpec spec = namespace.function(method);
      return spec == null ? null : new FunctionMethod(spec, method);
    }
    return null;
  }

  @Override
  public JexlMethod getConstructor(Object ctorHandle, Object... args) {
    return null;
  }

  @Override
  public JexlPropertyGet getPropertyGet(Object obj, Object identifier) {
    return null;
  }

  @Override
  public JexlPropertyGet getPropertyGet(List<PropertyResolver> resolvers, Object obj, Object identifier) {
    return null;
  }

  @Override
  public JexlPropertySet getPropertySet(Object obj, Object identifier, Object arg) {
    return null;
  }

  @Override
  public JexlPropertySet getPropertySet(List<PropertyResolver> resolvers, Object obj, Object identifier, Object arg) {
    return null;
  }

  @Override
  public Iterator<?> getIterator(Object obj) {
    return null;
  }

  @Override
  public Class<?> getClassByName(String className) {
    return null;
  }

  @Override
  public List<PropertyResolver> getResolvers(JexlOperator op, Object obj) {
    return denied.getResolvers(op, obj);
  }

  @Override
  public JexlArithmetic.Uberspect getArithmetic(JexlArithmetic arithmetic) {
    resolve(arithmetic);
    return arithmeticUberspect;
  }

  @Override
  public JexlOperator.Uberspect getOperator(JexlArithmetic arithmetic) {
    resolve(arithmetic);
    return operatorUberspect;
  }

  private void resolve(JexlArithmetic arithmetic) {
    if (resolvedFor != arithmetic) {
      synchronized (this) {
        arithmeticUberspect = denied.getArithmetic(arithmetic);
        operatorUberspect = denied.getOperator(arithmetic);
        resolvedFor = arithmetic;
      }
    }
  }

  @Override
  public ClassLoader getClassLoader() {
    return denied.getClassLoader();
  }

  @Override
  public void setClassLoader(ClassLoader loader) {
    // The sandbox keeps its class loader: scripts cannot load classes anyway.
  }

  @Override
  public int getVersion() {
    return denied.getVersion();
  }

  /** A registry function as a JEXL method; its arguments must all be Excel values. */
  private static final class FunctionMethod implements JexlMethod {
    private final FunctionSpec spec;
    private final String jexlName;

    FunctionMethod(FunctionSpec spec, String jexlName) {
      this.spec = spec;
      this.jexlName = jexlName;
    }

    @Override
    public Object invoke(Object obj, Object... params) {
      Value[] args = new Value[params.length];
      for (int i = 0; i < params.length; i++) {
        if (!(params[i] instanceof Value v)) {
          throw new IllegalArgumentException(spec.name() + ": argument " + (i + 1) + " is not an Excel value");
        }
        args[i] = v;
      }
      return spec.invoke(args, JexlSandbox.running());
    }

    @Override
    public Object tryInvoke(String name, Object obj, Object... params) {
      if (!jexlName.equals(name) || !(obj instanceof FunctionNamespace)) {
        return JexlEngine.TRY_FAILED;
      }
      return invoke(obj, params);
    }

    @Override
    public boolean tryFailed(Object rval) {
      return rval == JexlEngine.TRY_FAILED;
    }

    @Override
    public boolean isCacheable() {
      return true;
    }

    @Override
    public Class<?> getReturnType() {
      return Value.class;
    }
  }
}

package xlspark.functions;

import java.util.Arrays;
import xlspark.value.Value.Err;

/** A growable list of doubles gathered from arguments, or the error that stopped the gathering. */
public final class NumberList {
  private double[] values = new double[8];
  private int size;
  private Err error;

  void add(double d) {
    if (size == values.length) {
      values = Arrays.copyOf(values, size * 2);
    }
    values[size++] = d;
  }

  NumberList fail(Err e) {
    error = e;
    return this;
  }

  /** The error met while gathering, or null. */
  public Err error() {
    return error;
  }

  public int size() {
    return size;
  }

  public double get(int i) {
    return values[i];
  }

  /** A copy of the numbers, exactly {@link #size()} long. */
  public double[] toArray() {
    return Arrays.copyOf(values, size);
  }

  public double sum() {
    double s = 0;
    for (int i = 0; i < size; i++) {
      s += values[i];
    }
    return s;
  }
}

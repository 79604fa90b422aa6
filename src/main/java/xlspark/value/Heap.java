package xlspark.value;

import java.lang.management.ManagementFactory;

/**
 * The JVM's maximum heap, which the engine's caches take a stated share of. Read from the memory bean rather
 * than {@code Runtime} (which also starts processes, and which no engine class names).
 */
public final class Heap {
  /** Assumed when the JVM states no maximum. */
  private static final long DEFAULT_MAX = 1L << 30;
  private static final long MAX = max();

  private Heap() {
  }

  private static long max() {
    long m = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax();
    return m > 0 ? m : DEFAULT_MAX;
  }

  /** {@code share} of the maximum heap, in bytes. */
  public static long share(double share) {
    return (long) (MAX * share);
  }
}

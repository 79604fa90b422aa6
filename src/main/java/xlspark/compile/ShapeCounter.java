package xlspark.compile;

/**
 * How often each formula shape has been seen, approximately, in fixed memory (1 MiB per JVM, whatever the
 * input): a count-min sketch of two byte counters per shape, halved as the counts age, so shapes that stop
 * coming are forgotten. Decides when a shape has repeated enough to be worth a JEXL compile. Collisions only
 * ever over-count, which compiles a shape a little early; nothing depends on the counts being exact.
 * Shared by the threads of a JVM without locks: a lost increment under a race only delays a compile.
 */
final class ShapeCounter {
  private static final int BITS = 20;
  private static final int MASK = (1 << BITS) - 1;
  /** After this many increments every counter is halved. */
  private static final int AGE_EVERY = 8 << BITS;

  private final byte[] counts = new byte[1 << BITS];
  private int increments;

  /** Counts one more sighting of {@code key}; returns the count including it (at most 255). */
  int increment(String key) {
    long h = mix(key.hashCode() * 0x9E3779B97F4A7C15L + key.length());
    int i = (int) h & MASK;
    int j = (int) (h >>> 32) & MASK;
    int a = counts[i] & 0xFF;
    int b = counts[j] & 0xFF;
    int min = Math.min(a, b);
    if (min < 255) {
      // Conservative update: only the counters at the minimum grow, which keeps over-counting low.
      if (a == min) {
        counts[i] = (byte) (min + 1);
      }
      if (b == min) {
        counts[j] = (byte) (min + 1);
      }
      min++;
    }
    if (++increments >= AGE_EVERY) {
      age();
    }
    return min;
  }

  private synchronized void age() {
    if (increments < AGE_EVERY) {
      return;
    }
    increments = 0;
    for (int k = 0; k < counts.length; k++) {
      counts[k] = (byte) ((counts[k] & 0xFF) >>> 1);
    }
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
    z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
    return z ^ (z >>> 33);
  }
}

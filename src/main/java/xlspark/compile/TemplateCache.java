package xlspark.compile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * A bounded, thread-safe cache of compiled templates keyed by shape (never by full formula text), bounded both
 * by entries and by an estimate of their bytes: by default at most {@link #DEFAULT_HEAP_SHARE} of the JVM's
 * maximum heap, whatever the formulas (an 8,192-character formula compiles to a third of a megabyte, so 1,600
 * distinct ones once filled a 1 GB executor). A template estimated above {@link #HUGE_SHARE} of the byte bound
 * is not cached at all: each of its formulas compiles again, which is slow but cannot crowd out the heap. When
 * the cache grows past a bound it drops the least recently used tenth, so eviction cost is amortised. Recency
 * is an epoch that advances on every insertion: a hit only copies the current epoch into its entry (a read and
 * a plain write, no contended counter on the hot path), which orders entries by last use between misses.
 */
public final class TemplateCache {
  /** Share of the maximum heap the cached templates may take by default, by their estimated bytes. */
  public static final double DEFAULT_HEAP_SHARE = 1.0 / 8;
  /** A template estimated above this share of the byte bound is not cached. */
  public static final double HUGE_SHARE = 1.0 / 64;

  private final ConcurrentHashMap<String, Entry> map = new ConcurrentHashMap<>();
  private final AtomicLong clock = new AtomicLong();
  private final AtomicLong bytes = new AtomicLong();
  private final LongAdder hits = new LongAdder();
  private final LongAdder misses = new LongAdder();
  private final LongAdder uncached = new LongAdder();
  private final long maxBytes;
  private final int maxSize;

  private static final class Entry {
    final Template template;
    final long bytes;
    volatile long lastUse;

    Entry(Template t, long bytes, long now) {
      template = t;
      this.bytes = bytes;
      lastUse = now;
    }
  }

  /** A cache of at most {@code maxSize} templates and {@link #DEFAULT_HEAP_SHARE} of the maximum heap. */
  public TemplateCache(int maxSize) {
    this(maxSize, xlspark.value.Heap.share(DEFAULT_HEAP_SHARE));
  }

  /** A cache of at most {@code maxSize} templates and {@code maxBytes} estimated bytes. */
  public TemplateCache(int maxSize, long maxBytes) {
    this.maxSize = maxSize;
    this.maxBytes = maxBytes;
  }

  /**
   * The estimated bytes a template holds: its shape key and JEXL source, the JEXL syntax tree (which grows with
   * the source, measured at 13 to 32 bytes per character), its slots and the cells of its array constants.
   * Calibrated on 8,192-character formulas of each kind (sums of references, nested calls, array constants,
   * long names), where it is 0 to 30% above the measured retained size.
   */
  public static long estimateBytes(Template t) {
    long cells = 0;
    for (Slot s : t.slots()) {
      if (s instanceof Slot.ArrayConst a) {
        cells += a.cells().size();
      }
    }
    return 512 + 8L * t.shapeKey().length() + 24L * t.jexl().length() + 64L * t.slots().size() + 16 * cells;
  }

  public Template get(String shapeKey) {
    Entry e = map.get(shapeKey);
    if (e == null) {
      misses.increment();
      return null;
    }
    hits.increment();
    long now = clock.get();
    if (e.lastUse != now) {
      e.lastUse = now;
    }
    return e.template;
  }

  /** Caches a template, unless it alone would take more than {@link #HUGE_SHARE} of the byte bound. */
  public void put(Template t) {
    long size = estimateBytes(t);
    if (size > maxBytes * HUGE_SHARE) {
      uncached.increment();
      return;
    }
    Entry previous = map.put(t.shapeKey(), new Entry(t, size, clock.incrementAndGet()));
    bytes.addAndGet(previous == null ? size : size - previous.bytes);
    if (map.size() > maxSize || bytes.get() > maxBytes) {
      evict();
    }
  }

  private synchronized void evict() {
    int excess = map.size() - maxSize;
    long excessBytes = bytes.get() - maxBytes;
    if (excess <= 0 && excessBytes <= 0) {
      return;
    }
    int drop = excess > 0 ? Math.max(excess, maxSize / 10) : 0;
    long dropBytes = excessBytes > 0 ? Math.max(excessBytes, maxBytes / 10) : 0;
    List<Map.Entry<String, Entry>> all = new ArrayList<>(map.entrySet());
    all.sort((a, b) -> Long.compare(a.getValue().lastUse, b.getValue().lastUse));
    long freed = 0;
    for (int i = 0; i < all.size() && (i < drop || freed < dropBytes); i++) {
      Entry e = all.get(i).getValue();
      if (map.remove(all.get(i).getKey(), e)) {
        bytes.addAndGet(-e.bytes);
        freed += e.bytes;
      }
    }
  }

  public int maxSize() {
    return maxSize;
  }

  /** The bound on the estimated bytes of the cached templates. */
  public long maxBytes() {
    return maxBytes;
  }

  /** The estimated bytes of the cached templates. */
  public long bytes() {
    return bytes.get();
  }

  public int size() {
    return map.size();
  }

  public long hits() {
    return hits.sum();
  }

  public long misses() {
    return misses.sum();
  }

  /** Templates compiled but not cached because they were too large. */
  public long uncached() {
    return uncached.sum();
  }

  public synchronized void clear() {
    for (Map.Entry<String, Entry> e : map.entrySet()) {
      if (map.remove(e.getKey(), e.getValue())) {
        bytes.addAndGet(-e.getValue().bytes);
      }
    }
  }
}

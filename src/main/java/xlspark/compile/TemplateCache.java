package xlspark.compile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * A bounded, thread-safe cache of compiled templates keyed by shape (never by full formula text). When it
 * grows past its bound it drops the least recently used tenth, so eviction cost is amortised. Recency is
 * an epoch that advances on every insertion: a hit only copies the current epoch into its entry (a read and
 * a plain write, no contended counter on the hot path), which orders entries by last use between misses.
 */
public final class TemplateCache {
  private final ConcurrentHashMap<String, Entry> map = new ConcurrentHashMap<>();
  private final AtomicLong clock = new AtomicLong();
  private final LongAdder hits = new LongAdder();
  private final LongAdder misses = new LongAdder();
  private volatile int maxSize;

  private static final class Entry {
    final Template template;
    volatile long lastUse;

    Entry(Template t, long now) {
      template = t;
      lastUse = now;
    }
  }

  public TemplateCache(int maxSize) {
    this.maxSize = maxSize;
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

  public void put(Template t) {
    map.put(t.shapeKey(), new Entry(t, clock.incrementAndGet()));
    if (map.size() > maxSize) {
      evict();
    }
  }

  private synchronized void evict() {
    int excess = map.size() - maxSize;
    if (excess <= 0) {
      return;
    }
    int drop = Math.max(excess, maxSize / 10);
    List<Map.Entry<String, Entry>> all = new ArrayList<>(map.entrySet());
    all.sort((a, b) -> Long.compare(a.getValue().lastUse, b.getValue().lastUse));
    for (int i = 0; i < drop && i < all.size(); i++) {
      map.remove(all.get(i).getKey(), all.get(i).getValue());
    }
  }

  public void setMaxSize(int maxSize) {
    this.maxSize = maxSize;
    if (map.size() > maxSize) {
      evict();
    }
  }

  public int maxSize() {
    return maxSize;
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

  public void clear() {
    map.clear();
  }
}

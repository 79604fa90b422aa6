package xlspark.spark.timing;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * The largest heap in use in this JVM (the driver's) while a run lasts. The heap is fullest just before a garbage
 * collection, so the peak is read from the collector's notifications (the heap pools' use before each collection),
 * and from the heap in use when the run starts and ends; the same figure a GC log's {@code 1234M->456M} gives.
 */
final class HeapPeak implements NotificationListener {
  private final AtomicLong peak = new AtomicLong();
  private final Set<String> heapPools = new HashSet<>();
  private final List<NotificationEmitter> emitters = new ArrayList<>();

  private HeapPeak() {
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP) {
        heapPools.add(p.getName());
      }
    }
  }

  /** Starts watching. */
  static HeapPeak start() {
    HeapPeak h = new HeapPeak();
    h.peak.set(used());
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (gc instanceof NotificationEmitter e) {
        try {
          e.addNotificationListener(h, null, null);
          h.emitters.add(e);
        } catch (RuntimeException ex) {
          // a collector without notifications: the start and end figures still count
        }
      }
    }
    return h;
  }

  /** Stops watching; the peak in bytes. */
  long stop() {
    for (NotificationEmitter e : emitters) {
      try {
        e.removeNotificationListener(this);
      } catch (javax.management.ListenerNotFoundException | RuntimeException ex) {
        // already gone
      }
    }
    emitters.clear();
    return peak.accumulateAndGet(used(), Math::max);
  }

  /** The heap's maximum size in bytes ({@code -Xmx}). */
  static long max() {
    return Runtime.getRuntime().maxMemory();
  }

  private static long used() {
    MemoryUsage u = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
    return u.getUsed();
  }

  @Override
  public void handleNotification(Notification n, Object handback) {
    if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
      return;
    }
    GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
    long before = 0;
    for (Map.Entry<String, MemoryUsage> e : info.getGcInfo().getMemoryUsageBeforeGc().entrySet()) {
      if (heapPools.contains(e.getKey())) {
        before += e.getValue().getUsed();
      }
    }
    long b = before;
    peak.accumulateAndGet(b, Math::max);
  }
}

package hyp.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;

/**
 * The largest live heap during a piece of work, sampled after every garbage collection (what survives a
 * collection is live), less the live heap at the start. Allocation-heavy work collects often, so the samples
 * are dense; for benchmarks, not for exact accounting.
 */
final class HeapPeak {
    private static final String GC_NOTIFICATION = "com.sun.management.gc.notification";

    private final long baseline;
    private final Set<String> heapPools = new HashSet<>();
    private final AtomicLong peak = new AtomicLong();
    private final List<Runnable> detach = new ArrayList<>();

    private HeapPeak(long baseline) {
        this.baseline = baseline;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) heapPools.add(pool.getName());
        }
    }

    /** Collects garbage, takes the live heap as the baseline and starts listening to collections. */
    static HeapPeak start() {
        System.gc();
        System.gc();
        HeapPeak p = new HeapPeak(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        p.peak.set(p.baseline);
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (!(gc instanceof NotificationEmitter emitter)) continue;
            NotificationListener listener = (Notification n, Object handback) -> {
                if (GC_NOTIFICATION.equals(n.getType())) p.sample((CompositeData) n.getUserData());
            };
            emitter.addNotificationListener(listener, null, null);
            p.detach.add(() -> {
                try {
                    emitter.removeNotificationListener(listener);
                } catch (ListenerNotFoundException ignored) {
                    // already removed
                }
            });
        }
        return p;
    }

    /** Stops listening; returns the peak live bytes above the baseline. */
    long stop() {
        detach.forEach(Runnable::run);
        return Math.max(0, peak.get() - baseline);
    }

    private void sample(CompositeData data) {
        if (!(data.get("gcInfo") instanceof CompositeData gcInfo)) return;
        if (!(gcInfo.get("memoryUsageAfterGc") instanceof TabularData table)) return;
        long total = 0;
        for (Object row : table.values()) {
            CompositeData entry = (CompositeData) row;
            if (!heapPools.contains((String) entry.get("key"))) continue;
            total += MemoryUsage.from((CompositeData) entry.get("value")).getUsed();
        }
        peak.accumulateAndGet(total, Math::max);
    }
}

package fr.macrea.max.event;

import org.springframework.stereotype.Component;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What publishing an event costs its publisher, in two parts: storing and committing it in the feed table, and
 * handing it to the live fan-out. Keeps the last {@value #SAMPLES} publications (a ring, no allocation per
 * publication), read by the SSE benchmark and by operators through {@link #summary()}.
 */
@Component
public final class EventPublishTimings {

    static final int SAMPLES = 4096;

    /** Percentiles of the last publications, in milliseconds. */
    public record Summary(long publications, double storeP50, double storeP99, double handOffP50,
                          double handOffP99) {
    }

    private final long[] storeNanos = new long[SAMPLES];
    private final long[] handOffNanos = new long[SAMPLES];
    private final AtomicLong count = new AtomicLong();

    void record(long store, long handOff) {
        int slot = (int) (count.getAndIncrement() % SAMPLES);
        storeNanos[slot] = store;
        handOffNanos[slot] = handOff;
    }

    public Summary summary() {
        long n = count.get();
        int size = (int) Math.min(n, SAMPLES);
        long[] store = Arrays.copyOf(storeNanos, size);
        long[] handOff = Arrays.copyOf(handOffNanos, size);
        Arrays.sort(store);
        Arrays.sort(handOff);
        return new Summary(n, percentile(store, 50), percentile(store, 99), percentile(handOff, 50),
                percentile(handOff, 99));
    }

    /** Forgets what was recorded (the benchmark resets after its warm-up). */
    public void reset() {
        count.set(0);
    }

    private static double percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = Math.max(0, (int) Math.ceil(sorted.length * p / 100.0) - 1);
        return sorted[index] / 1e6;
    }
}

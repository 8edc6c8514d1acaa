package dev.kassa.server.shared;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * A small cache for what every page reads and tenants rarely change (their themes, texts and
 * payment-method settings): each value is kept for a few seconds, and {@link #clear} (called once a
 * change commits, see {@link TenantSettingsChanged}) drops everything at once. Another node learns
 * of a change when its copy expires. A value loaded while a clear happens is not kept, so a read
 * begun before a change commits never outlives it. Only for reads that show things: what moves
 * money reads the database.
 *
 * @param <K> the key, such as a tenant id
 * @param <V> an immutable value
 */
public final class ExpiringCache<K, V> {
    private final long ttlNanos;
    private final int maxEntries;
    private final LongSupplier nanoTime;
    private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final AtomicLong clears = new AtomicLong();

    private record Entry<V>(V value, long expiresAt) { }

    /**
     * A cache of tenants' settings as pages show them: 10 s, like the client area's hosts, and room
     * for 10,000 keys.
     */
    public static <K, V> ExpiringCache<K, V> ofSettings() {
        return new ExpiringCache<>(Duration.ofSeconds(10), 10_000);
    }

    /** Kept for {@code ttl}, at most {@code maxEntries} keys (beyond that, everything is dropped and read again). */
    public ExpiringCache(Duration ttl, int maxEntries) {
        this(ttl, maxEntries, System::nanoTime);
    }

    ExpiringCache(Duration ttl, int maxEntries, LongSupplier nanoTime) {
        if (ttl.isNegative() || ttl.isZero() || maxEntries < 1) {
            throw new IllegalArgumentException("a cache needs a positive lifetime and room for one entry");
        }
        this.ttlNanos = ttl.toNanos();
        this.maxEntries = maxEntries;
        this.nanoTime = nanoTime;
    }

    /** The value for {@code key}: the kept one while it lasts, else what {@code load} gives (never null). */
    public V get(K key, Supplier<V> load) {
        long now = nanoTime.getAsLong();
        Entry<V> kept = entries.get(key);
        if (kept != null && kept.expiresAt() - now > 0) {
            return kept.value();
        }
        long generation = clears.get();
        V value = load.get();
        if (value == null) {
            throw new IllegalStateException("a cached value cannot be null");
        }
        if (entries.size() >= maxEntries) {
            entries.clear();
        }
        entries.put(key, new Entry<>(value, now + ttlNanos));
        if (clears.get() != generation) {
            entries.remove(key); // cleared while loading: what was read may be from before the change
        }
        return value;
    }

    /** Forgets everything. */
    public void clear() {
        clears.incrementAndGet();
        entries.clear();
    }
}

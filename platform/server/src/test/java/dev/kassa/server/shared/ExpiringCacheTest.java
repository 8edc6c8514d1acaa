package dev.kassa.server.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ExpiringCacheTest {
    private final AtomicLong now = new AtomicLong(1_000);
    private final AtomicInteger loads = new AtomicInteger();
    private final ExpiringCache<String, String> cache = new ExpiringCache<>(Duration.ofNanos(100), 3, now::get);

    private String load(String value) {
        loads.incrementAndGet();
        return value;
    }

    @Test
    void keepsAValueUntilItExpires() {
        assertEquals("a", cache.get("t1", () -> load("a")));
        now.addAndGet(99);
        assertEquals("a", cache.get("t1", () -> load("b")));
        assertEquals(1, loads.get());
        now.addAndGet(1);
        assertEquals("b", cache.get("t1", () -> load("b")));
        assertEquals(2, loads.get());
    }

    @Test
    void clearForgetsEverything() {
        cache.get("t1", () -> load("a"));
        cache.get("t2", () -> load("a"));
        cache.clear();
        assertEquals("b", cache.get("t1", () -> load("b")));
        assertEquals("b", cache.get("t2", () -> load("b")));
        assertEquals(4, loads.get());
    }

    @Test
    void aValueReadWhileAClearHappensIsNotKept() {
        assertEquals("old", cache.get("t1", () -> {
            cache.clear(); // a change committed while this read was under way
            return load("old");
        }));
        assertEquals("new", cache.get("t1", () -> load("new")));
    }

    @Test
    void tooManyKeysStartAfresh() {
        for (String key : new String[] {"a", "b", "c", "d"}) {
            cache.get(key, () -> load(key));
        }
        assertEquals("a2", cache.get("a", () -> load("a2")), "the fourth key dropped the first three");
        assertEquals("d", cache.get("d", () -> load("d2")));
    }

    @Test
    void refusesNullValuesAndPointlessLifetimes() {
        assertThrows(IllegalStateException.class, () -> cache.get("t1", () -> null));
        assertThrows(IllegalArgumentException.class, () -> new ExpiringCache<String, String>(Duration.ZERO, 1));
        assertThrows(IllegalArgumentException.class, () -> new ExpiringCache<String, String>(Duration.ofSeconds(1), 0));
    }
}

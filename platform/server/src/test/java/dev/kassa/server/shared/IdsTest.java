package dev.kassa.server.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IdsTest {
    @Test
    void hasThePrefixAnUnderscoreAnd26CrockfordCharacters() {
        String id = Ids.next("acc");
        assertEquals(30, id.length(), id);
        assertTrue(id.matches("acc_[0-7][0-9A-HJKMNP-TV-Z]{25}"), id);
    }

    @Test
    void startsWithTheCreationTime() {
        long before = System.currentTimeMillis();
        String id = Ids.next("tu");
        long after = System.currentTimeMillis();
        long millis = decodeMillis(id.substring(3, 13));
        assertTrue(millis >= before && millis <= after, id + " -> " + millis);
    }

    @Test
    void recognisesItsOwnShape() {
        String id = Ids.next("acc");
        assertTrue(Ids.looksLike(id, "acc"));
        assertFalse(Ids.looksLike(id, "tu"));
        assertFalse(Ids.looksLike(id, "ac"));
        assertFalse(Ids.looksLike(null, "acc"));
        assertFalse(Ids.looksLike("", "acc"));
        assertFalse(Ids.looksLike(id.substring(0, id.length() - 1), "acc"));
        assertFalse(Ids.looksLike(id + "0", "acc"));
        assertFalse(Ids.looksLike("acc-" + id.substring(4), "acc"));
        assertFalse(Ids.looksLike(id.toLowerCase(), "acc"));
        // I, L, O and U are not in the alphabet.
        assertTrue(Ids.looksLike("acc_01HZX3YV8QK2N7M5T4R6W9PABC", "acc"));
        assertFalse(Ids.looksLike("acc_01HZX3YV8QK2N7M5T4R6W9PABU", "acc"));
        assertFalse(Ids.looksLike("acc_01HZX3YV8QK2N7M5T4R6W9PABO", "acc"));
        assertFalse(Ids.looksLike("acc_01HZX3YV8QK2N7M5T4R6W9PABL", "acc"));
    }

    @Test
    void areStrictlyIncreasingAndUniqueInATightLoop() {
        int count = 100_000;
        Set<String> seen = new HashSet<>(count * 2);
        String previous = Ids.next("tx");
        seen.add(previous);
        for (int i = 1; i < count; i++) {
            String id = Ids.next("tx");
            assertTrue(id.compareTo(previous) > 0, "#" + i + ": " + id + " after " + previous);
            assertTrue(seen.add(id), "duplicate " + id);
            previous = id;
        }
        assertEquals(count, seen.size());
    }

    @Test
    void areUniqueAcrossThreads() throws InterruptedException {
        int threads = 4;
        int perThread = 10_000;
        Set<String> seen = java.util.concurrent.ConcurrentHashMap.newKeySet();
        Thread[] workers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            workers[t] = new Thread(() -> {
                for (int i = 0; i < perThread; i++) {
                    seen.add(Ids.next("tx"));
                }
            });
            workers[t].start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        assertEquals(threads * perThread, seen.size());
    }

    @Test
    void derivedIdsAreTheSameForTheSamePartsOnlyAndLookLikeIds() {
        String first = Ids.derived("att", "ten_1", "acc_1", "key-1");
        assertEquals(first, Ids.derived("att", "ten_1", "acc_1", "key-1"));
        assertTrue(Ids.looksLike(first, "att"), first);
        assertNotEquals(first, Ids.derived("att", "ten_2", "acc_1", "key-1"), "another tenant's key is another id");
        assertNotEquals(first, Ids.derived("att", "ten_1", "acc_1key-1", ""), "parts do not run into each other");
    }

    /** The first 10 characters (3 + 9 * 5 bits) are exactly the 48-bit millisecond timestamp. */
    private static long decodeMillis(String tenChars) {
        String alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
        long value = 0;
        for (char c : tenChars.toCharArray()) {
            value = value * 32 + alphabet.indexOf(c);
        }
        return value;
    }
}

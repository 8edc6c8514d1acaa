package dev.kassa.server.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RowCollectorTest {
    private final RowCollector<String> collector = new RowCollector<>();
    private final List<List<String>> writes = new ArrayList<>();

    @Test
    void outsideCollectingEveryRowIsTheCallersToWrite() {
        assertFalse(collector.offer("a"));
    }

    @Test
    void insideTheRowsAreWrittenOnceInTheirOrderWhenTheWorkReturns() {
        String result = collector.collecting(() -> {
            assertTrue(collector.offer("a"));
            assertTrue(collector.offer("b"));
            assertTrue(writes.isEmpty(), "nothing written before the work returns");
            return "done";
        }, writes::add);

        assertEquals("done", result);
        assertEquals(List.of(List.of("a", "b")), writes);
        assertFalse(collector.offer("c"), "collecting ended with the work");
    }

    @Test
    void workThatCollectsNothingWritesNothing() {
        collector.collecting(() -> null, writes::add);
        assertTrue(writes.isEmpty());
    }

    @Test
    void workThatThrowsWritesNothingAndEndsCollecting() {
        assertThrows(IllegalStateException.class, () -> collector.collecting(() -> {
            collector.offer("a");
            throw new IllegalStateException("the batch fails");
        }, writes::add));

        assertTrue(writes.isEmpty());
        assertFalse(collector.offer("b"));
    }

    @Test
    void collectingInsideCollectingIsWrittenOnceByTheOuter() {
        collector.collecting(() -> {
            collector.offer("a");
            collector.collecting(() -> collector.offer("b"), writes::add);
            assertTrue(writes.isEmpty(), "the inner one does not write");
            return null;
        }, writes::add);

        assertEquals(List.of(List.of("a", "b")), writes);
    }

    @Test
    void anotherThreadIsNotCollecting() throws InterruptedException {
        boolean[] offered = {true};
        collector.collecting(() -> {
            Thread other = new Thread(() -> offered[0] = collector.offer("x"));
            other.start();
            try {
                other.join();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return null;
        }, writes::add);

        assertFalse(offered[0]);
        assertTrue(writes.isEmpty());
    }
}

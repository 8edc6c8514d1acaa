package dev.kassa.server.webhook.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {
    private static final Instant START = Instant.parse("2026-12-01T00:00:00Z");

    @Test
    void gapsDoubleWithinAQuarterEitherWayAndAreCapped() {
        RetrySchedule low = new RetrySchedule(() -> 0.0);
        RetrySchedule high = new RetrySchedule(() -> 0.999999);
        assertEquals(START.plusMillis(3750), low.nextTry(START, 1, START).orElseThrow());
        assertTrue(high.nextTry(START, 1, START).orElseThrow().isBefore(START.plusMillis(6251)));
        assertEquals(START.plusMillis(7500), low.nextTry(START, 2, START).orElseThrow());
        assertEquals(START.plus(Duration.ofHours(10)).minus(Duration.ofHours(10).dividedBy(4)),
                low.nextTry(START, 20, START).orElseThrow());
    }

    @Test
    void triesForThreeDaysThenGivesUp() {
        RetrySchedule schedule = new RetrySchedule(() -> 0.5);
        Instant now = START;
        int tries = 1;
        Optional<Instant> next = schedule.nextTry(now, tries, START);
        while (next.isPresent()) {
            now = next.get();
            tries++;
            next = schedule.nextTry(now, tries, START);
        }
        assertTrue(now.isAfter(START.plus(Duration.ofDays(2))), "last try at " + now);
        assertTrue(!now.isAfter(START.plus(RetrySchedule.WINDOW)), "last try at " + now);
        assertTrue(tries >= 12 && tries <= 20, tries + " tries");
    }

    @Test
    void aRedeliveryStartsANewWindow() {
        RetrySchedule schedule = new RetrySchedule(() -> 0.5);
        Instant late = START.plus(Duration.ofDays(3));
        assertTrue(schedule.nextTry(late, 1, START).isEmpty());
        assertTrue(schedule.nextTry(late, 1, late).isPresent());
    }
}

package dev.kassa.server.payment.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BackoffTest {
    private static final Instant CREATED = Instant.parse("2026-11-23T10:00:00Z");

    @Test
    void checksStartAtTheIntervalDoubleAndStayWithinAnHour() {
        Backoff backoff = new Backoff(Duration.ofSeconds(60));
        Instant now = CREATED.plusSeconds(5);
        assertEquals(now.plusSeconds(60), backoff.next(now, CREATED, 0));
        assertEquals(now.plusSeconds(120), backoff.next(now, CREATED, 1));
        assertEquals(now.plusSeconds(960), backoff.next(now, CREATED, 4));
        assertEquals(now.plus(Duration.ofHours(1)), backoff.next(now, CREATED, 7));
        assertEquals(now.plus(Duration.ofHours(1)), backoff.next(now, CREATED, 1_000));
    }

    @Test
    void givesUpAfterAWeek() {
        Backoff backoff = new Backoff(Duration.ofSeconds(60));
        assertNull(backoff.next(CREATED.plus(Duration.ofDays(7)).plusSeconds(1), CREATED, 3));
    }
}

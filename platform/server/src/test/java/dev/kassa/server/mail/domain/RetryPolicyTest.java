package dev.kassa.server.mail.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");
    private final RetryPolicy policy = new RetryPolicy(Duration.ofSeconds(5));

    @Test
    void theGapDoublesAfterEachFailedTry() {
        assertEquals(Optional.of(NOW.plusSeconds(5)), policy.nextTry(NOW, 1, false));
        assertEquals(Optional.of(NOW.plusSeconds(10)), policy.nextTry(NOW, 2, false));
        assertEquals(Optional.of(NOW.plusSeconds(20)), policy.nextTry(NOW, 3, false));
        assertEquals(Optional.of(NOW.plusSeconds(5 * 512)), policy.nextTry(NOW, 10, false));
    }

    @Test
    void triesAreAtMostAnHourApart() {
        assertEquals(Optional.of(NOW.plus(Duration.ofHours(1))), policy.nextTry(NOW, 11, false));
        assertEquals(Optional.of(NOW.plus(Duration.ofHours(1))),
                new RetryPolicy(Duration.ofMinutes(50)).nextTry(NOW, 2, false));
    }

    @Test
    void afterTheLastTryItGivesUp() {
        assertEquals(12, RetryPolicy.MAX_TRIES);
        assertEquals(Optional.empty(), policy.nextTry(NOW, RetryPolicy.MAX_TRIES, false));
        assertEquals(Optional.empty(), policy.nextTry(NOW, RetryPolicy.MAX_TRIES + 3, false));
    }

    @Test
    void aPermanentRefusalIsNotTriedAgain() {
        assertEquals(Optional.empty(), policy.nextTry(NOW, 1, true));
    }

    @Test
    void theIntervalIsPositive() {
        assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(Duration.ZERO));
    }
}

package dev.kassa.server.signin.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SignInSessionTest {
    private static final Instant START = Instant.parse("2026-12-03T10:00:00Z");

    private static SignInSession session() {
        return new SignInSession("ses_1", "ten_1", "acc_1", "hash", "csrf", "127.0.0.1", START);
    }

    @Test
    void aTouchIsDueOnlyWhenTheIdleTimeoutMovesByMoreThanAStep() {
        SignInSession session = session();
        assertFalse(session.touchDue(START.plusSeconds(30)), "half a minute later: no write");
        Instant later = START.plus(Duration.ofMinutes(5));
        assertTrue(session.touchDue(later));
        session.touch(later);
        assertEquals(later.plus(SignInSession.IDLE), session.idleExpiresAt());
        assertFalse(session.touchDue(later.plusSeconds(59)), "just touched");
    }

    @Test
    void neverPastTheAbsoluteEnd() {
        SignInSession session = session();
        Instant nearEnd = START.plus(SignInSession.ABSOLUTE).minus(Duration.ofMinutes(10));
        session.touch(nearEnd);
        assertEquals(START.plus(SignInSession.ABSOLUTE), session.idleExpiresAt());
        assertFalse(session.touchDue(nearEnd.plus(Duration.ofMinutes(5))), "the end does not move");
    }
}

package dev.kassa.server.payment.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kassa.server.shared.Money;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PaymentAttemptTest {
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    private static PaymentAttempt attempt(AttemptStatus status) {
        PaymentAttempt attempt = new PaymentAttempt("att_1", "ten_1", "top_1", "acc_1", "stripe-card",
                Money.parse("10.00", dev.kassa.server.shared.CurrencyRegistry.iso4217().require("EUR")), null, false,
                NOW);
        if (status == AttemptStatus.MISMATCH) {
            attempt.flag("differs", NOW);
        } else if (status != AttemptStatus.UNKNOWN) {
            attempt.moveTo(status, "pi_1", null, null, null, NOW);
        }
        return attempt;
    }

    @Test
    void newsOnlyMovesAnAttemptForward() {
        assertTrue(attempt(AttemptStatus.UNKNOWN).accepts(AttemptStatus.PENDING));
        assertTrue(attempt(AttemptStatus.UNKNOWN).accepts(AttemptStatus.DECLINED));
        assertFalse(attempt(AttemptStatus.UNKNOWN).accepts(AttemptStatus.UNKNOWN));
        assertTrue(attempt(AttemptStatus.ACTION_REQUIRED).accepts(AttemptStatus.PENDING), "3-D Secure done, processing");
        assertTrue(attempt(AttemptStatus.PENDING).accepts(AttemptStatus.ACTION_REQUIRED));
        assertFalse(attempt(AttemptStatus.PENDING).accepts(AttemptStatus.UNKNOWN));
        assertFalse(attempt(AttemptStatus.DECLINED).accepts(AttemptStatus.ACTION_REQUIRED), "a late event is ignored");
        assertTrue(attempt(AttemptStatus.DECLINED).accepts(AttemptStatus.SUCCEEDED), "money that arrives still counts");
        for (AttemptStatus any : AttemptStatus.values()) {
            assertFalse(attempt(AttemptStatus.SUCCEEDED).accepts(any), "nothing follows success: " + any);
            assertFalse(attempt(AttemptStatus.MISMATCH).accepts(any), "a flagged attempt waits for the tenant: " + any);
        }
    }

    @Test
    void theGatewayReferenceIsLearnedOnceAndKept() {
        PaymentAttempt attempt = attempt(AttemptStatus.UNKNOWN);
        attempt.learnReference("pi_first", NOW);
        attempt.learnReference("pi_second", NOW);
        assertEquals("pi_first", attempt.gatewayReference());
        attempt.moveTo(AttemptStatus.DECLINED, null, "{\"type\":\"redirect\"}", "card_declined", "Declined", NOW);
        assertEquals("pi_first", attempt.gatewayReference());
        assertEquals(null, attempt.nextAction(), "a declined attempt has nothing left to do");
        assertTrue(AttemptStatus.PENDING.open());
        assertFalse(AttemptStatus.DECLINED.open());
    }

    @Test
    void aSucceededPaymentIsReversedOnceAndNothingElseIs() {
        Money ten = Money.parse("10.00", dev.kassa.server.shared.CurrencyRegistry.iso4217().require("EUR"));
        PaymentAttempt paid = attempt(AttemptStatus.SUCCEEDED);
        assertFalse(paid.isReversed());
        paid.reverse("rev_1", ten, NOW);
        assertTrue(paid.isReversed());
        assertEquals("rev_1", paid.reversalReference());
        assertEquals(ten, paid.reversedAmount());
        assertEquals(AttemptStatus.SUCCEEDED, paid.status(), "the payment did succeed; the money came back later");
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, () -> paid.reverse("rev_2", ten, NOW));
        assertEquals("rev_1", paid.reversalReference(), "the first reversal stays");
        for (AttemptStatus open : new AttemptStatus[] {AttemptStatus.PENDING, AttemptStatus.DECLINED,
                AttemptStatus.MISMATCH}) {
            org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                    () -> attempt(open).reverse("rev_3", ten, NOW), open.name());
        }
    }
}

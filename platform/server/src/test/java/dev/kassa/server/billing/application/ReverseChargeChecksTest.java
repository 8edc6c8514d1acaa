package dev.kassa.server.billing.application;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kassa.server.account.domain.Payer;
import dev.kassa.server.account.domain.VatIdAnswer;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** When a finalisation asks VIES again first: only for a cross-border VAT ID whose answer is missing or old. */
class ReverseChargeChecksTest {
    private static final Instant T0 = Instant.parse("2026-12-03T10:00:00Z");

    private static Payer payer(String country, String vatId) {
        return new Payer("pyr_1", "ten_1", "acc_1", Payer.Type.COMPANY, "X", country, vatId, null, T0);
    }

    @Test
    void onlyAVatIdInAnotherMemberStateCanBeReverseCharged() {
        assertTrue(ReverseChargeChecks.crossBorder("FR", payer("DE", "DE123456789")));
        assertFalse(ReverseChargeChecks.crossBorder("FR", payer("FR", "FR40303265045")), "domestic");
        assertFalse(ReverseChargeChecks.crossBorder("FR", payer("GB", "GB123456789")), "outside the EU");
        assertFalse(ReverseChargeChecks.crossBorder("FR", payer("DE", null)), "a consumer");
        assertFalse(ReverseChargeChecks.crossBorder(null, payer("DE", "DE123456789")), "no establishment yet");
    }

    @Test
    void aPendingOrOldAnswerIsAskedAgainAFreshOrInvalidOneIsNot() {
        Payer p = payer("DE", "DE123456789");
        assertTrue(ReverseChargeChecks.needsAsking(p.vatIdCheck(), T0), "pending");
        p.recordVatCheck("DE123456789", new VatIdAnswer(VatIdAnswer.Outcome.VALID, "W1", null, null, null),
                Duration.ofMinutes(1), T0);
        assertFalse(ReverseChargeChecks.needsAsking(p.vatIdCheck(), T0.plus(Duration.ofHours(23))));
        assertTrue(ReverseChargeChecks.needsAsking(p.vatIdCheck(), T0.plus(Duration.ofHours(25))), "older than 24 h");
        Payer invalid = payer("DE", "DE999999999");
        invalid.recordVatCheck("DE999999999", new VatIdAnswer(VatIdAnswer.Outcome.INVALID, null, null, null, null),
                Duration.ofMinutes(1), T0);
        assertFalse(ReverseChargeChecks.needsAsking(invalid.vatIdCheck(), T0.plus(Duration.ofDays(3))));
    }
}

package dev.kassa.server.account.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A payer's VAT ID check: an outage never makes it invalid, retries back off, a new VAT ID starts over. */
class PayerVatIdCheckTest {
    private static final Instant T0 = Instant.parse("2026-12-03T10:00:00Z");
    private static final Duration FIRST = Duration.ofMinutes(1);

    private static Payer company(String vatId) {
        return new Payer("pyr_1", "ten_1", "acc_1", Payer.Type.COMPANY, "Engines", "DE", vatId, null, T0);
    }

    @Test
    void aNewVatIdIsPendingAndDueAtOnce() {
        VatIdCheck check = company("DE123456789").vatIdCheck();
        assertEquals(VatIdCheckStatus.PENDING, check.status());
        assertEquals(T0, check.nextAttemptAt());
        assertNull(company(null).vatIdCheck());
        Payer british = new Payer("pyr_2", "ten_1", "acc_1", Payer.Type.COMPANY, "Engines Ltd", "GB", "GB123456789",
                null, T0);
        assertNull(british.vatIdCheck(), "VIES does not know GB VAT IDs");
    }

    @Test
    void anOutageKeepsItPendingAndBacksOff() {
        Payer payer = company("DE123456789");
        payer.recordVatCheck("DE123456789", VatIdAnswer.unavailable("MS_UNAVAILABLE"), FIRST, T0);
        assertEquals(VatIdCheckStatus.PENDING, payer.vatIdCheck().status());
        assertEquals(T0.plus(FIRST), payer.vatIdCheck().nextAttemptAt());
        assertEquals("MS_UNAVAILABLE", payer.vatIdCheck().lastError());
        payer.recordVatCheck("DE123456789", VatIdAnswer.unavailable("TIMEOUT"), FIRST, T0);
        assertEquals(T0.plus(Duration.ofMinutes(2)), payer.vatIdCheck().nextAttemptAt());
        assertEquals(Duration.ofHours(6), Payer.backoff(FIRST, 40));
    }

    @Test
    void anAnswerIsKeptWithItsConsultationNumber() {
        Payer payer = company("DE123456789");
        payer.recordVatCheck("DE123456789", new VatIdAnswer(VatIdAnswer.Outcome.VALID, "WAPI1", "ENGINES", null,
                null), FIRST, T0);
        VatIdCheck check = payer.vatIdCheck();
        assertEquals(VatIdCheckStatus.VALID, check.status());
        assertEquals("WAPI1", check.consultationNumber());
        assertEquals(T0, check.checkedAt());
        assertNull(check.nextAttemptAt());
        assertTrue(check.validWithin(Duration.ofHours(24), T0.plus(Duration.ofHours(24))));
        assertFalse(check.validWithin(Duration.ofHours(24), T0.plus(Duration.ofHours(25))));
    }

    @Test
    void aValidVatIdStaysValidThroughAnOutageOfItsRecheck() {
        Payer payer = company("DE123456789");
        payer.recordVatCheck("DE123456789", new VatIdAnswer(VatIdAnswer.Outcome.VALID, "WAPI1", null, null, null),
                FIRST, T0);
        payer.recheckVatId(T0.plus(Duration.ofDays(2)));
        payer.recordVatCheck("DE123456789", VatIdAnswer.unavailable("MS_UNAVAILABLE"), FIRST,
                T0.plus(Duration.ofDays(2)));
        assertEquals(VatIdCheckStatus.VALID, payer.vatIdCheck().status());
        assertEquals("WAPI1", payer.vatIdCheck().consultationNumber());
        assertEquals(T0, payer.vatIdCheck().checkedAt());
    }

    @Test
    void anAnswerAboutAnOldVatIdIsIgnoredAndANewVatIdStartsOver() {
        Payer payer = company("DE123456789");
        payer.change(Payer.Type.COMPANY, "Engines", "DE", "DE987654321", null, T0);
        assertFalse(payer.recordVatCheck("DE123456789", new VatIdAnswer(VatIdAnswer.Outcome.INVALID, null, null,
                null, null), FIRST, T0));
        assertEquals(VatIdCheckStatus.PENDING, payer.vatIdCheck().status());
        assertEquals("DE987654321", payer.vatIdCheck().vatId());
        payer.change(Payer.Type.COMPANY, "Engines", "DE", null, null, T0);
        assertNull(payer.vatIdCheck());
    }
}

package dev.kassa.server.payment.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kassa.server.shared.CurrencyUnit;
import dev.kassa.server.shared.KassaException;
import dev.kassa.server.shared.Money;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TopUpTest {
    private static final CurrencyUnit EUR = new CurrencyUnit("EUR", 2);
    private static final Instant CREATED = Instant.parse("2026-01-01T10:00:00Z");
    private static final Instant LATER = Instant.parse("2026-01-02T10:00:00Z");
    private static final Instant LATEST = Instant.parse("2026-01-03T10:00:00Z");

    private final TopUp topUp = new TopUp("tu_1", "ten_1", "acc_1", null, "bank_transfer", eur("100.00"), eur("100.00"), null,
            "TU7K2M9QXD", "Transfer to DE89...", CREATED);

    @Test
    void startsNewWithNothingCredited() {
        assertEquals(TopUpStatus.NEW, topUp.status());
        assertEquals(eur("100.00"), topUp.amount());
        assertEquals(eur("0.00"), topUp.credited());
        assertEquals(CREATED, topUp.createdAt());
        assertNull(topUp.paidAt());
        assertNull(topUp.cancelledAt());
    }

    @Test
    void aNewTopUpCanBeCancelled() {
        topUp.cancel(null, "changed my mind", LATER);
        assertEquals(TopUpStatus.CANCELLED, topUp.status());
        assertEquals("changed my mind", topUp.cancelReason());
        assertEquals(LATER, topUp.cancelledAt());
    }

    @Test
    void aCancelledTopUpCannotBeCancelledAgain() {
        topUp.cancel(null, "first", LATER);
        KassaException e = assertThrows(KassaException.class, () -> topUp.cancel(null, "second", LATEST));
        assertEquals(409, e.status());
        assertEquals("topup.not_cancellable", e.code());
        assertEquals("first", topUp.cancelReason());
        assertEquals(LATER, topUp.cancelledAt());
    }

    @Test
    void aPaidTopUpCannotBeCancelled() {
        topUp.recordPayment(eur("100.00"), LATER);
        KassaException e = assertThrows(KassaException.class, () -> topUp.cancel(null, "too late", LATEST));
        assertEquals(409, e.status());
        assertEquals("topup.not_cancellable", e.code());
        assertEquals(TopUpStatus.PAID, topUp.status());
        assertNull(topUp.cancelReason());
        assertNull(topUp.cancelledAt());
    }

    @Test
    void aPaymentMarksANewTopUpPaid() {
        assertTrue(topUp.recordPayment(eur("100.00"), LATER), "it became paid");
        assertEquals(TopUpStatus.PAID, topUp.status());
        assertEquals(eur("100.00"), topUp.credited());
        assertEquals(LATER, topUp.paidAt());
    }

    @Test
    void theCreditedAmountIsWhatArrivedNotWhatWasAskedFor() {
        topUp.recordPayment(eur("60.00"), LATER);
        assertEquals(TopUpStatus.PAID, topUp.status());
        assertEquals(eur("60.00"), topUp.credited());
        assertEquals(eur("100.00"), topUp.amount());
    }

    @Test
    void moneyForACancelledTopUpIsNeverRefused() {
        topUp.cancel(null, "abandoned", LATER);
        assertTrue(topUp.recordPayment(eur("100.00"), LATEST), "it became paid");
        assertEquals(TopUpStatus.PAID, topUp.status());
        assertEquals(eur("100.00"), topUp.credited());
        assertEquals(LATEST, topUp.paidAt());
    }

    @Test
    void aSecondPaymentAddsToTheCreditedAmountAndKeepsTheFirstPaidAt() {
        assertTrue(topUp.recordPayment(eur("60.00"), LATER));
        assertFalse(topUp.recordPayment(eur("40.00"), LATEST), "it was paid already: no second announcement");
        assertEquals(TopUpStatus.PAID, topUp.status());
        assertEquals(eur("100.00"), topUp.credited());
        assertEquals(LATER, topUp.paidAt());
    }

    private static Money eur(String amount) {
        return Money.parse(amount, EUR);
    }
}

package dev.kassa.server.payment.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.kassa.server.account.domain.Account;
import dev.kassa.server.shared.CurrencyRegistry;
import dev.kassa.server.shared.CurrencyUnit;
import dev.kassa.server.shared.KassaException;
import dev.kassa.server.shared.Money;
import org.junit.jupiter.api.Test;

/** What a reversal debits, and the one debit that may take a balance below zero. */
class PaymentReversalsTest {
    private static final CurrencyUnit EUR = CurrencyRegistry.iso4217().require("EUR");
    private static final CurrencyUnit JPY = CurrencyRegistry.iso4217().require("JPY");

    private static Money eur(String amount) {
        return Money.parse(amount, EUR);
    }

    @Test
    void aWholeReversalDebitsWhatThePaymentCreditedAndAPartOneTheSameShare() {
        assertEquals(eur("30.00"), PaymentReversals.share(eur("30.00"), eur("30.00"), eur("30.00")));
        assertEquals(eur("10.00"), PaymentReversals.share(eur("30.00"), eur("10.00"), eur("30.00")));
        // paid 30.00 EUR, credited 4,500 JPY: a third taken back is 1,500 JPY
        assertEquals(Money.parse("1500", JPY), PaymentReversals.share(Money.parse("4500", JPY), eur("10.00"),
                eur("30.00")));
        // 4,501 JPY × 10/30 = 1,500.33… → 1,500, half-even
        assertEquals(Money.parse("1500", JPY), PaymentReversals.share(Money.parse("4501", JPY), eur("10.00"),
                eur("30.00")));
        // converted and taken back whole: exactly what was credited, never a rounded share
        assertEquals(Money.parse("4501", JPY), PaymentReversals.share(Money.parse("4501", JPY), eur("30.00"),
                eur("30.00")));
    }

    @Test
    void onlyTakingBackMayGoBelowZero() {
        Account account = new Account("acc_1", "ten_1", "KS-ACC", "ada@example.com", "Ada", "DE", "en", EUR,
                java.time.Instant.EPOCH);
        account.credit(eur("5.00"));
        assertThrows(KassaException.class, () -> account.debit(eur("30.00")));
        assertEquals(eur("5.00"), account.balance());
        assertEquals(new Money(-2_500, EUR), account.takeBack(eur("30.00")));
        assertThrows(KassaException.class, () -> account.debit(eur("1.00")), "below zero, it pays for nothing");
        assertEquals(new Money(-2_000, EUR), account.credit(eur("5.00")));
    }
}

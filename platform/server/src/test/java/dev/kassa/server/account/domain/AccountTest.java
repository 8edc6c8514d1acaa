package dev.kassa.server.account.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.kassa.server.shared.CurrencyUnit;
import dev.kassa.server.shared.KassaException;
import dev.kassa.server.shared.Money;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AccountTest {
    private static final CurrencyUnit EUR = new CurrencyUnit("EUR", 2);
    private static final CurrencyUnit USD = new CurrencyUnit("USD", 2);
    private static final CurrencyUnit JPY = new CurrencyUnit("JPY", 0);

    private final Account account = new Account("acc_1", "ten_1", "AC7K2M9QXD", "Ada@Example.COM", "Ada Lovelace",
            "DE", "de", EUR, Instant.parse("2026-01-01T00:00:00Z"));

    @Test
    void startsEmptyInItsCurrency() {
        assertEquals(new Money(0, EUR), account.balance());
        assertEquals(EUR, account.currency());
        assertEquals("Ada@Example.COM", account.email());
        assertEquals("ada@example.com", Account.emailKey(account.email()));
    }

    @Test
    void creditAddsToTheBalance() {
        assertEquals(eur("12.50"), account.credit(eur("12.50")));
        assertEquals(eur("20.00"), account.credit(eur("7.50")));
        assertEquals(eur("20.00"), account.balance());
    }

    @Test
    void debitTakesFromTheBalance() {
        account.credit(eur("20.00"));
        assertEquals(eur("7.50"), account.debit(eur("12.50")));
        assertEquals(eur("0.00"), account.debit(eur("7.50")));
        assertEquals(eur("0.00"), account.balance());
    }

    @Test
    void debitBeyondTheBalanceIsAConflictAndChangesNothing() {
        account.credit(eur("10.00"));
        KassaException e = assertThrows(KassaException.class, () -> account.debit(eur("10.01")));
        assertEquals(409, e.status());
        assertEquals("balance.insufficient", e.code());
        assertEquals("The balance 10.00 EUR does not cover 10.01 EUR.", e.getMessage());
        assertEquals(eur("10.00"), e.extensions().get("balance"));
        assertEquals(eur("10.00"), account.balance());
    }

    @Test
    void debitOfAnEmptyAccountIsAConflict() {
        KassaException e = assertThrows(KassaException.class, () -> account.debit(eur("0.01")));
        assertEquals("balance.insufficient", e.code());
        assertEquals(eur("0"), account.balance());
    }

    @Test
    void refusesAnotherCurrency() {
        account.credit(eur("10.00"));
        assertThrows(IllegalArgumentException.class, () -> account.credit(new Money(100, USD)));
        assertThrows(IllegalArgumentException.class, () -> account.debit(new Money(100, USD)));
        assertThrows(IllegalArgumentException.class, () -> account.credit(new Money(100, JPY)));
        assertEquals(eur("10.00"), account.balance());
    }

    @Test
    void refusesZeroAndNegativeAmounts() {
        account.credit(eur("10.00"));
        assertThrows(IllegalArgumentException.class, () -> account.credit(eur("0")));
        assertThrows(IllegalArgumentException.class, () -> account.credit(eur("-1.00")));
        assertThrows(IllegalArgumentException.class, () -> account.debit(eur("0")));
        assertThrows(IllegalArgumentException.class, () -> account.debit(eur("-1.00")));
        assertEquals(eur("10.00"), account.balance());
    }

    @Test
    void creditThatWouldOverflowThrowsAndChangesNothing() {
        account.credit(new Money(Long.MAX_VALUE, EUR));
        assertThrows(ArithmeticException.class, () -> account.credit(new Money(1, EUR)));
        assertEquals(new Money(Long.MAX_VALUE, EUR), account.balance());
    }

    private static Money eur(String amount) {
        return Money.parse(amount, EUR);
    }
}

package dev.kassa.server.currency.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kassa.server.shared.CurrencyRegistry;
import dev.kassa.server.shared.CurrencyUnit;
import dev.kassa.server.shared.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class QuoteTest {
    private static final CurrencyUnit USD = CurrencyRegistry.iso4217().require("USD");
    private static final CurrencyUnit EUR = CurrencyRegistry.iso4217().require("EUR");
    private static final Instant MADE = Instant.parse("2026-11-23T10:00:00Z");
    private final Quote quote = new Quote("quo_1", "ten_1", "acc_1", new Conversion(Money.parse("100.00", USD),
            Money.parse("90.11", EUR), FixedSide.FROM, 0, new BigDecimal("0.901144453455888979"),
            new BigDecimal("0.901144453455888979"), "ecb", LocalDate.parse("2026-11-20")), MADE,
            MADE.plusSeconds(600));

    @Test
    void theQuotedAmountCreditsExactlyTheQuotedResult() {
        assertEquals(Money.parse("90.11", EUR), quote.creditFor(Money.parse("100.00", USD)));
    }

    @Test
    void anotherAmountPaidConvertsAtTheQuotedRateRoundedOnce() {
        // 50.00 x 0.901144453455888979 = 45.0572226... -> 45.06
        assertEquals(Money.parse("45.06", EUR), quote.creditFor(Money.parse("50.00", USD)));
        // 0.01 x rate = 0.0090114... -> 0.01
        assertEquals(Money.parse("0.01", EUR), quote.creditFor(Money.parse("0.01", USD)));
    }

    @Test
    void paymentInAnotherCurrencyIsNotThisQuotes() {
        assertThrows(IllegalArgumentException.class, () -> quote.creditFor(Money.parse("100.00", EUR)));
    }

    @Test
    void expiresAtItsTimeNotBefore() {
        assertFalse(quote.isExpired(MADE.plusSeconds(599)));
        assertTrue(quote.isExpired(MADE.plusSeconds(600)));
    }

    @Test
    void theRateIsShownWithoutTrailingZeros() {
        assertEquals("0.901144453455888979", quote.rate().toPlainString());
    }
}

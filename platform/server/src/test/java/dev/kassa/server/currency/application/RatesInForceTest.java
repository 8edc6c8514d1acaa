package dev.kassa.server.currency.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kassa.api.rates.RateTable;
import dev.kassa.server.shared.KassaException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RatesInForceTest {
    private static final LocalDate FRIDAY = LocalDate.of(2025, 4, 4);
    private static final RateTable FRIDAYS = new RateTable("ecb", FRIDAY, Map.of("USD", new BigDecimal("1.1057")));

    @Test
    void aTableIsFreshUpToTheMaximumAgeAndStaleTheDayAfter() {
        RatesInForce tuesday = RatesInForce.assess(FRIDAYS, FRIDAY.plusDays(4), 4);
        RatesInForce wednesday = RatesInForce.assess(FRIDAYS, FRIDAY.plusDays(5), 4);

        assertEquals(4, tuesday.ageDays());
        assertFalse(tuesday.stale());
        assertEquals(5, wednesday.ageDays());
        assertTrue(wednesday.stale());
        assertEquals(4, wednesday.maxAgeDays());
    }

    @Test
    void aFreshTableIsReturnedAsItIs() {
        assertSame(FRIDAYS, RatesInForce.requireFresh(Optional.of(FRIDAYS), "ecb", FRIDAY.plusDays(3), 4));
        assertSame(FRIDAYS, RatesInForce.requireFresh(Optional.of(FRIDAYS), "ecb", FRIDAY, 0));
    }

    @Test
    void aStaleTableIsRefusedWithItsDateAndTheMaximumAge() {
        KassaException e = assertThrows(KassaException.class,
                () -> RatesInForce.requireFresh(Optional.of(FRIDAYS), "ecb", LocalDate.of(2025, 4, 10), 4));

        assertEquals(409, e.status());
        assertEquals("rates.stale", e.code());
        assertTrue(e.getMessage().contains("2025-04-04"), e.getMessage());
        assertTrue(e.getMessage().contains("6 days"), e.getMessage());
        assertTrue(e.getMessage().contains("older than 4 days"), e.getMessage());
        assertEquals("2025-04-04", e.extensions().get("rateDate"));
        assertEquals(4, e.extensions().get("maxAgeDays"));
    }

    @Test
    void noTableAtAllIsStaleToo() {
        KassaException e = assertThrows(KassaException.class,
                () -> RatesInForce.requireFresh(Optional.empty(), "ecb", FRIDAY, 4));

        assertEquals(409, e.status());
        assertEquals("rates.stale", e.code());
        assertTrue(e.getMessage().contains("no ecb exchange rates"), e.getMessage());
    }
}

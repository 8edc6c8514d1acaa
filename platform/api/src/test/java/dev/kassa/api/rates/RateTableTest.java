package dev.kassa.api.rates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RateTableTest {
    private static final LocalDate DAY = LocalDate.of(2025, 4, 3);

    @Test
    void keepsRatesExactlyAsGivenAndIteratesInCodeOrder() {
        RateTable table = new RateTable("ecb", DAY, Map.of("USD", new BigDecimal("1.1097"),
                "PLN", new BigDecimal("4.1960"), "GBP", new BigDecimal("0.84163")));

        assertEquals(List.of("GBP", "PLN", "USD"), List.copyOf(table.perEuro().keySet()));
        assertEquals(new BigDecimal("4.1960"), table.perEuro().get("PLN"));
        assertEquals("4.1960", table.rate("PLN").orElseThrow().toPlainString());
    }

    @Test
    void theEuroIsImpliedAtOne() {
        RateTable table = new RateTable("ecb", DAY, Map.of("EUR", new BigDecimal("1.000"),
                "USD", new BigDecimal("1.1097")));

        assertFalse(table.perEuro().containsKey("EUR"));
        assertEquals(Optional.of(BigDecimal.ONE), table.rate("EUR"));
        assertEquals(Optional.empty(), table.rate("BHD"));
    }

    @Test
    void isImmutableAndDetachedFromTheGivenMap() {
        Map<String, BigDecimal> rates = new HashMap<>(Map.of("USD", new BigDecimal("1.1097")));
        RateTable table = new RateTable("ecb", DAY, rates);
        rates.put("JPY", new BigDecimal("162.17"));

        assertEquals(1, table.perEuro().size());
        assertThrows(UnsupportedOperationException.class,
                () -> table.perEuro().put("JPY", BigDecimal.TEN));
    }

    @Test
    void refusesWhatIsNotARate() {
        assertInvalid(Map.of("USD", BigDecimal.ZERO));
        assertInvalid(Map.of("USD", new BigDecimal("-1.1")));
        assertInvalid(Map.of("usd", BigDecimal.ONE));
        assertInvalid(Map.of("US", BigDecimal.ONE));
        assertInvalid(Map.of("EUR", new BigDecimal("1.01"), "USD", BigDecimal.ONE));
        assertInvalid(Map.of());
        assertInvalid(Map.of("EUR", BigDecimal.ONE));
        assertThrows(IllegalArgumentException.class,
                () -> new RateTable(" ", DAY, Map.of("USD", BigDecimal.ONE)));
        assertThrows(NullPointerException.class, () -> new RateTable("ecb", null, Map.of("USD", BigDecimal.ONE)));
    }

    private static void assertInvalid(Map<String, BigDecimal> rates) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new RateTable("ecb", DAY, rates));
        assertTrue(e.getMessage() != null && !e.getMessage().isBlank());
    }
}

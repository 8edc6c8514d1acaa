package dev.kassa.server.currency.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kassa.api.rates.RateTable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RateBookTest {
    // Thursday 3 and Friday 4 April 2025; the ECB publishes nothing on the weekend
    private static final RateTable THURSDAY = table("ecb", LocalDate.of(2025, 4, 3), "1.1097");
    private static final RateTable FRIDAY = table("ecb", LocalDate.of(2025, 4, 4), "1.1057");
    private static final RateTable WEDNESDAY = table("ecb", LocalDate.of(2025, 4, 2), "1.0803");

    private final RateBook book = new RateBook(List.of(FRIDAY, WEDNESDAY, THURSDAY));

    @Test
    void theTableInForceIsTheLatestOnOrBeforeTheDay() {
        assertEquals(Optional.of(THURSDAY), book.inForce(LocalDate.of(2025, 4, 3)));
        assertEquals(Optional.of(FRIDAY), book.inForce(LocalDate.of(2025, 4, 4)));
        assertEquals(Optional.of(FRIDAY), book.inForce(LocalDate.of(2025, 4, 6)));
        assertEquals(Optional.of(WEDNESDAY), book.inForce(LocalDate.of(2025, 4, 2)));
        assertEquals(Optional.empty(), book.inForce(LocalDate.of(2025, 4, 1)));
        assertEquals(Optional.of(FRIDAY), book.latest());
        assertEquals(3, book.size());
    }

    @Test
    void aTableExactlyMaxAgeOldIsFreshAndOneDayMoreIsStale() {
        // Friday's rates, 3 days allowed: fresh until Monday, stale on Tuesday
        assertFalse(book.isStale(LocalDate.of(2025, 4, 4), 3));
        assertFalse(book.isStale(LocalDate.of(2025, 4, 7), 3));
        assertTrue(book.isStale(LocalDate.of(2025, 4, 8), 3));
        assertEquals(3, RateBook.ageInDays(FRIDAY, LocalDate.of(2025, 4, 7)));
    }

    @Test
    void aZeroMaxAgeAcceptsOnlyTheSameDay() {
        assertFalse(book.isStale(LocalDate.of(2025, 4, 4), 0));
        assertTrue(book.isStale(LocalDate.of(2025, 4, 5), 0));
    }

    @Test
    void noTableInForceIsStale() {
        assertTrue(book.isStale(LocalDate.of(2025, 4, 1), 30));
        assertTrue(new RateBook(List.of()).isStale(LocalDate.of(2025, 4, 4), 30));
        assertEquals(Optional.empty(), new RateBook(List.of()).latest());
    }

    @Test
    void aLaterTableForTheSameDateReplacesTheEarlierOne() {
        RateTable corrected = table("ecb", FRIDAY.date(), "1.1060");

        RateBook updated = new RateBook(List.of(FRIDAY, corrected));

        assertEquals(Optional.of(corrected), updated.inForce(FRIDAY.date()));
    }

    @Test
    void refusesTablesFromTwoSourcesAndANegativeMaxAge() {
        assertThrows(IllegalArgumentException.class,
                () -> new RateBook(List.of(FRIDAY, table("manual", THURSDAY.date(), "1.1"))));
        assertThrows(IllegalArgumentException.class, () -> book.isStale(FRIDAY.date(), -1));
    }

    private static RateTable table(String source, LocalDate date, String usd) {
        return new RateTable(source, date, Map.of("USD", new BigDecimal(usd)));
    }
}

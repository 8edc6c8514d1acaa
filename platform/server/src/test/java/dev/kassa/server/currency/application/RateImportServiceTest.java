package dev.kassa.server.currency.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kassa.api.rates.RateTable;
import dev.kassa.server.shared.KassaException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class RateImportServiceTest {
    private static final LocalDate APRIL_3 = LocalDate.of(2025, 4, 3);
    private static final LocalDate APRIL_4 = LocalDate.of(2025, 4, 4);

    private final MemoryRateRepository repository = new MemoryRateRepository();
    private final RecordingRatesImported events = new RecordingRatesImported();
    private final RateImportService importer = new RateImportService(repository, events);

    @Test
    void importsNewDatesAndAnnouncesThem() {
        ImportResult result = importer.importTables("ecb", List.of(table(APRIL_4, "1.1057"), table(APRIL_3, "1.1097")));

        assertEquals(List.of(APRIL_3, APRIL_4), result.imported());
        assertEquals(List.of(), result.skipped());
        assertEquals(2, repository.stored.size());
        assertEquals(List.of(new RatesImported("ecb", List.of(APRIL_3, APRIL_4))), events.fired);
    }

    @Test
    void skipsDatesStoredAlreadyAndAnnouncesNothingNew() {
        importer.importTables("ecb", List.of(table(APRIL_3, "1.1097")));
        events.fired.clear();

        ImportResult again = importer.importTables("ecb", List.of(table(APRIL_3, "1.1097")));
        ImportResult more = importer.importTables("ecb", List.of(table(APRIL_3, "1.1097"), table(APRIL_4, "1.1057")));

        assertEquals(List.of(), again.imported());
        assertEquals(List.of(APRIL_3), again.skipped());
        assertEquals(List.of(APRIL_4), more.imported());
        assertEquals(List.of(APRIL_3), more.skipped());
        assertEquals(List.of(new RatesImported("ecb", List.of(APRIL_4))), events.fired);
        assertEquals(2, repository.stored.size());
    }

    @Test
    void aDifferentPublicationForAStoredDateKeepsTheStoredRatesAndIsLogged() {
        importer.importTables("ecb", List.of(table(APRIL_3, "1.1097")));
        List<ImportResult> results = new ArrayList<>();
        List<String> warnings = warningsDuring(
                () -> results.add(importer.importTables("ecb", List.of(table(APRIL_3, "1.2000")))));

        assertEquals(List.of(APRIL_3), results.get(0).skipped());
        assertEquals(new BigDecimal("1.1097"), repository.stored.get(APRIL_3).perEuro().get("USD"));
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).contains("USD 1.1097 -> 1.2000"), warnings.get(0));
    }

    @Test
    void theSameRatesWithAnotherScaleAreNotADifference() {
        importer.importTables("ecb", List.of(table(APRIL_3, "4.196")));
        assertEquals(List.of(), warningsDuring(() -> importer.importTables("ecb", List.of(table(APRIL_3, "4.1960")))));
    }

    @Test
    void aDateAConcurrentImportStoredFirstIsSkipped() {
        repository.loseEveryRace = true;

        ImportResult result = importer.importTables("ecb", List.of(table(APRIL_3, "1.1097")));

        assertEquals(List.of(), result.imported());
        assertEquals(List.of(APRIL_3), result.skipped());
        assertEquals(List.of(), events.fired);
    }

    @Test
    void tablesOfAnotherSourceAreRefused() {
        KassaException e = assertThrows(KassaException.class,
                () -> importer.importTables("other", List.of(table(APRIL_3, "1.1097"))));

        assertEquals(422, e.status());
        assertEquals("rates.malformed", e.code());
        assertEquals(0, repository.stored.size());
    }

    @Test
    void aDateTwiceIsRefusedAndNothingIsImported() {
        KassaException e = assertThrows(KassaException.class, () -> importer.importTables("ecb",
                List.of(table(APRIL_4, "1.1"), table(APRIL_3, "1.1"), table(APRIL_3, "1.2"))));

        assertEquals("rates.malformed", e.code());
        assertTrue(e.getMessage().contains("2025-04-03 twice"), e.getMessage());
        assertEquals(0, repository.stored.size());
    }

    @Test
    void ratesTheDatabaseCannotHoldExactlyAreRefused() {
        assertEquals("rates.malformed", assertThrows(KassaException.class,
                () -> importer.importTables("ecb", List.of(table(APRIL_3, "1.0000000000000001")))).code());
        assertEquals("rates.malformed", assertThrows(KassaException.class,
                () -> importer.importTables("ecb", List.of(table(APRIL_3, "1234567890123456")))).code());
        // the limits themselves fit, and trailing zeros do not count
        importer.importTables("ecb", List.of(table(APRIL_3, "123456789012345.123456789012345000")));
        assertEquals(1, repository.stored.size());
    }

    @Test
    void nothingToImportIsNoError() {
        ImportResult result = importer.importTables("ecb", List.of());

        assertEquals(List.of(), result.imported());
        assertEquals(List.of(), result.skipped());
    }

    private static List<String> warningsDuring(Runnable work) {
        List<String> warnings = new ArrayList<>();
        Logger logger = Logger.getLogger(RateImportService.class.getName());
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                warnings.add(record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        logger.addHandler(handler);
        try {
            work.run();
        } finally {
            logger.removeHandler(handler);
        }
        return warnings;
    }

    private static RateTable table(LocalDate date, String usd) {
        return new RateTable("ecb", date, Map.of("USD", new BigDecimal(usd), "JPY", new BigDecimal("162.17")));
    }
}

package dev.kassa.server.currency.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kassa.api.rates.RateTable;
import dev.kassa.server.config.Settings;
import dev.kassa.server.currency.application.RatesImported;
import dev.kassa.server.currency.application.RatesInForce;
import dev.kassa.server.shared.KassaException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * {@link JpaExchangeRates} over a stand-in EntityManager that answers its two queries from rows in
 * memory, as a database returns them (numeric padded to scale 15, char(3), java.sql.Date). The SQL
 * itself is tested on H2 in {@link ExchangeRatesH2Test} and on PostgreSQL by the integration test.
 */
class JpaExchangeRatesTest {
    /** Just before midnight UTC on Tuesday 8 April 2025, whatever the JVM's zone. */
    private static final Clock TUESDAY = Clock.fixed(Instant.parse("2025-04-08T23:59:00Z"), ZoneOffset.ofHours(5));

    private final List<Object[]> rows = new ArrayList<>();
    private int queries;
    private final Settings settings = new Settings(Map.of(Settings.RATES_MAX_AGE_DAYS, "4"));
    private final JpaExchangeRates rates = new JpaExchangeRates(entityManager(), TUESDAY, settings);

    @Test
    void todayIsTheUtcDate() {
        assertEquals(LocalDate.of(2025, 4, 8), rates.today());
    }

    @Test
    void theCurrentTableIsTheLatestUpToTodayAsPublished() {
        row("ecb", "2025-04-03", "USD", "1.1097");
        row("ecb", "2025-04-04", "USD", "1.1057");
        row("ecb", "2025-04-04", "PLN", "4.1960");
        row("ecb", "2025-04-09", "USD", "9.9999"); // tomorrow's: not in force yet
        row("other", "2025-04-08", "USD", "2");

        RateTable current = rates.current();

        assertEquals("ecb", current.source());
        assertEquals(LocalDate.of(2025, 4, 4), current.date());
        assertEquals(Map.of("USD", new BigDecimal("1.1057"), "PLN", new BigDecimal("4.196")), current.perEuro());
    }

    @Test
    void theSourceQuotedWithIsTheOneKassaRatesSourceNames() {
        row("ecb", "2025-04-04", "USD", "1.1057");
        row("other", "2025-04-07", "USD", "2");
        JpaExchangeRates other = new JpaExchangeRates(entityManager(), TUESDAY,
                new Settings(Map.of(Settings.RATES_SOURCE, "other")));

        assertEquals("other", other.current().source());
        assertEquals(new BigDecimal("2"), other.current().perEuro().get("USD"));
        assertEquals(LocalDate.of(2025, 4, 7), other.inForce(LocalDate.of(2025, 4, 8)).orElseThrow().table().date());
    }

    @Test
    void aTableOlderThanTheMaximumAgeIsStale() {
        row("ecb", "2025-04-03", "USD", "1.1097");

        KassaException e = assertThrows(KassaException.class, rates::current);

        assertEquals(409, e.status());
        assertEquals("rates.stale", e.code());
        assertTrue(e.getMessage().contains("2025-04-03") && e.getMessage().contains("5 days"), e.getMessage());
    }

    @Test
    void noRatesAtAllAreStale() {
        assertEquals("rates.stale", assertThrows(KassaException.class, rates::current).code());
    }

    @Test
    void theCurrentTableIsCachedUntilAnImportCommits() {
        row("ecb", "2025-04-03", "USD", "1.1097");
        assertThrows(KassaException.class, rates::current);
        int before = queries;

        row("ecb", "2025-04-08", "USD", "1.0950"); // stored by another node: not seen yet
        assertThrows(KassaException.class, rates::current);
        assertEquals(before, queries, "served from the cache");

        rates.onImported(new RatesImported("ecb", List.of(LocalDate.of(2025, 4, 8))));

        assertEquals(LocalDate.of(2025, 4, 8), rates.current().date());
        assertEquals(before + 1, queries);
    }

    @Test
    void theTableInForceOnADateCarriesItsStalenessAsOfToday() {
        row("ecb", "2025-01-31", "USD", "1.0393");
        row("ecb", "2025-04-07", "USD", "1.0950");

        RatesInForce saturday = rates.inForce(LocalDate.of(2025, 2, 1)).orElseThrow();
        RatesInForce monday = rates.inForce(LocalDate.of(2025, 4, 8)).orElseThrow();

        assertEquals(LocalDate.of(2025, 1, 31), saturday.table().date());
        assertTrue(saturday.stale());
        assertEquals(LocalDate.of(2025, 4, 7), monday.table().date());
        assertFalse(monday.stale());
        assertEquals(1, monday.ageDays());
        assertEquals(Optional.empty(), rates.inForce(LocalDate.of(2025, 1, 30)));
        assertEquals(Optional.empty(), rates.inForce("other", LocalDate.of(2025, 4, 8)));
    }

    private void row(String source, String date, String currency, String rate) {
        rows.add(new Object[] {source, java.sql.Date.valueOf(date), currency,
                new BigDecimal(rate).setScale(15)});
    }

    /** Answers IN_FORCE and BETWEEN from {@link #rows}; nothing else is expected. */
    private EntityManager entityManager() {
        return (EntityManager) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {EntityManager.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("createNativeQuery") && args.length == 1) {
                        return query((String) args[0]);
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private Query query(String sql) {
        Map<Integer, Object> parameters = new TreeMap<>();
        return (Query) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Query.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("setParameter") && args[0] instanceof Integer position) {
                        parameters.put(position, args[1]);
                        return proxy;
                    }
                    if (method.getName().equals("getResultList") && sql.equals(JpaExchangeRates.IN_FORCE)) {
                        queries++;
                        return inForce((String) parameters.get(1), ((java.sql.Date) parameters.get(3)).toLocalDate());
                    }
                    if (method.getName().equals("getResultList") && sql.equals(JpaExchangeRates.BETWEEN)) {
                        queries++;
                        return between((String) parameters.get(1), ((java.sql.Date) parameters.get(2)).toLocalDate(),
                                ((java.sql.Date) parameters.get(3)).toLocalDate());
                    }
                    throw new UnsupportedOperationException(method.getName() + " " + sql);
                });
    }

    private List<Object[]> inForce(String source, LocalDate date) {
        LocalDate latest = rows.stream().filter(r -> r[0].equals(source)).map(r -> date(r))
                .filter(d -> !d.isAfter(date)).max(LocalDate::compareTo).orElse(null);
        return latest == null ? List.of() : between(source, latest, latest);
    }

    private List<Object[]> between(String source, LocalDate from, LocalDate to) {
        return rows.stream().filter(r -> r[0].equals(source) && !date(r).isBefore(from) && !date(r).isAfter(to))
                .map(r -> new Object[] {r[1], r[2], r[3]}).toList();
    }

    private static LocalDate date(Object[] row) {
        return ((java.sql.Date) row[1]).toLocalDate();
    }
}

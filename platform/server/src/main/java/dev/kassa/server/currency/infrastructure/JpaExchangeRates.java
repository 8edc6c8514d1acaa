package dev.kassa.server.currency.infrastructure;

import dev.kassa.api.rates.RateTable;
import dev.kassa.server.config.Settings;
import dev.kassa.server.currency.application.ExchangeRates;
import dev.kassa.server.currency.application.RateRepository;
import dev.kassa.server.currency.application.RatesImported;
import dev.kassa.server.currency.application.RatesInForce;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The exchange rates in the {@code exchange_rates} table: installation-wide, one row per source,
 * date and currency. Plain SQL rather than an entity, because an insert must be able to lose a race
 * quietly ({@code on conflict do nothing}, on PostgreSQL and on H2 in PostgreSQL mode) and a table is
 * read as a whole.
 *
 * <p>The table in force today is cached in memory for a minute and dropped when an import commits
 * here; another node sharing the database sees that import within the minute.
 */
@ApplicationScoped
public class JpaExchangeRates implements ExchangeRates, RateRepository {
    static final long CACHE_NANOS = TimeUnit.SECONDS.toNanos(60);

    static final String IN_FORCE = "select rate_date, currency, rate from exchange_rates where source = ?1"
            + " and rate_date = (select max(rate_date) from exchange_rates where source = ?2 and rate_date <= ?3)";
    static final String BETWEEN = "select rate_date, currency, rate from exchange_rates where source = ?1"
            + " and rate_date between ?2 and ?3 order by rate_date";

    private EntityManager em;
    private Clock clock;
    private Settings settings;
    private final AtomicLong generation = new AtomicLong();
    private volatile Cached cached;

    private record Cached(String source, LocalDate today, Optional<RateTable> table, long generation, long loadedAt) {
        boolean servesFor(String source, LocalDate today, long generation, long now) {
            return this.source.equals(source) && this.today.equals(today) && this.generation == generation
                    && now - loadedAt < CACHE_NANOS;
        }
    }

    protected JpaExchangeRates() {
    }

    @Inject
    public JpaExchangeRates(EntityManager em, Clock clock, Settings settings) {
        this.em = em;
        this.clock = clock;
        this.settings = settings;
    }

    /**
     * The table of {@code KASSA_RATES_SOURCE} in force today (UTC).
     *
     * @throws dev.kassa.server.shared.KassaException 409 {@code rates.stale} if there is none, or it
     *     is older than {@code KASSA_RATES_MAX_AGE_DAYS}
     */
    @Override
    public RateTable current() {
        String source = settings.ratesSource();
        LocalDate today = today();
        long gen = generation.get();
        long now = System.nanoTime();
        Cached c = cached;
        Optional<RateTable> table;
        if (c != null && c.servesFor(source, today, gen, now)) {
            table = c.table();
        } else {
            table = tableInForce(source, today);
            cached = new Cached(source, today, table, gen, now);
        }
        return RatesInForce.requireFresh(table, source, today, settings.ratesMaxAgeDays());
    }

    /**
     * The table of {@code KASSA_RATES_SOURCE} in force on {@code date}, with its staleness as of
     * today; empty if none is.
     */
    @Override
    public Optional<RatesInForce> inForce(LocalDate date) {
        return inForce(settings.ratesSource(), date);
    }

    /** The table of {@code source} in force on {@code date}, with its staleness as of today; empty if none is. */
    @Override
    public Optional<RatesInForce> inForce(String source, LocalDate date) {
        int maxAgeDays = settings.ratesMaxAgeDays();
        LocalDate today = today();
        return tableInForce(source, date).map(table -> RatesInForce.assess(table, today, maxAgeDays));
    }

    /** Today's date in UTC: rates change by calendar day, and the server clock is UTC. */
    @Override
    public LocalDate today() {
        return LocalDate.now(clock.withZone(java.time.ZoneOffset.UTC));
    }

    @Override
    public Optional<RateTable> tableInForce(String source, LocalDate date) {
        List<RateTable> tables = read(em.createNativeQuery(IN_FORCE).setParameter(1, source)
                .setParameter(2, source).setParameter(3, java.sql.Date.valueOf(date)), source);
        return tables.isEmpty() ? Optional.empty() : Optional.of(tables.get(0));
    }

    @Override
    public List<RateTable> tables(String source, LocalDate from, LocalDate to) {
        return read(em.createNativeQuery(BETWEEN).setParameter(1, source)
                .setParameter(2, java.sql.Date.valueOf(from)).setParameter(3, java.sql.Date.valueOf(to)), source);
    }

    @Override
    public boolean insertIfAbsent(RateTable table) {
        Query insert = em.createNativeQuery(insertSql(table.perEuro().size()));
        int p = 1;
        Timestamp now = Timestamp.from(clock.instant());
        for (Map.Entry<String, BigDecimal> rate : table.perEuro().entrySet()) {
            insert.setParameter(p++, table.source()).setParameter(p++, java.sql.Date.valueOf(table.date()))
                    .setParameter(p++, rate.getKey()).setParameter(p++, rate.getValue()).setParameter(p++, now);
        }
        return insert.executeUpdate() > 0;
    }

    /** Drops the cached table once an import has committed. */
    void onImported(@Observes(during = TransactionPhase.AFTER_SUCCESS) RatesImported event) {
        generation.incrementAndGet();
        cached = null;
    }

    /** One multi-row insert per table; a row whose key exists already is left alone. */
    static String insertSql(int rows) {
        StringBuilder sql = new StringBuilder(
                "insert into exchange_rates (source, rate_date, currency, rate, imported_at) values ");
        int p = 1;
        for (int i = 0; i < rows; i++) {
            sql.append(i == 0 ? "" : ", ").append("(?").append(p++).append(", ?").append(p++).append(", ?")
                    .append(p++).append(", ?").append(p++).append(", ?").append(p++).append(")");
        }
        return sql.append(" on conflict do nothing").toString();
    }

    @SuppressWarnings("unchecked")
    private static List<RateTable> read(Query query, String source) {
        Map<LocalDate, Map<String, BigDecimal>> byDate = new TreeMap<>();
        for (Object[] row : (List<Object[]>) query.getResultList()) {
            byDate.computeIfAbsent(toDate(row[0]), d -> new LinkedHashMap<>())
                    .put(((String) row[1]).strip(), plain((BigDecimal) row[2]));
        }
        List<RateTable> tables = new ArrayList<>(byDate.size());
        byDate.forEach((date, rates) -> tables.add(new RateTable(source, date, rates)));
        return tables;
    }

    /** numeric(30,15) pads to 15 decimals; give the rate back as published, without the padding. */
    static BigDecimal plain(BigDecimal stored) {
        BigDecimal stripped = stored.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    static LocalDate toDate(Object value) {
        if (value instanceof java.sql.Date date) {
            return date.toLocalDate();
        }
        if (value instanceof LocalDate date) {
            return date;
        }
        if (value instanceof java.util.Date date) {
            return new java.sql.Date(date.getTime()).toLocalDate();
        }
        throw new IllegalStateException("not a date: " + value);
    }
}

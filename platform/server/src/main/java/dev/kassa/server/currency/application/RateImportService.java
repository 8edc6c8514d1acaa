package dev.kassa.server.currency.application;

import dev.kassa.api.rates.RateTable;
import dev.kassa.server.shared.KassaException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Stores published rate tables, idempotently per source and date: a date already stored is left as
 * it is and reported as skipped (and compared: a publication that differs is logged, not applied),
 * so the same file may be imported any number of times, from an upload, a file or a fetch alike.
 * History is kept; nothing is ever overwritten or deleted.
 */
@ApplicationScoped
public class RateImportService {
    private static final Logger LOG = Logger.getLogger(RateImportService.class.getName());
    /** What {@code numeric(30,15)} holds without rounding. */
    static final int MAX_INTEGER_DIGITS = 15;
    static final int MAX_FRACTION_DIGITS = 15;

    private RateRepository repository;
    private Event<RatesImported> imported;

    protected RateImportService() {
    }

    @Inject
    public RateImportService(RateRepository repository, Event<RatesImported> imported) {
        this.repository = repository;
        this.imported = imported;
    }

    /**
     * Imports the tables one source published.
     *
     * @param source the source every table must come from
     * @param tables one per date, in any order
     * @throws KassaException 422 {@code rates.malformed} if a table is of another source, a date
     *     appears twice, or a rate has more digits than can be stored; nothing is imported then
     */
    @Transactional
    public ImportResult importTables(String source, List<RateTable> tables) {
        Objects.requireNonNull(source, "source");
        List<RateTable> sorted = check(source, tables);
        if (sorted.isEmpty()) {
            return new ImportResult(source, List.of(), List.of());
        }
        Map<LocalDate, RateTable> stored = repository.tables(source, sorted.get(0).date(),
                        sorted.get(sorted.size() - 1).date()).stream()
                .collect(Collectors.toMap(RateTable::date, Function.identity()));
        List<LocalDate> added = new ArrayList<>();
        List<LocalDate> skipped = new ArrayList<>();
        for (RateTable table : sorted) {
            RateTable existing = stored.get(table.date());
            if (existing != null) {
                skipped.add(table.date());
                warnIfDifferent(existing, table);
            } else if (repository.insertIfAbsent(table)) {
                added.add(table.date());
            } else {
                skipped.add(table.date()); // a concurrent import stored it a moment ago
            }
        }
        if (!added.isEmpty()) {
            imported.fire(new RatesImported(source, added));
        }
        return new ImportResult(source, added, skipped);
    }

    private static List<RateTable> check(String source, List<RateTable> tables) {
        Set<LocalDate> dates = new HashSet<>();
        for (RateTable table : tables) {
            if (!source.equals(table.source())) {
                throw malformed("The document holds rates of source '" + table.source() + "', not '" + source + "'.");
            }
            if (!dates.add(table.date())) {
                throw malformed("The document holds rates for " + table.date() + " twice.");
            }
            table.perEuro().forEach((currency, rate) -> {
                BigDecimal plain = rate.stripTrailingZeros();
                int fraction = Math.max(plain.scale(), 0);
                int integer = plain.precision() - plain.scale();
                if (fraction > MAX_FRACTION_DIGITS || integer > MAX_INTEGER_DIGITS) {
                    throw malformed("The rate " + rate.toPlainString() + " of " + currency + " on " + table.date()
                            + " has more than " + MAX_INTEGER_DIGITS + " digits before or " + MAX_FRACTION_DIGITS
                            + " after the decimal point.");
                }
            });
        }
        return tables.stream().sorted(Comparator.comparing(RateTable::date)).toList();
    }

    /** The ECB occasionally corrects a publication; the first one stored stays, the operator is told. */
    private static void warnIfDifferent(RateTable stored, RateTable offered) {
        List<String> differences = new ArrayList<>();
        Set<String> currencies = new java.util.TreeSet<>(stored.perEuro().keySet());
        currencies.addAll(offered.perEuro().keySet());
        for (String currency : currencies) {
            BigDecimal before = stored.perEuro().get(currency);
            BigDecimal after = offered.perEuro().get(currency);
            if (before == null || after == null || before.compareTo(after) != 0) {
                differences.add(currency + " " + plain(before) + " -> " + plain(after));
            }
        }
        if (!differences.isEmpty()) {
            LOG.warning(() -> "Exchange rates " + stored.source() + " " + stored.date()
                    + " differ from those already stored, which are kept: " + String.join(", ", differences));
        }
    }

    private static String plain(BigDecimal rate) {
        return rate == null ? "(none)" : rate.toPlainString();
    }

    private static KassaException malformed(String detail) {
        return KassaException.unprocessable("rates.malformed", "Malformed rates document", detail);
    }
}

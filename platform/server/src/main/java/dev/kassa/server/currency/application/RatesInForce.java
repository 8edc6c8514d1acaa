package dev.kassa.server.currency.application;

import dev.kassa.api.rates.RateTable;
import dev.kassa.server.currency.domain.RateBook;
import dev.kassa.server.shared.KassaException;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * A rate table together with how old it is today. {@code stale} means too old to quote with today:
 * more than {@code maxAgeDays} days before {@code today}, whatever date it was looked up for.
 *
 * @param table the table
 * @param today the day the age is counted to (UTC)
 * @param ageDays whole days from the table's date to {@code today}
 * @param maxAgeDays the oldest a table may be and still be used for quotes
 * @param stale {@code ageDays > maxAgeDays}
 */
public record RatesInForce(RateTable table, LocalDate today, long ageDays, int maxAgeDays, boolean stale) {

    public static RatesInForce assess(RateTable table, LocalDate today, int maxAgeDays) {
        Objects.requireNonNull(table, "table");
        long age = RateBook.ageInDays(table, today);
        return new RatesInForce(table, today, age, maxAgeDays, age > maxAgeDays);
    }

    /**
     * The table in force today if it is fresh enough to quote with.
     *
     * @throws KassaException 409 {@code rates.stale} if there is none or it is stale
     */
    public static RateTable requireFresh(Optional<RateTable> inForceToday, String source, LocalDate today,
                                         int maxAgeDays) {
        if (inForceToday.isEmpty()) {
            throw KassaException.conflict("rates.stale", "Exchange rates unavailable",
                    "There are no " + source + " exchange rates for " + today
                            + ", so nothing can be converted; an operator must import them first.")
                    .with("source", source).with("maxAgeDays", maxAgeDays);
        }
        RatesInForce assessed = assess(inForceToday.get(), today, maxAgeDays);
        if (assessed.stale()) {
            throw KassaException.conflict("rates.stale", "Exchange rates out of date",
                    "The newest " + source + " exchange rates are dated " + assessed.table().date() + ", "
                            + assessed.ageDays() + " days before today (" + today + "); rates older than "
                            + maxAgeDays + " days are not used. Nothing was converted; retry once newer rates"
                            + " are imported.")
                    .with("source", source).with("rateDate", assessed.table().date().toString())
                    .with("maxAgeDays", maxAgeDays);
        }
        return assessed.table();
    }
}

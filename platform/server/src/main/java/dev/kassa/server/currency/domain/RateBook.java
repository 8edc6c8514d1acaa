package dev.kassa.server.currency.domain;

import dev.kassa.api.rates.RateTable;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The rate tables of one source, by date. The table in force on a day is the latest one published
 * on or before it: the ECB publishes on TARGET working days only, so on a Sunday Friday's rates
 * are in force. Immutable.
 */
public final class RateBook {
    private final NavigableMap<LocalDate, RateTable> byDate;

    /**
     * @param tables tables of one source in any order; of two tables for the same date the later
     *     one in the collection wins, so a corrected publication can simply be appended
     * @throws IllegalArgumentException if the tables come from more than one source
     */
    public RateBook(Collection<RateTable> tables) {
        TreeMap<LocalDate, RateTable> map = new TreeMap<>();
        String source = null;
        for (RateTable table : tables) {
            Objects.requireNonNull(table, "table");
            if (source != null && !source.equals(table.source())) {
                throw new IllegalArgumentException(
                        "a rate book holds one source, not both " + source + " and " + table.source());
            }
            source = table.source();
            map.put(table.date(), table);
        }
        this.byDate = map;
    }

    /** The table in force on {@code date}: the latest dated on or before it; empty if none is. */
    public Optional<RateTable> inForce(LocalDate date) {
        Objects.requireNonNull(date, "date");
        return Optional.ofNullable(byDate.floorEntry(date)).map(Map.Entry::getValue);
    }

    /**
     * Whether the rates in force on {@code date} are too old to quote from: no table is in force,
     * or the one in force is dated more than {@code maxAgeDays} days before {@code date}. A table
     * exactly {@code maxAgeDays} old is still fresh.
     */
    public boolean isStale(LocalDate date, int maxAgeDays) {
        if (maxAgeDays < 0) {
            throw new IllegalArgumentException("maxAgeDays must not be negative: " + maxAgeDays);
        }
        return inForce(date).map(table -> ageInDays(table, date) > maxAgeDays).orElse(true);
    }

    /** Whole days from the table's date to {@code date}; 0 on the day it was published. */
    public static long ageInDays(RateTable table, LocalDate date) {
        return ChronoUnit.DAYS.between(table.date(), date);
    }

    /** The most recent table, if there is any. */
    public Optional<RateTable> latest() {
        return Optional.ofNullable(byDate.lastEntry()).map(Map.Entry::getValue);
    }

    public int size() {
        return byDate.size();
    }
}

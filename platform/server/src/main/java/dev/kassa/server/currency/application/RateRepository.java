package dev.kassa.server.currency.application;

import dev.kassa.api.rates.RateTable;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Where rate tables are kept: installation-wide, one table per source and date, never changed or
 * deleted once stored. Rates read back as exact decimals without trailing zeros ({@code 4.1960}
 * reads back as {@code 4.196}), so a table reads the same whichever file brought it.
 */
public interface RateRepository {
    /** The table of {@code source} in force on {@code date}: the latest dated on or before it. */
    Optional<RateTable> tableInForce(String source, LocalDate date);

    /** The stored tables of {@code source} dated {@code from} to {@code to}, both included, oldest first. */
    List<RateTable> tables(String source, LocalDate from, LocalDate to);

    /**
     * Stores a table unless rates of its source and date are stored already; safe against a
     * concurrent insert of the same table (the loser inserts nothing). Joins the caller's
     * transaction.
     *
     * @return whether any row was inserted
     */
    boolean insertIfAbsent(RateTable table);
}

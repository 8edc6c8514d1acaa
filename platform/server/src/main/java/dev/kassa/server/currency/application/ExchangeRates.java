package dev.kassa.server.currency.application;

import dev.kassa.api.rates.RateTable;
import java.time.LocalDate;
import java.util.Optional;

/** The exchange rates Kassa converts with: per-euro reference rates, kept with their history. */
public interface ExchangeRates {
    /**
     * The table of the source Kassa quotes with ({@code KASSA_RATES_SOURCE}) in force today (the
     * latest rate date not after today).
     *
     * @throws dev.kassa.server.shared.KassaException 409 {@code rates.stale} when there is none, or it
     *     is older than {@code KASSA_RATES_MAX_AGE_DAYS} days: never silently convert with old data
     */
    RateTable current();

    /** Today's date where rates are concerned (UTC). */
    LocalDate today();

    /** The default source's rates in force on {@code date}: the latest published on or before it. */
    Optional<RatesInForce> inForce(LocalDate date);

    /** {@code source}'s rates in force on {@code date}. */
    Optional<RatesInForce> inForce(String source, LocalDate date);
}

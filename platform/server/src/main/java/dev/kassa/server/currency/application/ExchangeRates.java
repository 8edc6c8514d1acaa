package dev.kassa.server.currency.application;

import dev.kassa.api.rates.RateTable;

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
}

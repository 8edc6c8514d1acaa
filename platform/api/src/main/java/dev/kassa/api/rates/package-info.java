/**
 * Exchange-rate sources: a {@link dev.kassa.api.rates.RateSource} plugin reads a published
 * document of reference rates (such as the ECB's euro foreign exchange reference rates) into
 * {@link dev.kassa.api.rates.RateTable}s, one per publication date. Rates are quoted per euro and
 * kept as exact decimals; how they are combined and rounded is the platform's business.
 */
package dev.kassa.api.rates;

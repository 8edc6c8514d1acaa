/**
 * The European Central Bank's euro foreign exchange reference rates as a
 * {@link dev.kassa.api.rates.RateSource}.
 */
package dev.kassa.plugin.ecb;

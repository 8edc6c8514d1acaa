package dev.kassa.api.rates;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The reference rates one source published for one date, quoted per euro: {@code perEuro}
 * maps an ISO 4217 code to how many units of that currency one euro buys ({@code "USD" ->
 * 1.1097} means 1 EUR = 1.1097 USD).
 *
 * <p>Rates are exact decimals exactly as published (scale included: {@code 4.1960} stays
 * {@code 4.1960}); they are never {@code double}. The euro itself is implied at 1 and is never a
 * key of {@link #perEuro()}: a map given with {@code "EUR" -> 1} is accepted and the entry left
 * out, any other euro rate is refused. Use {@link #rate(String)} to look up any currency,
 * the euro included.
 *
 * @param source the {@link RateSource#id()} of the publisher, for example {@code "ecb"}
 * @param date the date the rates were published for (the ECB's {@code time} attribute)
 * @param perEuro currency code to units per 1 EUR; at least one currency, every code three
 *     upper-case letters, every rate greater than zero. Copied: the record is immutable and
 *     iterates in code order.
 */
public record RateTable(String source, LocalDate date, Map<String, BigDecimal> perEuro) {

    /** The currency every rate is quoted against. */
    public static final String EURO = "EUR";

    /**
     * Checks and copies the rates.
     *
     * @throws IllegalArgumentException if the source is blank, a code is not three upper-case
     *     letters, a rate is not positive, the euro is given at a rate other than 1, or no
     *     currency other than the euro remains
     * @throws NullPointerException if an argument, a code or a rate is null
     */
    public RateTable {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(perEuro, "perEuro");
        if (source.isBlank()) {
            throw new IllegalArgumentException("source must not be blank");
        }
        TreeMap<String, BigDecimal> copy = new TreeMap<>();
        perEuro.forEach((code, rate) -> {
            Objects.requireNonNull(code, "currency code");
            Objects.requireNonNull(rate, () -> "rate of " + code);
            if (!isCurrencyCode(code)) {
                throw new IllegalArgumentException("not an ISO 4217 currency code: '" + code + "'");
            }
            if (rate.signum() <= 0) {
                throw new IllegalArgumentException("rate of " + code + " must be positive: " + rate);
            }
            if (code.equals(EURO)) {
                if (rate.compareTo(BigDecimal.ONE) != 0) {
                    throw new IllegalArgumentException("rates are per euro, so EUR must be 1, not " + rate);
                }
            } else {
                copy.put(code, rate);
            }
        });
        if (copy.isEmpty()) {
            throw new IllegalArgumentException("no currency rates for " + source + " on " + date);
        }
        perEuro = Collections.unmodifiableMap(copy);
    }

    /**
     * Units of {@code currency} per 1 EUR: {@code 1} for {@code "EUR"}, empty if this table has
     * no rate for the currency.
     */
    public Optional<BigDecimal> rate(String currency) {
        if (EURO.equals(currency)) {
            return Optional.of(BigDecimal.ONE);
        }
        return Optional.ofNullable(perEuro.get(currency));
    }

    private static boolean isCurrencyCode(String code) {
        return code.length() == 3 && code.chars().allMatch(c -> c >= 'A' && c <= 'Z');
    }
}

package dev.kassa.api.payment;

import java.util.Objects;

/**
 * An amount of money in integer minor units of an ISO 4217 currency: {@code Amount(1250, "EUR")}
 * is 12.50 EUR, {@code Amount(500, "JPY")} is 500 JPY, {@code Amount(5000, "ISK")} is 5,000 ISK,
 * {@code Amount(1250, "KWD")} is 1.250 KWD. The number of minor units is ISO 4217's, which
 * {@link java.util.Currency#getDefaultFractionDigits()} gives; a gateway that counts a currency
 * otherwise (Stripe counts ISK in hundredths) is the plugin's to convert, both ways (see
 * {@link PaymentMethod#accepts}).
 *
 * @param minor the amount in minor units; never negative
 * @param currency the ISO 4217 code in upper case
 */
public record Amount(long minor, String currency) {
    public Amount {
        Objects.requireNonNull(currency, "currency");
        if (minor < 0) {
            throw new IllegalArgumentException("negative amount " + minor);
        }
        if (!currency.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("not an ISO 4217 code: " + currency);
        }
    }

    @Override
    public String toString() {
        return minor + " " + currency + " (minor units)";
    }
}

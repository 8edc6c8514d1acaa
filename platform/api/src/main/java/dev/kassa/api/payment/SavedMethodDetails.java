package dev.kassa.api.payment;

import java.util.Objects;

/**
 * A method saved at the gateway, as the customer may see it.
 *
 * @param token the gateway's id to pay with later (a Stripe PaymentMethod id); never card data
 * @param brand the card brand or the method's kind ({@code "visa"}, {@code "sepa_debit"}), or null
 * @param last4 the last four digits, or null
 * @param expMonth 1 to 12, or 0 when the method does not expire
 * @param expYear four digits, or 0 when the method does not expire
 * @param country where the method comes from, as the gateway reports it (ISO 3166 alpha-2, upper
 *     case): the card issuer's country for a card (Stripe's {@code card.country}), the bank
 *     account's for a bank debit; null when the gateway does not say. The platform keeps it as
 *     evidence of the customer's location for EU VAT.
 */
public record SavedMethodDetails(String token, String brand, String last4, int expMonth, int expYear,
                                 String country) {
    /** Details without a country. */
    public SavedMethodDetails(String token, String brand, String last4, int expMonth, int expYear) {
        this(token, brand, last4, expMonth, expYear, null);
    }

    public SavedMethodDetails {
        Objects.requireNonNull(token, "token");
        if (last4 != null && !last4.matches("[0-9]{4}")) {
            throw new IllegalArgumentException("last4 must be four digits");
        }
        if (expMonth < 0 || expMonth > 12) {
            throw new IllegalArgumentException("expMonth out of range: " + expMonth);
        }
        if (country != null && !country.matches("[A-Z]{2}")) {
            throw new IllegalArgumentException("country must be an ISO 3166 alpha-2 code: " + country);
        }
    }
}

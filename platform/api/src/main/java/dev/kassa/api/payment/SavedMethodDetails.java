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
 */
public record SavedMethodDetails(String token, String brand, String last4, int expMonth, int expYear) {
    public SavedMethodDetails {
        Objects.requireNonNull(token, "token");
        if (last4 != null && !last4.matches("[0-9]{4}")) {
            throw new IllegalArgumentException("last4 must be four digits");
        }
        if (expMonth < 0 || expMonth > 12) {
            throw new IllegalArgumentException("expMonth out of range: " + expMonth);
        }
    }
}

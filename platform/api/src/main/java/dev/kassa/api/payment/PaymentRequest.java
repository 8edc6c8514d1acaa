package dev.kassa.api.payment;

import java.util.Map;
import java.util.Objects;

/**
 * A payment to start.
 *
 * @param attemptId the platform's id for this attempt; send it to the gateway as the idempotency
 *     key, so that the same attempt never pays twice
 * @param amount what to take from the customer, in ISO 4217 minor units; always an amount the
 *     method {@link PaymentMethod#accepts accepts}
 * @param reference the top-up's short reference, for statements and bank transfers
 * @param description a short text for the customer's statement or the gateway's dashboard
 * @param customer who pays
 * @param saveMethod whether the customer asked to keep the method for later payments (only for
 *     methods that implement {@link SavedMethods})
 * @param savedMethodToken the gateway token of a saved method to pay with, or null
 * @param metadata what to attach at the gateway so that its events can be traced back (tenant,
 *     account, top-up, attempt); return it as it comes
 */
public record PaymentRequest(String attemptId, Amount amount, String reference, String description,
                             Customer customer, boolean saveMethod, String savedMethodToken,
                             Map<String, String> metadata) {
    public PaymentRequest {
        Objects.requireNonNull(attemptId, "attemptId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(customer, "customer");
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }
}

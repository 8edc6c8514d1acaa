package dev.kassa.api.payment;

import java.util.Map;
import java.util.Objects;

/**
 * Saving a method for later payments without paying now.
 *
 * @param savedMethodId the platform's id for the saved method; the idempotency key at the gateway
 * @param customer whose method it becomes
 * @param metadata what to attach at the gateway (tenant, account, payer, saved method)
 */
public record SetupRequest(String savedMethodId, Customer customer, Map<String, String> metadata) {
    public SetupRequest {
        Objects.requireNonNull(savedMethodId, "savedMethodId");
        Objects.requireNonNull(customer, "customer");
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }
}

package dev.kassa.api.payment;

import java.util.Map;
import java.util.Objects;

/**
 * Saving a method for later payments without paying now.
 *
 * <p>As for a {@link PaymentRequest}, {@link #returnUrl()} says the customer's browser can be sent
 * to the gateway's hosted page to enter the card (a {@link NextAction#redirect}); without it the
 * caller finishes in its own front end. Whether the method is saved comes by webhook or
 * {@link SavedMethods#setupStatus}, never from the browser's return.
 *
 * @param savedMethodId the platform's id for the saved method; the idempotency key at the gateway
 * @param customer whose method it becomes
 * @param metadata what to attach at the gateway (tenant, account, payer, saved method)
 * @param returnUrl where the hosted page sends the browser back when the customer is done (absolute
 *     {@code https}, {@code http} only on the loopback, at most 2,000 characters); null for an API
 *     client (the default)
 * @param cancelUrl where it sends the browser when the customer gives up; null for none. Never set
 *     without {@link #returnUrl()}.
 */
public record SetupRequest(String savedMethodId, Customer customer, Map<String, String> metadata, String returnUrl,
                           String cancelUrl) {
    public SetupRequest {
        Objects.requireNonNull(savedMethodId, "savedMethodId");
        Objects.requireNonNull(customer, "customer");
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
        ReturnUrls.check(returnUrl, cancelUrl);
    }

    /**
     * A set-up for an API client, without return URLs: the contract's first form, kept so that
     * plugins' code compiles.
     */
    public SetupRequest(String savedMethodId, Customer customer, Map<String, String> metadata) {
        this(savedMethodId, customer, metadata, null, null);
    }

    /** The same set-up, for a customer whose browser goes back to {@code returnUrl} (or {@code cancelUrl}). */
    public SetupRequest withReturnUrls(String returnUrl, String cancelUrl) {
        return new SetupRequest(savedMethodId, customer, metadata, returnUrl, cancelUrl);
    }

    /** Whether the customer's browser can be sent to a hosted page ({@link #returnUrl()} is set). */
    public boolean hasReturnUrl() {
        return returnUrl != null;
    }
}

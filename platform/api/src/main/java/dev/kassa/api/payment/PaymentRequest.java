package dev.kassa.api.payment;

import java.util.Map;
import java.util.Objects;

/**
 * A payment to start.
 *
 * <p>Where the customer is matters to a method with a hosted page. With {@link #returnUrl()} set,
 * the customer's browser is ours to send on: a method that has a page of its own for the payment
 * (card entry, 3-D Secure, a bank's approval) answers {@link Outcome#ACTION_REQUIRED} with
 * {@link NextAction#redirect} to it, and the gateway sends the browser back to
 * {@link #returnUrl()} when the customer is done (or to {@link #cancelUrl()} when they give up).
 * Without it the caller is an API client that finishes in its own front end, typically with a
 * {@link NextAction#clientSecret client secret}. The outcome always comes by webhook or
 * {@link StatusQuery}, never from the browser's return: a return URL says nothing about whether
 * the payment succeeded. A method without a hosted page ignores both URLs.
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
 * @param returnUrl where the gateway's hosted page sends the browser back when the customer is
 *     done: an absolute {@code https} URL ({@code http} only on the loopback, for development), at
 *     most 2,000 characters; null for an API client (the default)
 * @param cancelUrl where it sends the browser when the customer gives up; null when the page
 *     offers no way back, or for an API client. Never set without {@link #returnUrl()}.
 */
public record PaymentRequest(String attemptId, Amount amount, String reference, String description,
                             Customer customer, boolean saveMethod, String savedMethodToken,
                             Map<String, String> metadata, String returnUrl, String cancelUrl) {
    public PaymentRequest {
        Objects.requireNonNull(attemptId, "attemptId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(customer, "customer");
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
        ReturnUrls.check(returnUrl, cancelUrl);
    }

    /**
     * A payment for an API client, without return URLs: the contract's first form, kept so that
     * plugins' code compiles.
     */
    public PaymentRequest(String attemptId, Amount amount, String reference, String description, Customer customer,
                          boolean saveMethod, String savedMethodToken, Map<String, String> metadata) {
        this(attemptId, amount, reference, description, customer, saveMethod, savedMethodToken, metadata, null, null);
    }

    /** The same payment, for a customer whose browser goes back to {@code returnUrl} (or {@code cancelUrl}). */
    public PaymentRequest withReturnUrls(String returnUrl, String cancelUrl) {
        return new PaymentRequest(attemptId, amount, reference, description, customer, saveMethod, savedMethodToken,
                metadata, returnUrl, cancelUrl);
    }

    /** Whether the customer's browser can be sent to a hosted page ({@link #returnUrl()} is set). */
    public boolean hasReturnUrl() {
        return returnUrl != null;
    }
}

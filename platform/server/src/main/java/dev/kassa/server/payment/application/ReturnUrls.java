package dev.kassa.server.payment.application;

import dev.kassa.server.shared.KassaException;

/**
 * Where a gateway's hosted page sends the customer's browser back to: {@code returnUrl} when the
 * customer is done, {@code cancelUrl} when they give up. Both null for an API client, which
 * finishes the payment in its own front end. The form of each URL is checked where the request
 * is read ({@code web.constraint.ReturnUrl}); this is the rule between the two.
 */
public record ReturnUrls(String returnUrl, String cancelUrl) {
    /** An API client's: no hosted page. */
    public static final ReturnUrls NONE = new ReturnUrls(null, null);

    /**
     * @throws KassaException 422 {@code required} on {@code returnUrl} when only {@code cancelUrl}
     *     is given: a page that can only be left by giving up makes no sense
     */
    public ReturnUrls {
        if (cancelUrl != null && returnUrl == null) {
            throw KassaException.invalid("returnUrl", "required", "is required with cancelUrl");
        }
    }

    public static ReturnUrls of(String returnUrl, String cancelUrl) {
        return returnUrl == null && cancelUrl == null ? NONE : new ReturnUrls(returnUrl, cancelUrl);
    }
}

package dev.kassa.testkit.stripe;

/**
 * Where the customer's browser goes after a step on the hosted page.
 *
 * @param next what comes next
 * @param url where to send the browser for {@link Next#RETURN} and {@link Next#CANCEL}; the
 *     3-D Secure page for {@link Next#AUTHENTICATE}; null for {@link Next#SHOW}
 * @param message what the page says for {@link Next#SHOW} (a decline without a cancel URL, a page
 *     no longer open), else null
 */
record CheckoutStep(Next next, String url, String message) {
    enum Next {
        /** Done: back to the session's {@code success_url}. */
        RETURN,
        /** The bank wants 3-D Secure first: the fake's authentication page. */
        AUTHENTICATE,
        /** Declined or given up: back to the session's {@code cancel_url}. */
        CANCEL,
        /** Stay: the page again, with {@link CheckoutStep#message()}. */
        SHOW
    }
}

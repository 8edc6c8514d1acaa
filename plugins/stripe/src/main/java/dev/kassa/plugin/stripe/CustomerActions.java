package dev.kassa.plugin.stripe;

import dev.kassa.api.payment.NextAction;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the customer's browser needs to go on with an intent: the client secret for Stripe.js
 * and the tenant's publishable key, or the bank's page to redirect to (3-D Secure).
 */
final class CustomerActions {
    static final String PUBLISHABLE_KEY = "publishableKey";
    static final String CLIENT_SECRET = "clientSecret";

    private final String publishableKey;

    /** @param publishableKey the tenant's publishable key, or null if unknown */
    CustomerActions(String publishableKey) {
        this.publishableKey = publishableKey;
    }

    /** Finish in the browser with Stripe.js, or null when there is no client secret. */
    NextAction confirmInBrowser(String clientSecret) {
        if (clientSecret == null) {
            return null;
        }
        return NextAction.clientSecret(clientSecret, publishableKeyOnly());
    }

    /**
     * Send the browser to {@code url}. The client secret goes along in {@link NextAction#data()},
     * so that the page the customer comes back to can ask Stripe.js where the intent stands.
     */
    NextAction redirect(String url, String clientSecret) {
        Map<String, String> data = new LinkedHashMap<>(publishableKeyOnly());
        if (clientSecret != null) {
            data.put(CLIENT_SECRET, clientSecret);
        }
        return NextAction.redirect(url, data);
    }

    private Map<String, String> publishableKeyOnly() {
        return publishableKey == null ? Map.of() : Map.of(PUBLISHABLE_KEY, publishableKey);
    }
}

package dev.kassa.testkit.stripe;

import java.util.regex.Pattern;

/** The Stripe API endpoints the fake serves, for aiming a scripted fault ({@link StripeFake#delayNext(Endpoint, java.time.Duration)}). */
public enum Endpoint {
    /** Any request. */
    ANY("[A-Z]+", ".*"),
    CREATE_CUSTOMER("POST", "/v1/customers"),
    RETRIEVE_CUSTOMER("GET", "/v1/customers/[^/]+"),
    CREATE_PAYMENT_INTENT("POST", "/v1/payment_intents"),
    SEARCH_PAYMENT_INTENTS("GET", "/v1/payment_intents/search"),
    RETRIEVE_PAYMENT_INTENT("GET", "/v1/payment_intents/[^/]+"),
    CONFIRM_PAYMENT_INTENT("POST", "/v1/payment_intents/[^/]+/confirm"),
    CANCEL_PAYMENT_INTENT("POST", "/v1/payment_intents/[^/]+/cancel"),
    CREATE_SETUP_INTENT("POST", "/v1/setup_intents"),
    RETRIEVE_SETUP_INTENT("GET", "/v1/setup_intents/[^/]+"),
    CONFIRM_SETUP_INTENT("POST", "/v1/setup_intents/[^/]+/confirm"),
    RETRIEVE_PAYMENT_METHOD("GET", "/v1/payment_methods/[^/]+"),
    DETACH_PAYMENT_METHOD("POST", "/v1/payment_methods/[^/]+/detach"),
    CREATE_REFUND("POST", "/v1/refunds"),
    RETRIEVE_REFUND("GET", "/v1/refunds/[^/]+"),
    CREATE_CHECKOUT_SESSION("POST", "/v1/checkout/sessions"),
    RETRIEVE_CHECKOUT_SESSION("GET", "/v1/checkout/sessions/[^/]+"),
    EXPIRE_CHECKOUT_SESSION("POST", "/v1/checkout/sessions/[^/]+/expire");

    private final Pattern method;
    private final Pattern path;

    Endpoint(String method, String path) {
        this.method = Pattern.compile(method);
        this.path = Pattern.compile(path);
    }

    /** Whether a request (path without the query string) is for this endpoint. */
    public boolean matches(String httpMethod, String requestPath) {
        return method.matcher(httpMethod).matches() && path.matcher(requestPath).matches();
    }

    /** The endpoint a request is for, or {@link #ANY} when the fake does not serve it. */
    static Endpoint of(String httpMethod, String requestPath) {
        for (Endpoint endpoint : values()) {
            if (endpoint != ANY && endpoint.matches(httpMethod, requestPath)) {
                return endpoint;
            }
        }
        return ANY;
    }
}

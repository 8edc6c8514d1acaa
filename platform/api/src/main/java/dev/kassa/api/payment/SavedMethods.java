package dev.kassa.api.payment;

/**
 * A method that can keep a customer's card or mandate at the gateway for later payments. Saved
 * methods start PENDING on the platform and become CONFIRMED only when the gateway says so (by
 * webhook or by {@link #setupStatus}).
 */
public interface SavedMethods {

    /** Starts saving a method: usually {@link Outcome#ACTION_REQUIRED} with a client secret for the customer's browser. */
    SetupResult setUp(MethodContext context, SetupRequest request);

    /** Where a set-up stands. */
    SetupResult setupStatus(MethodContext context, String gatewayReference);

    /**
     * Forgets a saved method at the gateway (detaches it). Returns normally when the gateway has
     * forgotten it or never knew it.
     *
     * @throws java.io.UncheckedIOException when the gateway could not be reached; the platform keeps the method
     */
    void remove(MethodContext context, String token);
}

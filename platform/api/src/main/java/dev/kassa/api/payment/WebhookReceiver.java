package dev.kassa.api.payment;

/**
 * A method whose gateway calls us back. The platform receives
 * {@code POST /webhooks/{tenantSlug}/{pluginId}} and hands the raw request here.
 */
public interface WebhookReceiver {

    /** How old a signed webhook may be. */
    java.time.Duration TOLERANCE = java.time.Duration.ofMinutes(5);

    /**
     * Verifies a delivery (signature over the exact raw body, timestamp within {@link #TOLERANCE}
     * of {@link MethodContext#clock()}) and reads it.
     *
     * @return the event; one whose payment, set-up and refund are all null is recorded and ignored
     * @throws InvalidWebhookException when the signature is missing or wrong, or the timestamp is
     *     outside the tolerance; the platform answers 400 and changes nothing
     */
    WebhookEvent receive(MethodContext context, WebhookRequest request);
}

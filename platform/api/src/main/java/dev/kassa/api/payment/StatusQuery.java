package dev.kassa.api.payment;

/**
 * A method that can be asked where a payment stands. The platform asks about payments still
 * {@link Outcome#PENDING}, {@link Outcome#ACTION_REQUIRED} or {@link Outcome#UNKNOWN}, with
 * back-off, and applies the answer exactly as it would a webhook.
 */
public interface StatusQuery {

    /**
     * @param gatewayReference the payment's id at the gateway; null if the first call never got an
     *     answer, in which case look it up by {@code attemptId} if the gateway can (or answer UNKNOWN)
     * @param attemptId the platform's attempt id (the idempotency key sent with the payment)
     */
    PaymentResult paymentStatus(MethodContext context, String gatewayReference, String attemptId);
}

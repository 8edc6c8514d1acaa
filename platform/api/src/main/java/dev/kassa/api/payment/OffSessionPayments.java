package dev.kassa.api.payment;

/**
 * A method that can charge a saved method while the customer is away, for automatic renewals.
 */
public interface OffSessionPayments {

    /**
     * Charges {@link PaymentRequest#savedMethodToken()} at once without the customer. A bank that
     * wants the customer after all answers {@link Outcome#ACTION_REQUIRED} with the action the
     * customer can complete later.
     */
    PaymentResult payOffSession(MethodContext context, PaymentRequest request);
}

package dev.kassa.api.payment;

import java.util.Objects;

/**
 * Where a payment stands after a call, a webhook or a status query.
 *
 * @param outcome where it stands
 * @param gatewayReference the gateway's id for the payment (a Stripe PaymentIntent id); null only
 *     when the gateway never answered
 * @param attemptId the platform attempt this payment belongs to, when the gateway told us (for
 *     example from metadata in a webhook); null if unknown
 * @param received what the gateway says it took, when {@link Outcome#SUCCEEDED}; else null
 * @param nextAction what the customer must do, when {@link Outcome#ACTION_REQUIRED} or a
 *     {@link Outcome#PENDING} that needs the customer elsewhere (bank-transfer instructions)
 * @param reasonCode the gateway's code for a decline or failure ({@code "card_declined"}), else null
 * @param reason the gateway's message for a decline or failure, else null
 * @param customerReference the customer's id at the gateway, when the method created or used one;
 *     the platform stores it and passes it back in {@link Customer#gatewayReference()}
 * @param savedMethod the method the gateway saved for later, when the customer asked to save it
 *     and it is known; else null
 */
public record PaymentResult(Outcome outcome, String gatewayReference, String attemptId, Amount received,
                            NextAction nextAction, String reasonCode, String reason, String customerReference,
                            SavedMethodDetails savedMethod) {
    public PaymentResult {
        Objects.requireNonNull(outcome, "outcome");
        if (outcome == Outcome.SUCCEEDED && received == null) {
            throw new IllegalArgumentException("a succeeded payment says what was received");
        }
        if (outcome == Outcome.ACTION_REQUIRED && nextAction == null) {
            throw new IllegalArgumentException("an action-required payment says which action");
        }
    }

    public static PaymentResult succeeded(String gatewayReference, Amount received) {
        return new PaymentResult(Outcome.SUCCEEDED, gatewayReference, null, received, null, null, null, null, null);
    }

    public static PaymentResult pending(String gatewayReference, NextAction nextAction) {
        return new PaymentResult(Outcome.PENDING, gatewayReference, null, null, nextAction, null, null, null, null);
    }

    public static PaymentResult actionRequired(String gatewayReference, NextAction nextAction) {
        return new PaymentResult(Outcome.ACTION_REQUIRED, gatewayReference, null, null, nextAction, null, null, null,
                null);
    }

    public static PaymentResult declined(String gatewayReference, String reasonCode, String reason) {
        return new PaymentResult(Outcome.DECLINED, gatewayReference, null, null, null, reasonCode, reason, null, null);
    }

    public static PaymentResult unknown(String gatewayReference, String reason) {
        return new PaymentResult(Outcome.UNKNOWN, gatewayReference, null, null, null, null, reason, null, null);
    }

    public PaymentResult withAttemptId(String id) {
        return new PaymentResult(outcome, gatewayReference, id, received, nextAction, reasonCode, reason,
                customerReference, savedMethod);
    }

    public PaymentResult withCustomerReference(String reference) {
        return new PaymentResult(outcome, gatewayReference, attemptId, received, nextAction, reasonCode, reason,
                reference, savedMethod);
    }

    public PaymentResult withSavedMethod(SavedMethodDetails details) {
        return new PaymentResult(outcome, gatewayReference, attemptId, received, nextAction, reasonCode, reason,
                customerReference, details);
    }
}

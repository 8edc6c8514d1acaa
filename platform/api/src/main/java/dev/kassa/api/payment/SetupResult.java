package dev.kassa.api.payment;

import java.util.Objects;

/**
 * Where the saving of a method stands.
 *
 * @param outcome {@link Outcome#SUCCEEDED}: saved and usable ({@code method} is set);
 *     {@link Outcome#ACTION_REQUIRED}: the customer must enter or confirm it ({@code nextAction});
 *     {@link Outcome#PENDING}/{@link Outcome#UNKNOWN}: ask again later; {@link Outcome#DECLINED}: failed,
 *     or, with {@code method} set ({@link #revoked}), a saved method the gateway no longer holds
 * @param gatewayReference the gateway's id for the set-up (a Stripe SetupIntent id)
 * @param savedMethodId the platform's saved-method id, when the gateway told us (metadata); else null
 * @param method the saved method, when it succeeded
 * @param nextAction what the customer must do, else null
 * @param reasonCode the gateway's failure code, else null
 * @param reason the gateway's failure message, else null
 * @param customerReference the customer's id at the gateway, when one was created or used
 */
public record SetupResult(Outcome outcome, String gatewayReference, String savedMethodId,
                          SavedMethodDetails method, NextAction nextAction, String reasonCode, String reason,
                          String customerReference) {
    public SetupResult {
        Objects.requireNonNull(outcome, "outcome");
        if (outcome == Outcome.SUCCEEDED && method == null) {
            throw new IllegalArgumentException("a succeeded set-up names the saved method");
        }
    }

    public static SetupResult succeeded(String gatewayReference, SavedMethodDetails method) {
        return new SetupResult(Outcome.SUCCEEDED, gatewayReference, null, method, null, null, null, null);
    }

    public static SetupResult actionRequired(String gatewayReference, NextAction nextAction) {
        return new SetupResult(Outcome.ACTION_REQUIRED, gatewayReference, null, null, nextAction, null, null, null);
    }

    public static SetupResult pending(String gatewayReference) {
        return new SetupResult(Outcome.PENDING, gatewayReference, null, null, null, null, null, null);
    }

    public static SetupResult failed(String gatewayReference, String reasonCode, String reason) {
        return new SetupResult(Outcome.DECLINED, gatewayReference, null, null, null, reasonCode, reason, null);
    }

    /**
     * The gateway no longer holds a method saved before (the payer removed it at the gateway, or
     * the gateway revoked it): the platform's saved method with this token becomes unusable,
     * whatever its status. Only news verified with the gateway may say so.
     */
    public static SetupResult revoked(SavedMethodDetails method, String reasonCode, String reason) {
        return new SetupResult(Outcome.DECLINED, null, null, Objects.requireNonNull(method, "method"), null,
                reasonCode, reason, null);
    }

    /** Whether this is {@link #revoked} news about a method saved before. */
    public boolean isRevocation() {
        return outcome == Outcome.DECLINED && method != null;
    }

    public static SetupResult unknown(String gatewayReference, String reason) {
        return new SetupResult(Outcome.UNKNOWN, gatewayReference, null, null, null, null, reason, null);
    }

    public SetupResult withSavedMethodId(String id) {
        return new SetupResult(outcome, gatewayReference, id, method, nextAction, reasonCode, reason, customerReference);
    }

    public SetupResult withCustomerReference(String reference) {
        return new SetupResult(outcome, gatewayReference, savedMethodId, method, nextAction, reasonCode, reason,
                reference);
    }
}

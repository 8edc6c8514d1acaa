package dev.kassa.api.payment;

/** Where a payment, or the set-up of a saved method, stands at the gateway. */
public enum Outcome {
    /** Done: the money is ours (or the method is saved and usable). Final. */
    SUCCEEDED,
    /** Under way without the customer: the gateway or a bank will settle it later. */
    PENDING,
    /** The customer must act first: 3-D Secure, a redirect to a bank, a form to fill in. */
    ACTION_REQUIRED,
    /** Refused or abandoned, with the gateway's reason. Final for this attempt, though a gateway may still report a later success for the same payment (a retry in the same form). */
    DECLINED,
    /** We could not tell: a timeout, a gateway 5xx, a network error. The platform asks again later. */
    UNKNOWN;

    /** Whether nothing more is expected unless the gateway says otherwise. */
    public boolean isFinal() {
        return this == SUCCEEDED || this == DECLINED;
    }
}

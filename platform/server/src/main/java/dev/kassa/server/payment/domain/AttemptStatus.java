package dev.kassa.server.payment.domain;

import dev.kassa.api.payment.Outcome;

/**
 * Where a payment attempt stands. Statuses only move forward ({@link #rank()}): a late or
 * redelivered event never takes an attempt back, though a success still wins over a decline (the
 * customer retried in the same form and paid).
 */
public enum AttemptStatus {
    /** We could not tell what the gateway did; the janitor asks. */
    UNKNOWN(0),
    /** Under way without the customer. */
    PENDING(1),
    /** Waiting for the customer (3-D Secure, a redirect). */
    ACTION_REQUIRED(1),
    /** Refused, failed or cancelled at the gateway. */
    DECLINED(2),
    /** The gateway reported money that differs from the attempt: flagged for the tenant, not credited. */
    MISMATCH(3),
    /** Paid and credited. */
    SUCCEEDED(3);

    private final int rank;

    AttemptStatus(int rank) {
        this.rank = rank;
    }

    public int rank() {
        return rank;
    }

    /** Whether the janitor should keep asking the gateway. */
    public boolean open() {
        return rank < 2;
    }

    public static AttemptStatus of(Outcome outcome) {
        return switch (outcome) {
            case SUCCEEDED -> SUCCEEDED;
            case PENDING -> PENDING;
            case ACTION_REQUIRED -> ACTION_REQUIRED;
            case DECLINED -> DECLINED;
            case UNKNOWN -> UNKNOWN;
        };
    }
}

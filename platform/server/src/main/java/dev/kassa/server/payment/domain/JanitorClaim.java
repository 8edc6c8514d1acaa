package dev.kassa.server.payment.domain;

/** A row the janitor claimed, to ask a gateway about: its tenant and id. */
public record JanitorClaim(String tenantId, String id) {
    /** What the janitor looks after. */
    public enum Kind { ATTEMPT, SAVED_METHOD, REFUND }
}

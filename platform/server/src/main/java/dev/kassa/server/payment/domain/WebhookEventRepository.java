package dev.kassa.server.payment.domain;

import java.time.Instant;

/** Gateway events received, one per tenant, plugin and event id. Every method joins the caller's transaction. */
public interface WebhookEventRepository {
    /**
     * Records the event unless it was recorded before; a concurrent caller with the same event
     * waits until the first commits, then records nothing.
     *
     * @return whether this call recorded it
     */
    boolean addIfNew(String tenantId, String pluginId, String eventId, String type, Instant receivedAt);

    /** What applying the event came to, and the attempt, saved method or refund it was about (or null). */
    void recordOutcome(String tenantId, String pluginId, String eventId, String outcome, String subject);
}

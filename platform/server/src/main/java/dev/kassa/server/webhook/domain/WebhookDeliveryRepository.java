package dev.kassa.server.webhook.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The webhook outbox and its attempts. Every method joins the caller's transaction. The worker
 * works across tenants, so {@link #lockNextDue} takes none; each row still carries its tenant.
 */
public interface WebhookDeliveryRepository {
    void add(WebhookDelivery delivery);

    /**
     * New deliveries, just made and never tried, all written now: either all of them or, when the
     * write fails, none (the caller's transaction is then to be rolled back). One statement where the
     * database allows it, instead of a row each at the commit.
     */
    default void addAll(List<WebhookDelivery> deliveries) {
        deliveries.forEach(this::add);
    }

    void add(DeliveryAttempt attempt);

    /**
     * The PENDING delivery due longest ago ({@code nextAttemptAt <= now}), locked until the
     * transaction ends, skipping any another node holds locked; empty when none is due.
     */
    Optional<WebhookDelivery> lockNextDue(Instant now);

    /** The delivery, locked until the transaction ends. */
    Optional<WebhookDelivery> lock(String tenantId, String id);

    /** One endpoint's deliveries, newest first, {@code limit + 1} after the cursor. */
    List<WebhookDelivery> page(String tenantId, String endpointId, String after, int limit);

    /** The attempts of these deliveries, oldest first. */
    List<DeliveryAttempt> attempts(String tenantId, Collection<String> deliveryIds);
}

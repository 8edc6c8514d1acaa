package dev.kassa.server.webhook.domain;

import java.util.List;
import java.util.Optional;

/** A tenant's webhook endpoints. Every method joins the caller's transaction and is scoped by the tenant. */
public interface WebhookEndpointRepository {
    void add(WebhookEndpoint endpoint);

    /** The endpoint, deleted or not. */
    Optional<WebhookEndpoint> find(String tenantId, String id);

    /** The tenant's endpoints that are not deleted, newest first, {@code limit + 1} after the cursor. */
    List<WebhookEndpoint> page(String tenantId, String after, int limit);

    /** Every endpoint of the tenant that is not deleted: what an event is fanned out to. */
    List<WebhookEndpoint> live(String tenantId);

    /** How many endpoints the tenant has that are not deleted. */
    long countLive(String tenantId);
}

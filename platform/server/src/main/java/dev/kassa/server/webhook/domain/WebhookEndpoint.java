package dev.kassa.server.webhook.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * A URL of the tenant's systems that receives the events it subscribed to, signed with a secret of
 * its own. The secret is kept encrypted ({@code sealedSecret}) because every delivery is signed
 * with it; the tenant sees it once, when the endpoint is made. A deleted endpoint is kept for its
 * deliveries' sake but receives nothing more.
 */
@Entity
@Table(name = "webhook_endpoints")
public class WebhookEndpoint {
    @Id
    private String id;
    @Column(name = "tenant_id")
    private String tenantId;
    private String url;
    /** The subscribed events, comma-separated. */
    private String events;
    @Column(name = "sealed_secret")
    private String sealedSecret;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "deleted_at")
    private Instant deletedAt;

    protected WebhookEndpoint() {
    }

    /**
     * @param events as {@link EventTypes#subscription} returns them
     * @param sealedSecret the signing secret, encrypted for this row
     */
    public WebhookEndpoint(String id, String tenantId, String url, List<String> events, String sealedSecret,
                           Instant now) {
        if (events.isEmpty()) {
            throw new IllegalArgumentException("an endpoint subscribes to at least one event");
        }
        this.id = id;
        this.tenantId = tenantId;
        this.url = url;
        this.events = String.join(",", events);
        this.sealedSecret = sealedSecret;
        this.createdAt = now;
    }

    /** Whether an event of this type goes to this endpoint. */
    public boolean subscribes(String type) {
        return !isDeleted() && (events().contains(EventTypes.ALL) || events().contains(type));
    }

    public void delete(Instant now) {
        if (deletedAt == null) {
            deletedAt = now;
        }
    }

    public boolean isDeleted() {
        return deletedAt != null;
    }

    public String id() {
        return id;
    }

    public String tenantId() {
        return tenantId;
    }

    public String url() {
        return url;
    }

    public List<String> events() {
        return Arrays.asList(events.split(","));
    }

    public String sealedSecret() {
        return sealedSecret;
    }

    public Instant createdAt() {
        return createdAt;
    }
}

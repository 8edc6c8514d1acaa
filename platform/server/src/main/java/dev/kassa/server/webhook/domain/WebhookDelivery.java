package dev.kassa.server.webhook.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/**
 * One event on its way to one endpoint: the outbox row, written in the transaction of the event,
 * then sent by the webhook worker. The body is fixed when the event happens, so every try sends
 * the same bytes under the same {@code webhook-id} (the event's id); only the timestamp and so the
 * signature change. PENDING until the endpoint answers 2xx (DELIVERED) or the retry window closes
 * (FAILED). A node claims it before each try; only the node holding the claim records the outcome.
 */
@Entity
@Table(name = "webhook_deliveries")
public class WebhookDelivery {
    @Id
    private String id;
    @Column(name = "tenant_id")
    private String tenantId;
    @Column(name = "endpoint_id")
    private String endpointId;
    @Column(name = "event_id")
    private String eventId;
    @Column(name = "event_type")
    private String eventType;
    private String payload;
    @Enumerated(EnumType.STRING)
    private DeliveryStatus status;
    private int tries;
    @Column(name = "next_attempt_at")
    private Instant nextAttemptAt;
    private String claim;
    @Column(name = "last_status_code")
    private Integer lastStatusCode;
    @Column(name = "last_error")
    private String lastError;
    @Column(name = "window_start")
    private Instant windowStart;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Column(name = "delivered_at")
    private Instant deliveredAt;

    protected WebhookDelivery() {
    }

    /** A delivery to try as soon as a worker gets to it. */
    public WebhookDelivery(String id, String tenantId, String endpointId, String eventId, String eventType,
                           String payload, Instant now) {
        this.id = id;
        this.tenantId = tenantId;
        this.endpointId = endpointId;
        this.eventId = eventId;
        this.eventType = eventType;
        this.payload = payload;
        this.status = DeliveryStatus.PENDING;
        this.nextAttemptAt = now;
        this.windowStart = now;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /**
     * This node takes the delivery for one try: other nodes leave it alone until {@code leaseEnd}.
     * Counts the try now, so a delivery whose sending kills the process still runs out of tries.
     */
    public void claim(String claimToken, Instant leaseEnd, Instant now) {
        requirePending();
        claim = claimToken;
        nextAttemptAt = leaseEnd;
        tries++;
        updatedAt = now;
    }

    /** Whether the node that showed {@code claimToken} still holds this delivery. */
    public boolean heldBy(String claimToken) {
        return status == DeliveryStatus.PENDING && claimToken != null && claimToken.equals(claim);
    }

    /** The endpoint answered 2xx. */
    public void delivered(int statusCode, Instant now) {
        requirePending();
        status = DeliveryStatus.DELIVERED;
        lastStatusCode = statusCode;
        lastError = null;
        deliveredAt = now;
        finish(now);
    }

    /** The try failed: try again at {@code next}, or, when empty, give up. */
    public void failedTry(Integer statusCode, String error, Optional<Instant> next, Instant now) {
        requirePending();
        lastStatusCode = statusCode;
        lastError = DeliveryAttempt.truncate(error);
        if (next.isPresent()) {
            nextAttemptAt = next.get();
            claim = null;
            updatedAt = now;
        } else {
            status = DeliveryStatus.FAILED;
            finish(now);
        }
    }

    /** Gives up without a try: the endpoint was deleted. */
    public void abandon(String reason, Instant now) {
        requirePending();
        status = DeliveryStatus.FAILED;
        lastError = reason;
        finish(now);
    }

    /** Whether a node is trying it right now (its claim's lease has not run out). */
    public boolean inFlight(Instant now) {
        return status == DeliveryStatus.PENDING && claim != null && nextAttemptAt != null && nextAttemptAt.isAfter(now);
    }

    /**
     * The tenant asks for it again: due now, with a fresh retry window, whatever became of it. The
     * same event id and body, so a receiver that already has it can tell.
     */
    public void redeliver(Instant now) {
        if (inFlight(now)) {
            throw new IllegalStateException(id + " is being tried right now");
        }
        status = DeliveryStatus.PENDING;
        claim = null;
        nextAttemptAt = now;
        windowStart = now;
        deliveredAt = null;
        updatedAt = now;
    }

    private void finish(Instant now) {
        nextAttemptAt = null;
        claim = null;
        updatedAt = now;
    }

    private void requirePending() {
        if (status != DeliveryStatus.PENDING) {
            throw new IllegalStateException(id + " is already " + status);
        }
    }

    public String id() {
        return id;
    }

    public String tenantId() {
        return tenantId;
    }

    public String endpointId() {
        return endpointId;
    }

    public String eventId() {
        return eventId;
    }

    public String eventType() {
        return eventType;
    }

    public String payload() {
        return payload;
    }

    public DeliveryStatus status() {
        return status;
    }

    public int tries() {
        return tries;
    }

    public Instant nextAttemptAt() {
        return nextAttemptAt;
    }

    public String claimToken() {
        return claim;
    }

    public Integer lastStatusCode() {
        return lastStatusCode;
    }

    public String lastError() {
        return lastError;
    }

    public Instant windowStart() {
        return windowStart;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant deliveredAt() {
        return deliveredAt;
    }
}

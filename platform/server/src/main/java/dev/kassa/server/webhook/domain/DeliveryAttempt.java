package dev.kassa.server.webhook.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One try of a delivery, as the tenant sees it in the deliveries list: what the endpoint answered, or why not. */
@Entity
@Table(name = "webhook_attempts")
public class DeliveryAttempt {
    static final int MAX_ERROR = 1000;

    @Id
    private String id;
    @Column(name = "tenant_id")
    private String tenantId;
    @Column(name = "delivery_id")
    private String deliveryId;
    @Column(name = "attempted_at")
    private Instant attemptedAt;
    /** The HTTP status the endpoint answered; null when no answer came. */
    @Column(name = "status_code")
    private Integer statusCode;
    private String error;
    @Column(name = "duration_millis")
    private long durationMillis;

    protected DeliveryAttempt() {
    }

    public DeliveryAttempt(String id, String tenantId, String deliveryId, Instant attemptedAt, Integer statusCode,
                           String error, long durationMillis) {
        this.id = id;
        this.tenantId = tenantId;
        this.deliveryId = deliveryId;
        this.attemptedAt = attemptedAt;
        this.statusCode = statusCode;
        this.error = truncate(error);
        this.durationMillis = Math.max(0, durationMillis);
    }

    static String truncate(String text) {
        if (text == null) {
            return null;
        }
        String t = text.strip();
        return t.length() <= MAX_ERROR ? t : t.substring(0, MAX_ERROR - 1) + "…";
    }

    public String id() {
        return id;
    }

    public String deliveryId() {
        return deliveryId;
    }

    public Instant attemptedAt() {
        return attemptedAt;
    }

    public Integer statusCode() {
        return statusCode;
    }

    public String error() {
        return error;
    }

    public long durationMillis() {
        return durationMillis;
    }
}

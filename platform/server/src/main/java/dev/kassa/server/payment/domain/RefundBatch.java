package dev.kassa.server.payment.domain;

import dev.kassa.server.shared.Money;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * Refunds by bank transfer gathered into one pain.001 file for the tenant to upload to its bank.
 * Its id is the file's message id, so a bank that refuses a message id it has seen refuses a
 * second upload of the same batch. The refunds stay PENDING until reported sent, one by one or
 * all at once ({@link #markSent}).
 */
@Entity
@Table(name = "refund_batches")
public class RefundBatch {
    @Id
    private String id;
    @Column(name = "tenant_id")
    private String tenantId;
    @Column(name = "refund_count")
    private int refundCount;
    @Embedded
    @AttributeOverride(name = "minor", column = @Column(name = "amount_minor"))
    @AttributeOverride(name = "currency", column = @Column(name = "currency"))
    private Money total;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "sent_at")
    private Instant sentAt;

    protected RefundBatch() {
    }

    public RefundBatch(String id, String tenantId, int refundCount, Money total, Instant createdAt) {
        if (refundCount < 1) {
            throw new IllegalArgumentException("A batch holds at least one refund");
        }
        this.id = id;
        this.tenantId = tenantId;
        this.refundCount = refundCount;
        this.total = total;
        this.createdAt = createdAt;
    }

    public void markSent(Instant now) {
        this.sentAt = now;
    }

    public String id() {
        return id;
    }

    public String tenantId() {
        return tenantId;
    }

    public int refundCount() {
        return refundCount;
    }

    public Money total() {
        return total;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant sentAt() {
        return sentAt;
    }
}

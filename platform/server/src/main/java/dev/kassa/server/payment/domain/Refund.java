package dev.kassa.server.payment.domain;

import dev.kassa.server.ledger.domain.SystemAccount;
import dev.kassa.server.shared.Money;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * Unused funds given back through the method a top-up was paid with. The balance is debited when
 * the refund is asked for; a refund that fails gives it back.
 */
@Entity
@Table(name = "refunds")
public class Refund {
    public enum Status { PENDING, SUCCEEDED, FAILED }

    @Id
    private String id;
    @Column(name = "tenant_id")
    private String tenantId;
    @Column(name = "top_up_id")
    private String topUpId;
    @Column(name = "account_id")
    private String accountId;
    @Column(name = "attempt_id")
    private String attemptId;
    private String method;
    @Embedded
    @AttributeOverride(name = "minor", column = @Column(name = "amount_minor"))
    @AttributeOverride(name = "currency", column = @Column(name = "currency"))
    private Money amount;
    @Enumerated(EnumType.STRING)
    private Status status;
    /** Where the money leaves from: the system account the top-up's money came in through. */
    @Enumerated(EnumType.STRING)
    private SystemAccount clearing;
    @Column(name = "gateway_reference")
    private String gatewayReference;
    @Column(name = "reason_code")
    private String reasonCode;
    private String reason;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Column(name = "completed_at")
    private Instant completedAt;
    @Column(name = "next_check_at")
    private Instant nextCheckAt;
    @Column(name = "check_count")
    private int checkCount;

    protected Refund() {
    }

    public Refund(String id, String tenantId, String topUpId, String accountId, String attemptId, String method,
                  Money amount, SystemAccount clearing, Instant now) {
        this.id = id;
        this.tenantId = tenantId;
        this.topUpId = topUpId;
        this.accountId = accountId;
        this.attemptId = attemptId;
        this.method = method;
        this.amount = amount;
        this.status = Status.PENDING;
        this.clearing = clearing;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public void learnReference(String gatewayReference, Instant now) {
        if (gatewayReference != null && !gatewayReference.equals(this.gatewayReference)) {
            this.gatewayReference = gatewayReference;
            this.updatedAt = now;
        }
    }

    public void succeed(Instant now) {
        this.status = Status.SUCCEEDED;
        this.completedAt = now;
        this.updatedAt = now;
        this.nextCheckAt = null;
    }

    public void fail(String reasonCode, String reason, Instant now) {
        this.status = Status.FAILED;
        this.reasonCode = reasonCode;
        this.reason = reason;
        this.completedAt = now;
        this.updatedAt = now;
        this.nextCheckAt = null;
    }

    public void scheduleCheck(Instant at) {
        this.nextCheckAt = at;
    }

    public String id() {
        return id;
    }

    public String tenantId() {
        return tenantId;
    }

    public String topUpId() {
        return topUpId;
    }

    public String accountId() {
        return accountId;
    }

    public String attemptId() {
        return attemptId;
    }

    public String method() {
        return method;
    }

    public Money amount() {
        return amount;
    }

    public Status status() {
        return status;
    }

    public SystemAccount clearing() {
        return clearing;
    }

    public String gatewayReference() {
        return gatewayReference;
    }

    public String reasonCode() {
        return reasonCode;
    }

    public String reason() {
        return reason;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant completedAt() {
        return completedAt;
    }

    /** How often the janitor asked about it (counted when it claims the row); the back-off grows with it. */
    public int checkCount() {
        return checkCount;
    }
}

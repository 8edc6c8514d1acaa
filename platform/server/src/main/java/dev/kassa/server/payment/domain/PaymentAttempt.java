package dev.kassa.server.payment.domain;

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
 * One call (and its later news) to a payment method for a top-up. Recorded before the gateway is
 * called; its id is the idempotency key the gateway gets. It keeps the gateway's reference, the
 * amount the gateway says it received, and (in {@code payment_attempt_events}) its history.
 */
@Entity
@Table(name = "payment_attempts")
public class PaymentAttempt {
    @Id
    private String id;
    @Column(name = "tenant_id")
    private String tenantId;
    @Column(name = "top_up_id")
    private String topUpId;
    @Column(name = "account_id")
    private String accountId;
    private String method;
    @Column(name = "saved_method_id")
    private String savedMethodId;
    @Column(name = "off_session")
    private boolean offSession;
    @Enumerated(EnumType.STRING)
    private AttemptStatus status;
    @Embedded
    @AttributeOverride(name = "minor", column = @Column(name = "amount_minor"))
    @AttributeOverride(name = "currency", column = @Column(name = "currency"))
    private Money amount;
    @Column(name = "gateway_reference")
    private String gatewayReference;
    /** What the gateway says it received; null until it said. */
    @Embedded
    @AttributeOverride(name = "minor", column = @Column(name = "received_minor"))
    @AttributeOverride(name = "currency", column = @Column(name = "received_currency"))
    private Money received;
    @Column(name = "next_action")
    private String nextAction;
    @Column(name = "reason_code")
    private String reasonCode;
    private String reason;
    private String flag;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Column(name = "next_check_at")
    private Instant nextCheckAt;
    @Column(name = "check_count")
    private int checkCount;
    /** The gateway's id of the reversal that took this payment back (a chargeback); null while none did. */
    @Column(name = "reversal_reference")
    private String reversalReference;
    @Embedded
    @AttributeOverride(name = "minor", column = @Column(name = "reversed_minor"))
    @AttributeOverride(name = "currency", column = @Column(name = "reversed_currency"))
    private Money reversed;
    @Column(name = "reversed_at")
    private Instant reversedAt;

    protected PaymentAttempt() {
    }

    public PaymentAttempt(String id, String tenantId, String topUpId, String accountId, String method, Money amount,
                          String savedMethodId, boolean offSession, Instant now) {
        this.id = id;
        this.tenantId = tenantId;
        this.topUpId = topUpId;
        this.accountId = accountId;
        this.method = method;
        this.amount = amount;
        this.savedMethodId = savedMethodId;
        this.offSession = offSession;
        this.status = AttemptStatus.UNKNOWN;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Whether news with {@code next} may replace the current status: never backwards. */
    public boolean accepts(AttemptStatus next) {
        AttemptStatus current = status;
        if (current == AttemptStatus.SUCCEEDED || current == AttemptStatus.MISMATCH) {
            return false;
        }
        return next.rank() > current.rank() || (next.rank() == current.rank() && next.rank() == 1);
    }

    public void moveTo(AttemptStatus next, String gatewayReference, String nextActionJson, String reasonCode,
                       String reason, Instant now) {
        this.status = next;
        if (gatewayReference != null) {
            this.gatewayReference = gatewayReference;
        }
        this.nextAction = next == AttemptStatus.ACTION_REQUIRED || next == AttemptStatus.PENDING ? nextActionJson : null;
        this.reasonCode = reasonCode;
        this.reason = reason;
        this.updatedAt = now;
    }

    /** Learns the gateway's reference without changing the status (an UNKNOWN that got one). */
    public void learnReference(String gatewayReference, Instant now) {
        if (this.gatewayReference == null && gatewayReference != null) {
            this.gatewayReference = gatewayReference;
            this.updatedAt = now;
        }
    }

    public void received(Money money) {
        this.received = money;
    }

    public void flag(String why, Instant now) {
        this.status = AttemptStatus.MISMATCH;
        this.flag = why;
        this.updatedAt = now;
    }

    /** When the janitor should ask next; null: never. */
    /** The gateway took this succeeded payment back: once, the first reversal reported stays. */
    public void reverse(String reference, Money amount, Instant now) {
        if (status != AttemptStatus.SUCCEEDED || reversalReference != null) {
            throw new IllegalStateException("attempt " + id + " cannot be reversed: " + status);
        }
        this.reversalReference = reference;
        this.reversed = amount;
        this.reversedAt = now;
        this.updatedAt = now;
    }

    public boolean isReversed() {
        return reversalReference != null;
    }

    public String reversalReference() {
        return reversalReference;
    }

    public Money reversedAmount() {
        return reversed;
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

    public String method() {
        return method;
    }

    public String savedMethodId() {
        return savedMethodId;
    }

    public boolean offSession() {
        return offSession;
    }

    public AttemptStatus status() {
        return status;
    }

    public Money amount() {
        return amount;
    }

    public String gatewayReference() {
        return gatewayReference;
    }

    public Money receivedAmount() {
        return received;
    }

    public String nextAction() {
        return nextAction;
    }

    public String reasonCode() {
        return reasonCode;
    }

    public String reason() {
        return reason;
    }

    public String flag() {
        return flag;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    /** How often the janitor asked about it (counted when it claims the row); the back-off grows with it. */
    public int checkCount() {
        return checkCount;
    }

}

package dev.kassa.server.topup.domain;

import dev.kassa.server.shared.CurrencyRegistry;
import dev.kassa.server.shared.KassaException;
import dev.kassa.server.shared.Money;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A customer's intention to add money to a balance with one payment method. It is NEW until money
 * arrives (PAID) or it is given up (CANCELLED). Money that arrives is never refused: a payment for
 * a cancelled top-up still marks it paid and credits the account.
 */
@Entity
@Table(name = "top_ups")
public class TopUp {
    @Id
    private String id;
    @Column(name = "tenant_id")
    private String tenantId;
    @Column(name = "account_id")
    private String accountId;
    @Column(name = "payer_id")
    private String payerId;
    private String method;
    @Column(name = "amount_minor")
    private long amountMinor;
    private String currency;
    private String status;
    private String reference;
    @Column(name = "credited_minor")
    private long creditedMinor;
    private String instructions;
    @Column(name = "cancel_reason")
    private String cancelReason;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "paid_at")
    private Instant paidAt;
    @Column(name = "cancelled_at")
    private Instant cancelledAt;

    protected TopUp() {
    }

    public TopUp(String id, String tenantId, String accountId, String payerId, String method, Money amount,
                 String reference, String instructions, Instant createdAt) {
        this.id = id;
        this.tenantId = tenantId;
        this.accountId = accountId;
        this.payerId = payerId;
        this.method = method;
        this.amountMinor = amount.minor();
        this.currency = amount.currency().code();
        this.status = TopUpStatus.NEW.name();
        this.reference = reference;
        this.instructions = instructions;
        this.createdAt = createdAt;
    }

    /** Money arrived for this top-up: it is paid, whatever it was before. */
    public void recordPayment(Money received, Instant now) {
        creditedMinor = Math.addExact(creditedMinor, received.minor());
        if (status() != TopUpStatus.PAID) {
            status = TopUpStatus.PAID.name();
            paidAt = now;
        }
    }

    public void cancel(String reason, Instant now) {
        if (status() != TopUpStatus.NEW) {
            throw KassaException.conflict("topup.not_cancellable", "Top-up not cancellable",
                    "Only a NEW top-up can be cancelled; this one is " + status + ".");
        }
        status = TopUpStatus.CANCELLED.name();
        cancelReason = reason;
        cancelledAt = now;
    }

    public String id() {
        return id;
    }

    public String accountId() {
        return accountId;
    }

    public String payerId() {
        return payerId;
    }

    public String method() {
        return method;
    }

    public Money amount() {
        return new Money(amountMinor, CurrencyRegistry.iso4217().require(currency));
    }

    public Money credited() {
        return new Money(creditedMinor, CurrencyRegistry.iso4217().require(currency));
    }

    public TopUpStatus status() {
        return TopUpStatus.valueOf(status);
    }

    public String reference() {
        return reference;
    }

    public String instructions() {
        return instructions;
    }

    public String cancelReason() {
        return cancelReason;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant paidAt() {
        return paidAt;
    }

    public Instant cancelledAt() {
        return cancelledAt;
    }
}

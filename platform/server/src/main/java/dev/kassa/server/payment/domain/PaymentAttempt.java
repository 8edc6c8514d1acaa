package dev.kassa.server.payment.domain;

import dev.kassa.server.shared.CurrencyRegistry;
import dev.kassa.server.shared.Money;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
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
    private String status;
    @Column(name = "amount_minor")
    private long amountMinor;
    private String currency;
    @Column(name = "gateway_reference")
    private String gatewayReference;
    @Column(name = "received_minor")
    private Long receivedMinor;
    @Column(name = "received_currency")
    private String receivedCurrency;
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

    protected PaymentAttempt() {
    }

    public PaymentAttempt(String id, String tenantId, String topUpId, String accountId, String method, Money amount,
                          String savedMethodId, boolean offSession, Instant now) {
        this.id = id;
        this.tenantId = tenantId;
        this.topUpId = topUpId;
        this.accountId = accountId;
        this.method = method;
        this.amountMinor = amount.minor();
        this.currency = amount.currency().code();
        this.savedMethodId = savedMethodId;
        this.offSession = offSession;
        this.status = AttemptStatus.UNKNOWN.name();
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Whether news with {@code next} may replace the current status: never backwards. */
    public boolean accepts(AttemptStatus next) {
        AttemptStatus current = status();
        if (current == AttemptStatus.SUCCEEDED || current == AttemptStatus.MISMATCH) {
            return false;
        }
        return next.rank() > current.rank() || (next.rank() == current.rank() && next.rank() == 1);
    }

    public void moveTo(AttemptStatus next, String gatewayReference, String nextActionJson, String reasonCode,
                       String reason, Instant now) {
        this.status = next.name();
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
        this.receivedMinor = money.minor();
        this.receivedCurrency = money.currency().code();
    }

    public void flag(String why, Instant now) {
        this.status = AttemptStatus.MISMATCH.name();
        this.flag = why;
        this.updatedAt = now;
    }

    /** When the janitor should ask next; null: never. */
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
        return AttemptStatus.valueOf(status);
    }

    public Money amount() {
        return new Money(amountMinor, CurrencyRegistry.iso4217().require(currency));
    }

    public String gatewayReference() {
        return gatewayReference;
    }

    public Money receivedAmount() {
        return receivedMinor == null ? null : new Money(receivedMinor, CurrencyRegistry.iso4217().require(receivedCurrency));
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

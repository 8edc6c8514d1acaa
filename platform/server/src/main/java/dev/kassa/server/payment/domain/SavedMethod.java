package dev.kassa.server.payment.domain;

import dev.kassa.api.payment.SavedMethodDetails;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A payer's card (or mandate) kept at the gateway for later payments. PENDING until the gateway
 * confirms it (webhook or janitor), then CONFIRMED with what the customer may see of it; FAILED
 * when the set-up failed; REMOVED when the customer deleted it. We keep only the gateway's token.
 */
@Entity
@Table(name = "saved_methods")
public class SavedMethod {
    public enum Status { PENDING, CONFIRMED, FAILED, REMOVED }

    @Id
    private String id;
    @Column(name = "tenant_id")
    private String tenantId;
    @Column(name = "account_id")
    private String accountId;
    @Column(name = "payer_id")
    private String payerId;
    private String method;
    @Enumerated(EnumType.STRING)
    private Status status;
    @Column(name = "gateway_reference")
    private String gatewayReference;
    private String token;
    private String brand;
    private String last4;
    /** The card issuer's or bank account's country, as the gateway reported it; null if it did not. */
    private String country;
    @Column(name = "exp_month")
    private Integer expMonth;
    @Column(name = "exp_year")
    private Integer expYear;
    @Column(name = "is_default")
    private boolean isDefault;
    @Column(name = "next_action")
    private String nextAction;
    @Column(name = "reason_code")
    private String reasonCode;
    private String reason;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Column(name = "next_check_at")
    private Instant nextCheckAt;
    @Column(name = "check_count")
    private int checkCount;

    protected SavedMethod() {
    }

    public SavedMethod(String id, String tenantId, String accountId, String payerId, String method, Instant now) {
        this.id = id;
        this.tenantId = tenantId;
        this.accountId = accountId;
        this.payerId = payerId;
        this.method = method;
        this.status = Status.PENDING;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public void pending(String gatewayReference, String nextActionJson, Instant now) {
        if (gatewayReference != null) {
            this.gatewayReference = gatewayReference;
        }
        this.nextAction = nextActionJson;
        this.updatedAt = now;
    }

    /** Confirmed by the gateway; a confirmed method stays confirmed whatever arrives later. */
    public void confirm(String gatewayReference, SavedMethodDetails details, Instant now) {
        if (gatewayReference != null) {
            this.gatewayReference = gatewayReference;
        }
        this.status = Status.CONFIRMED;
        this.token = details.token();
        this.brand = details.brand();
        this.last4 = details.last4();
        this.country = details.country();
        this.expMonth = details.expMonth() == 0 ? null : details.expMonth();
        this.expYear = details.expYear() == 0 ? null : details.expYear();
        this.nextAction = null;
        this.nextCheckAt = null;
        this.updatedAt = now;
    }

    public void fail(String reasonCode, String reason, Instant now) {
        this.status = Status.FAILED;
        this.reasonCode = reasonCode;
        this.reason = reason;
        this.nextAction = null;
        this.nextCheckAt = null;
        this.updatedAt = now;
    }

    public void remove(Instant now) {
        this.status = Status.REMOVED;
        this.isDefault = false;
        this.nextCheckAt = null;
        this.updatedAt = now;
    }

    public void setDefault(boolean isDefault, Instant now) {
        this.isDefault = isDefault;
        this.updatedAt = now;
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

    public String accountId() {
        return accountId;
    }

    public String payerId() {
        return payerId;
    }

    public String method() {
        return method;
    }

    public Status status() {
        return status;
    }

    public String gatewayReference() {
        return gatewayReference;
    }

    public String token() {
        return token;
    }

    public String brand() {
        return brand;
    }

    public String last4() {
        return last4;
    }

    /** The card issuer's or bank account's country, when the gateway reported it. */
    public String country() {
        return country;
    }

    /** "MM/YYYY", or null for a method that does not expire. */
    public String expiry() {
        return expMonth == null || expYear == null ? null : String.format("%02d/%04d", expMonth, expYear);
    }

    public boolean isDefault() {
        return isDefault;
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

    public Instant createdAt() {
        return createdAt;
    }

    /** How often the janitor asked about it (counted when it claims the row); the back-off grows with it. */
    public int checkCount() {
        return checkCount;
    }
}

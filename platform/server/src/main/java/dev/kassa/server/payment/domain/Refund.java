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
    /** Where a refund sent by hand goes: from the request, or the payer's account on the bank statement. */
    @Column(name = "payee_iban")
    private String payeeIban;
    @Column(name = "payee_bic")
    private String payeeBic;
    @Column(name = "payee_name")
    private String payeeName;
    /** {@code REQUEST}, {@code STATEMENT}, or {@code NONE} for a refund sent by hand to an account not known; null for a gateway's refund. */
    @Column(name = "payee_source")
    private String payeeSource;
    @Column(name = "batch_id")
    private String batchId;

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

    /**
     * Marks a refund that the tenant sends by hand, with the account it goes to ({@code iban} null:
     * not known, so no credit-transfer file can be made for it).
     */
    public void sendByHandTo(String iban, String bic, String name, String source) {
        this.payeeIban = iban;
        this.payeeBic = iban == null ? null : bic;
        this.payeeName = iban == null ? null : name;
        this.payeeSource = iban == null ? "NONE" : source;
    }

    /**
     * Why no pain.001 file can be made for this refund now, as a problem code and a sentence;
     * empty when one can. Only for refunds sent by hand.
     */
    public java.util.Optional<String[]> transferFileBlocker() {
        if (payeeSource == null) {
            return java.util.Optional.of(new String[] {"refund.not_manual",
                "Refunds by " + method + " are sent by the gateway, not by a transfer file."});
        }
        if (status != Status.PENDING) {
            return java.util.Optional.of(new String[] {"refund.not_pending",
                "Only a PENDING refund is sent; this one is " + status + "."});
        }
        if (batchId != null) {
            return java.util.Optional.of(new String[] {"refund.in_batch",
                "The refund is in the batch " + batchId + ": download that batch's file instead, so it is not sent twice."});
        }
        if (payeeIban == null) {
            return java.util.Optional.of(new String[] {"refund.payee_account_unknown",
                "No bank statement named the account the top-up was paid from, and the refund request named none:"
                    + " send it by hand and report it sent, or refund again with a bankAccount."});
        }
        if (!amount.currency().code().equals("EUR")) {
            return java.util.Optional.of(new String[] {"refund.currency_not_sepa",
                "A SEPA credit transfer carries euros only; this refund is in " + amount.currency().code()
                    + ": send it by hand and report it sent."});
        }
        return java.util.Optional.empty();
    }

    /** Whether a batch may take it: everything a file of its own needs, and in no batch yet. */
    public boolean batchable() {
        return transferFileBlocker().isEmpty();
    }

    public void joinBatch(String batchId, Instant now) {
        this.batchId = batchId;
        this.updatedAt = now;
    }

    public String payeeIban() {
        return payeeIban;
    }

    public String payeeBic() {
        return payeeBic;
    }

    public String payeeName() {
        return payeeName;
    }

    public String payeeSource() {
        return payeeSource;
    }

    public String batchId() {
        return batchId;
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

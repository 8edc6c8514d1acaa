package dev.kassa.server.banktransfer.domain;

import dev.kassa.server.shared.KassaException;
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
 * Money a tenant reports as arrived at its bank, recorded once per bank transaction id. It is
 * MATCHED to an account (through a top-up's or the account's reference) or UNMATCHED until the
 * tenant assigns it; either way it is in the ledger from the moment it is reported. A transfer the
 * bank took back (a reversal on a statement) is REVERSED, its money taken back out.
 */
@Entity
@Table(name = "bank_transfers")
public class BankTransfer {
    public enum Status { MATCHED, UNMATCHED, REVERSED }

    @Id
    private String id;
    @Column(name = "tenant_id")
    private String tenantId;
    @Column(name = "bank_transaction_id")
    private String bankTransactionId;
    private String reference;
    @Embedded
    @AttributeOverride(name = "minor", column = @Column(name = "amount_minor"))
    @AttributeOverride(name = "currency", column = @Column(name = "currency"))
    private Money amount;
    @Column(name = "payer_name")
    private String payerName;
    @Column(name = "received_at")
    private Instant receivedAt;
    @Enumerated(EnumType.STRING)
    private Status status;
    @Column(name = "account_id")
    private String accountId;
    @Column(name = "top_up_id")
    private String topUpId;
    /** What reached the account, in its currency; null while unmatched. */
    @Embedded
    @AttributeOverride(name = "minor", column = @Column(name = "credited_minor"))
    @AttributeOverride(name = "currency", column = @Column(name = "credited_currency"))
    private Money credited;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "assigned_at")
    private Instant assignedAt;

    protected BankTransfer() {
    }

    /**
     * A transfer as reported, matched to {@code accountId} (and {@code topUpId}) or unmatched when
     * that is null; {@code credited} is null for an unmatched transfer.
     */
    public static BankTransfer recorded(String id, String tenantId, String bankTransactionId, String reference,
                                        Money amount, String payerName, Instant receivedAt, String accountId,
                                        String topUpId, Money credited, Instant createdAt) {
        BankTransfer t = new BankTransfer();
        t.id = id;
        t.tenantId = tenantId;
        t.bankTransactionId = bankTransactionId;
        t.reference = reference;
        t.amount = amount;
        t.payerName = payerName;
        t.receivedAt = receivedAt;
        t.status = accountId == null ? Status.UNMATCHED : Status.MATCHED;
        t.accountId = accountId;
        t.topUpId = topUpId;
        t.credited = credited;
        t.createdAt = createdAt;
        return t;
    }

    /** Credits the unmatched money to an account; {@code credited} is in the account's currency. */
    public void assign(String accountId, Money credited, Instant now) {
        if (status == Status.REVERSED) {
            throw KassaException.conflict("bank_transfer.reversed", "Reversed",
                    "The bank took this transfer back; there is nothing to assign.");
        }
        if (status != Status.UNMATCHED) {
            throw KassaException.conflict("bank_transfer.already_matched", "Already matched",
                    "This bank transfer was already credited to an account.");
        }
        this.status = Status.MATCHED;
        this.accountId = accountId;
        this.credited = credited;
        this.assignedAt = now;
    }

    /** The bank took the money back; the caller has moved it out of the ledger. */
    public void reverse() {
        this.status = Status.REVERSED;
    }

    public String id() {
        return id;
    }

    public String tenantId() {
        return tenantId;
    }

    public String bankTransactionId() {
        return bankTransactionId;
    }

    public String reference() {
        return reference;
    }

    public Money amount() {
        return amount;
    }

    public String payerName() {
        return payerName;
    }

    public Instant receivedAt() {
        return receivedAt;
    }

    public Status status() {
        return status;
    }

    public String accountId() {
        return accountId;
    }

    public String topUpId() {
        return topUpId;
    }

    public Money credited() {
        return credited;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant assignedAt() {
        return assignedAt;
    }
}

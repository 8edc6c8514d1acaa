package dev.kassa.server.banktransfer.domain;

import dev.kassa.server.shared.CurrencyRegistry;
import dev.kassa.server.shared.KassaException;
import dev.kassa.server.shared.Money;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * Money a tenant reports as arrived at its bank, recorded once per bank transaction id. It is
 * MATCHED to an account (through a top-up's or the account's reference) or UNMATCHED until the
 * tenant assigns it; either way it is in the ledger from the moment it is reported.
 */
@Entity
@Table(name = "bank_transfers")
public class BankTransfer {
    public enum Status { MATCHED, UNMATCHED }

    @Id
    private String id;
    @Column(name = "tenant_id")
    private String tenantId;
    @Column(name = "bank_transaction_id")
    private String bankTransactionId;
    private String reference;
    @Column(name = "amount_minor")
    private long amountMinor;
    private String currency;
    @Column(name = "payer_name")
    private String payerName;
    @Column(name = "received_at")
    private Instant receivedAt;
    private String status;
    @Column(name = "account_id")
    private String accountId;
    @Column(name = "top_up_id")
    private String topUpId;
    @Column(name = "credited_minor")
    private Long creditedMinor;
    @Column(name = "credited_currency")
    private String creditedCurrency;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "assigned_at")
    private Instant assignedAt;

    protected BankTransfer() {
    }

    /**
     * The transfer as the service has just inserted it (the insert is plain SQL so that a duplicate
     * bank transaction id loses quietly); {@code credited} is null for an unmatched transfer.
     */
    public static BankTransfer recorded(String id, String tenantId, String bankTransactionId, String reference,
                                        Money amount, String payerName, Instant receivedAt, String accountId,
                                        String topUpId, Money credited, Instant createdAt) {
        BankTransfer t = new BankTransfer();
        t.id = id;
        t.tenantId = tenantId;
        t.bankTransactionId = bankTransactionId;
        t.reference = reference;
        t.amountMinor = amount.minor();
        t.currency = amount.currency().code();
        t.payerName = payerName;
        t.receivedAt = receivedAt;
        t.status = (accountId == null ? Status.UNMATCHED : Status.MATCHED).name();
        t.accountId = accountId;
        t.topUpId = topUpId;
        t.creditedMinor = credited == null ? null : credited.minor();
        t.creditedCurrency = credited == null ? null : credited.currency().code();
        t.createdAt = createdAt;
        return t;
    }

    /** Credits the unmatched money to an account; {@code credited} is in the account's currency. */
    public void assign(String accountId, Money credited, Instant now) {
        if (status() != Status.UNMATCHED) {
            throw KassaException.conflict("bank_transfer.already_matched", "Already matched",
                    "This bank transfer was already credited to an account.");
        }
        this.status = Status.MATCHED.name();
        this.accountId = accountId;
        this.creditedMinor = credited.minor();
        this.creditedCurrency = credited.currency().code();
        this.assignedAt = now;
    }

    public String id() {
        return id;
    }

    public String bankTransactionId() {
        return bankTransactionId;
    }

    public String reference() {
        return reference;
    }

    public Money amount() {
        return new Money(amountMinor, CurrencyRegistry.iso4217().require(currency));
    }

    public String payerName() {
        return payerName;
    }

    public Instant receivedAt() {
        return receivedAt;
    }

    public Status status() {
        return Status.valueOf(status);
    }

    public String accountId() {
        return accountId;
    }

    public String topUpId() {
        return topUpId;
    }

    public Money credited() {
        return creditedMinor == null ? null
                : new Money(creditedMinor, CurrencyRegistry.iso4217().require(creditedCurrency));
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant assignedAt() {
        return assignedAt;
    }
}

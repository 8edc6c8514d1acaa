package dev.kassa.server.ledger.domain;

import dev.kassa.server.shared.Money;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One leg of a journal transaction. {@code amount} is signed: positive debits the ledger account,
 * negative credits it. Customer legs also record the customer's balance after the entry, in the
 * same currency.
 */
@Entity
@Table(name = "journal_entries")
public class JournalEntry {
    @Id
    private String id;
    @Column(name = "tenant_id")
    private String tenantId;
    /**
     * Mapped as a relation so the transaction row is always inserted before its entries. Eager, as
     * EclipseLink makes it anyway without weaving (off in persistence.xml), warning at every start.
     */
    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "transaction_id")
    private JournalTransaction transaction;
    @Column(name = "transaction_id", insertable = false, updatable = false)
    private String transactionId;
    @Column(name = "ledger_account")
    private String ledgerAccount;
    @Embedded
    @AttributeOverride(name = "minor", column = @Column(name = "amount_minor"))
    @AttributeOverride(name = "currency", column = @Column(name = "currency"))
    private Money amount;
    @Column(name = "balance_after_minor")
    private Long balanceAfterMinor;
    @Column(name = "created_at")
    private Instant createdAt;

    protected JournalEntry() {
    }

    public JournalEntry(String id, String tenantId, JournalTransaction transaction, String ledgerAccount, Money amount,
                        Long balanceAfterMinor, Instant createdAt) {
        this.id = id;
        this.tenantId = tenantId;
        this.transaction = transaction;
        this.transactionId = transaction.id();
        this.ledgerAccount = ledgerAccount;
        this.amount = amount;
        this.balanceAfterMinor = balanceAfterMinor;
        this.createdAt = createdAt;
    }

    public String id() {
        return id;
    }

    public String transactionId() {
        return transactionId;
    }

    public String ledgerAccount() {
        return ledgerAccount;
    }

    public Money amount() {
        return amount;
    }

    public Long balanceAfterMinor() {
        return balanceAfterMinor;
    }
}

package dev.kassa.server.ledger.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One leg of a journal transaction. {@code amountMinor} is signed: positive debits the ledger
 * account, negative credits it. Customer legs also record the customer's balance after the entry.
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
    private String currency;
    @Column(name = "amount_minor")
    private long amountMinor;
    @Column(name = "balance_after_minor")
    private Long balanceAfterMinor;
    @Column(name = "created_at")
    private Instant createdAt;

    protected JournalEntry() {
    }

    public JournalEntry(String id, String tenantId, JournalTransaction transaction, String ledgerAccount, String currency,
                 long amountMinor, Long balanceAfterMinor, Instant createdAt) {
        this.id = id;
        this.tenantId = tenantId;
        this.transaction = transaction;
        this.transactionId = transaction.id();
        this.ledgerAccount = ledgerAccount;
        this.currency = currency;
        this.amountMinor = amountMinor;
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

    public String currency() {
        return currency;
    }

    public long amountMinor() {
        return amountMinor;
    }

    public Long balanceAfterMinor() {
        return balanceAfterMinor;
    }
}

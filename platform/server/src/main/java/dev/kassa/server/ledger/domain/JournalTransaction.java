package dev.kassa.server.ledger.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One movement of money: the header of entries that balance per currency. Never updated. */
@Entity
@Table(name = "journal_transactions")
public class JournalTransaction {
    @Id
    private String id;
    @Column(name = "tenant_id")
    private String tenantId;
    private String type;
    private String description;
    private String reference;
    @Column(name = "created_at")
    private Instant createdAt;

    protected JournalTransaction() {
    }

    public JournalTransaction(String id, String tenantId, TransactionType type, String description, String reference,
                       Instant createdAt) {
        this.id = id;
        this.tenantId = tenantId;
        this.type = type.name();
        this.description = description;
        this.reference = reference;
        this.createdAt = createdAt;
    }

    public String id() {
        return id;
    }

    public TransactionType type() {
        return TransactionType.valueOf(type);
    }

    public String description() {
        return description;
    }

    public String reference() {
        return reference;
    }

    public Instant createdAt() {
        return createdAt;
    }
}

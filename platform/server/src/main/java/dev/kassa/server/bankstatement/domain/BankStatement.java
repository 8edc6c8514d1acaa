package dev.kassa.server.bankstatement.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A statement file a tenant uploaded, with what its import did: how many entries it had, how many
 * credits matched a reference, waited unmatched, or had been imported before (duplicates).
 */
@Entity
@Table(name = "bank_statements")
public class BankStatement {
    @Id
    private String id;
    @Column(name = "tenant_id")
    private String tenantId;
    private String format;
    @Column(name = "bank_account")
    private String bankAccount;
    private int entries;
    private int matched;
    private int unmatched;
    private int duplicates;
    @Column(name = "created_at")
    private Instant createdAt;

    protected BankStatement() {
    }

    public BankStatement(String id, String tenantId, String format, String bankAccount, Instant createdAt) {
        this.id = id;
        this.tenantId = tenantId;
        this.format = format;
        this.bankAccount = bankAccount;
        this.createdAt = createdAt;
    }

    /** Counts one imported entry by its outcome. */
    public void count(StatementLine.Outcome outcome) {
        entries++;
        if (outcome == StatementLine.Outcome.MATCHED) {
            matched++;
        } else if (outcome == StatementLine.Outcome.UNMATCHED) {
            unmatched++;
        } else if (outcome == StatementLine.Outcome.DUPLICATE) {
            duplicates++;
        }
    }

    public String id() {
        return id;
    }

    public String tenantId() {
        return tenantId;
    }

    public String format() {
        return format;
    }

    public String bankAccount() {
        return bankAccount;
    }

    public int entries() {
        return entries;
    }

    public int matched() {
        return matched;
    }

    public int unmatched() {
        return unmatched;
    }

    public int duplicates() {
        return duplicates;
    }

    public Instant createdAt() {
        return createdAt;
    }
}

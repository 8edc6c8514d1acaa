package dev.kassa.server.bankstatement.domain;

import dev.kassa.server.shared.Money;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;

/**
 * One entry of an uploaded statement and what became of it. A credit is handed to the bank-transfer
 * path once per (bank account, bank reference) and is MATCHED or UNMATCHED as that transfer is, or
 * DUPLICATE when an earlier file (any format) brought it; a debit is recorded only (DEBIT); a
 * reversal is recorded as REVERSAL beside the entry it undoes; a credit the bank-transfer path refused
 * (no exchange rate, say) is REFUSED, and a later upload of the file tries it again.
 */
@Entity
@Table(name = "bank_statement_entries")
public class StatementLine {
    public enum Outcome { MATCHED, UNMATCHED, DUPLICATE, DEBIT, REVERSAL, REFUSED }

    @Id
    private String id;
    @Column(name = "tenant_id")
    private String tenantId;
    @Column(name = "statement_id")
    private String statementId;
    @Column(name = "line_no")
    private int position;
    @Column(name = "bank_account")
    private String bankAccount;
    @Column(name = "bank_reference")
    private String bankReference;
    private boolean credit;
    private boolean reversal;
    @Embedded
    @AttributeOverride(name = "minor", column = @Column(name = "amount_minor"))
    @AttributeOverride(name = "currency", column = @Column(name = "currency"))
    private Money amount;
    @Column(name = "booking_date")
    private LocalDate bookingDate;
    @Column(name = "creditor_reference")
    private String creditorReference;
    @Column(name = "end_to_end_id")
    private String endToEndId;
    private String remittance;
    @Column(name = "payer_name")
    private String payerName;
    @Enumerated(EnumType.STRING)
    private Outcome outcome;
    @Column(name = "bank_transfer_id")
    private String bankTransferId;
    @Column(name = "reverses_id")
    private String reversesId;
    @Column(name = "amount_differs")
    private boolean amountDiffers;

    protected StatementLine() {
    }

    /** The entry as read; its outcome is set once by {@link #settle}. */
    public StatementLine(String id, String tenantId, String statementId, int position, String bankAccount,
                         String bankReference, boolean credit, boolean reversal, Money amount, LocalDate bookingDate,
                         String creditorReference, String endToEndId, String remittance, String payerName) {
        this.id = id;
        this.tenantId = tenantId;
        this.statementId = statementId;
        this.position = position;
        this.bankAccount = bankAccount;
        this.bankReference = bankReference;
        this.credit = credit;
        this.reversal = reversal;
        this.amount = amount;
        this.bookingDate = bookingDate;
        this.creditorReference = creditorReference;
        this.endToEndId = endToEndId;
        this.remittance = remittance;
        this.payerName = payerName;
    }

    /**
     * @param bankTransferId the transfer this credit became (or was found as), null for a debit
     * @param reversesId the entry a reversal undoes, when found
     * @param amountDiffers a matched top-up asked for another amount: what arrived was credited
     */
    public void settle(Outcome outcome, String bankTransferId, String reversesId, boolean amountDiffers) {
        this.outcome = outcome;
        this.bankTransferId = bankTransferId;
        this.reversesId = reversesId;
        this.amountDiffers = amountDiffers;
    }

    public String id() {
        return id;
    }

    public String tenantId() {
        return tenantId;
    }

    public String statementId() {
        return statementId;
    }

    public int position() {
        return position;
    }

    public String bankAccount() {
        return bankAccount;
    }

    public String bankReference() {
        return bankReference;
    }

    public boolean credit() {
        return credit;
    }

    public boolean reversal() {
        return reversal;
    }

    public Money amount() {
        return amount;
    }

    public LocalDate bookingDate() {
        return bookingDate;
    }

    public String creditorReference() {
        return creditorReference;
    }

    public String endToEndId() {
        return endToEndId;
    }

    public String remittance() {
        return remittance;
    }

    public String payerName() {
        return payerName;
    }

    public Outcome outcome() {
        return outcome;
    }

    public String bankTransferId() {
        return bankTransferId;
    }

    public String reversesId() {
        return reversesId;
    }

    public boolean amountDiffers() {
        return amountDiffers;
    }
}

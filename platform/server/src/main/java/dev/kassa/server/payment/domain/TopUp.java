package dev.kassa.server.payment.domain;

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
 * A customer's intention to add money to a balance with one payment method. It is NEW until money
 * arrives (PAID) or it is given up (CANCELLED). Money that arrives is never refused: a payment for
 * a cancelled top-up still marks it paid and credits the account.
 */
@Entity
@Table(name = "top_ups")
public class TopUp {
    @Id
    private String id;
    @Column(name = "tenant_id")
    private String tenantId;
    @Column(name = "account_id")
    private String accountId;
    @Column(name = "payer_id")
    private String payerId;
    private String method;
    @Embedded
    @AttributeOverride(name = "minor", column = @Column(name = "amount_minor"))
    @AttributeOverride(name = "currency", column = @Column(name = "currency"))
    private Money amount;
    @Enumerated(EnumType.STRING)
    private TopUpStatus status;
    private String reference;
    @Embedded
    @AttributeOverride(name = "minor", column = @Column(name = "credit_minor"))
    @AttributeOverride(name = "currency", column = @Column(name = "credit_currency"))
    private Money credit;
    @Column(name = "quote_id")
    private String quoteId;
    /** What has reached the balance so far, in minor units of the credit's currency (no column of its own). */
    @Column(name = "credited_minor")
    private long creditedMinor;
    private String instructions;
    /** The invoice this top-up pays when it is paid, or null for money for the balance alone. */
    @Column(name = "invoice_id")
    private String invoiceId;
    @Column(name = "cancel_reason")
    private String cancelReason;
    @Column(name = "cancel_reason_code")
    private String cancelReasonCode;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "paid_at")
    private Instant paidAt;
    @Column(name = "cancelled_at")
    private Instant cancelledAt;
    /** The account the money came from, as the bank statement said: where a refund by bank transfer goes. */
    @Column(name = "payer_iban")
    private String payerIban;
    @Column(name = "payer_bic")
    private String payerBic;
    @Column(name = "payer_account_name")
    private String payerAccountName;

    protected TopUp() {
    }

    /**
     * @param amount what the customer pays, in the payment currency
     * @param credit what that amount credits, in the account currency (the amount itself, or a quote's {@code to})
     * @param quoteId the quote that priced a payment in another currency, or null
     */
    public TopUp(String id, String tenantId, String accountId, String payerId, String method, Money amount,
                 Money credit, String quoteId, String reference, String instructions, Instant createdAt) {
        this.id = id;
        this.tenantId = tenantId;
        this.accountId = accountId;
        this.payerId = payerId;
        this.method = method;
        this.amount = amount;
        this.credit = credit;
        this.quoteId = quoteId;
        this.status = TopUpStatus.NEW;
        this.reference = reference;
        this.instructions = instructions;
        this.createdAt = createdAt;
    }

    /**
     * Money arrived for this top-up and {@code credited} reached the balance: it is paid, whatever it
     * was before. Returns true when this made it PAID (false when it already was).
     */
    public boolean recordPayment(Money credited, Instant now) {
        if (!credited.currency().code().equals(credit.currency().code())) {
            throw new IllegalArgumentException("credited in " + credited.currency() + ", expected "
                    + credit.currency());
        }
        creditedMinor = Math.addExact(creditedMinor, credited.minor());
        if (status == TopUpStatus.PAID) {
            return false;
        }
        status = TopUpStatus.PAID;
        paidAt = now;
        return true;
    }

    /**
     * Binds a new top-up to an open invoice: when it is paid, its money reaches the balance and the
     * invoice is paid from it in the same transaction.
     */
    public void bindTo(String invoiceId) {
        this.invoiceId = invoiceId;
    }

    /** The invoice this top-up pays, or null. */
    public String invoiceId() {
        return invoiceId;
    }

    /**
     * The account a bank statement says paid this top-up: the latest one wins (a payer who paid in
     * two parts from two accounts is refunded to the later). An IBAN that does not check out is ignored.
     */
    public void learnPayerAccount(String iban, String bic, String name) {
        String i = dev.kassa.server.shared.BankAccounts.normalise(iban);
        if (!dev.kassa.server.shared.BankAccounts.isValidIban(i)) {
            return;
        }
        String b = dev.kassa.server.shared.BankAccounts.normalise(bic);
        this.payerIban = i;
        this.payerBic = dev.kassa.server.shared.BankAccounts.isValidBic(b) ? b : null;
        this.payerAccountName = name == null || name.isBlank() ? null
                : name.strip().length() <= 140 ? name.strip() : name.strip().substring(0, 140);
    }

    /** The payer's IBAN from a bank statement, or null. */
    public String payerIban() {
        return payerIban;
    }

    public String payerBic() {
        return payerBic;
    }

    public String payerAccountName() {
        return payerAccountName;
    }

    /** What the customer must do to pay (a bank transfer's beneficiary and reference), as a JSON object. */
    public void showInstructions(String instructionsJson) {
        this.instructions = instructionsJson;
    }

    public String tenantId() {
        return tenantId;
    }

    /**
     * Gives the top-up up.
     *
     * @param reasonCode the gateway's stable code for a failed payment (such as {@code insufficient_funds}),
     *     which pages and mails put in the customer's words; null for a cancel on request
     * @param reason the words to show when there are none for the code
     */
    public void cancel(String reasonCode, String reason, Instant now) {
        if (status != TopUpStatus.NEW) {
            throw KassaException.conflict("topup.not_cancellable", "Top-up not cancellable",
                    "Only a NEW top-up can be cancelled; this one is " + status + ".");
        }
        status = TopUpStatus.CANCELLED;
        cancelReasonCode = reasonCode;
        cancelReason = reason;
        cancelledAt = now;
    }

    public String id() {
        return id;
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

    public Money amount() {
        return amount;
    }

    /** What the top-up credits when paid as agreed, in the account currency. */
    public Money credit() {
        return credit;
    }

    /** What has reached the balance so far, in the account currency. */
    public Money credited() {
        return new Money(creditedMinor, credit.currency());
    }

    public String quoteId() {
        return quoteId;
    }

    public TopUpStatus status() {
        return status;
    }

    public String reference() {
        return reference;
    }

    public String instructions() {
        return instructions;
    }

    public String cancelReason() {
        return cancelReason;
    }

    /** The gateway's code for why the payment failed, or null. */
    public String cancelReasonCode() {
        return cancelReasonCode;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant paidAt() {
        return paidAt;
    }

    public Instant cancelledAt() {
        return cancelledAt;
    }
}

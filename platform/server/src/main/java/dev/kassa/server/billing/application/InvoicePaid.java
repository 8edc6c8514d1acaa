package dev.kassa.server.billing.application;

import dev.kassa.server.shared.Money;
import java.time.Instant;

/**
 * Fired inside the paying transaction, after the ledger posting and the status change: {@code from}
 * says how it was paid ({@code balance}, or {@code top_up} for a top-up's own prepayment invoice)
 * and {@code transactionId} is the journal transaction. {@code spentBalance} is true when money that
 * was on the balance already paid it ({@code POST /invoices/{id}/pay}, a renewal), false when the
 * money just arrived for it (a top-up or transfer bound to it) or for a prepayment invoice: only the
 * former spends prepaid money ({@link Prepayments}). {@code balanceAfter} is the account's balance
 * once the invoice is paid (the customer's receipt shows it; null for a prepayment invoice, which has
 * no receipt mail of its own).
 */
public record InvoicePaid(String tenantId, String invoiceId, String accountId, String payerId, String number,
                          Money amount, Instant dueAt, Instant finalizedAt, String from, String transactionId,
                          Instant paidAt, boolean spentBalance, Money balanceAfter) {
    public static final String FROM_TOP_UP = "top_up";
}

package dev.kassa.server.billing.application;

import dev.kassa.server.shared.Money;
import java.time.Instant;

/**
 * Fired inside the paying transaction, after the ledger posting and the status change: {@code from}
 * says how it was paid ({@code balance} today) and {@code transactionId} is the journal transaction;
 * {@code balanceAfter} is the account's balance once the invoice is paid (the customer's receipt shows it).
 */
public record InvoicePaid(String tenantId, String invoiceId, String accountId, String payerId, String number,
                          Money amount, Instant dueAt, Instant finalizedAt, String from, String transactionId,
                          Instant paidAt, Money balanceAfter) { }

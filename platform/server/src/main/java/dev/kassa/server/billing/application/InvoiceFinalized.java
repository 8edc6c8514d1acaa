package dev.kassa.server.billing.application;

import dev.kassa.server.shared.Money;
import java.time.Instant;

/**
 * Fired inside the finalising transaction, once the invoice has its number: observers (webhooks,
 * mails) that write to an outbox in the same transaction see it only if it commits.
 */
public record InvoiceFinalized(String tenantId, String invoiceId, String accountId, String payerId, String number,
                               Money gross, Instant dueAt, Instant finalizedAt) { }

package dev.kassa.server.billing.application;

import java.time.Instant;

/**
 * A full credit note cancelled an invoice, fired in the transaction that issues it: a service
 * waiting for the invoice owes nothing any more.
 */
public record InvoiceCancelled(String tenantId, String invoiceId, String accountId, String payerId, String number,
                               String creditNoteId, String creditNoteNumber, Instant cancelledAt) { }

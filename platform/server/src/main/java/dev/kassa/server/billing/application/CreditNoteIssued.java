package dev.kassa.server.billing.application;

/** A credit note was issued, fired in the transaction that issues it: its PDF can be queued. */
public record CreditNoteIssued(String tenantId, String creditNoteId, String invoiceId, String accountId,
                               String number) { }

package dev.kassa.server.billing.application;

/**
 * A receipt was written for a paid top-up, fired in the paying transaction: its PDF can be queued
 * and the customer's receipt mail written.
 */
public record ReceiptIssued(String tenantId, String receiptId, String accountId, String payerId, String number,
                            String topUpId) { }

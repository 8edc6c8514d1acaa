package dev.kassa.server.payment.application;

import dev.kassa.server.shared.Money;
import java.time.Instant;

/**
 * A top-up has just become PAID (once per top-up, however many payments arrive for it), fired in
 * the transaction that credits the account: the mail context writes the customer's mail into its
 * outbox. An observer that fails rolls the credit back, so observers must not fail on their own
 * account.
 *
 * @param paid what arrived, in the currency it was paid in
 * @param credited what reached the balance, in the account's currency
 * @param payerId who paid it
 * @param method the payment method's key
 * @param paidAt when it became PAID
 * @param invoiceId the invoice the top-up pays (billing pays it from the balance in this same
 *     transaction), or null
 * @param transactionId the journal transaction that credited the payment which made it PAID
 */
public record TopUpPaid(String tenantId, String accountId, String topUpId, String reference, Money paid,
                        Money credited, String payerId, String method, Instant paidAt, String invoiceId,
                        String transactionId) { }

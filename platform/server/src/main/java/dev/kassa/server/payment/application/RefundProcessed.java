package dev.kassa.server.payment.application;

import dev.kassa.server.shared.Money;

/**
 * The gateway (or the tenant's bank) sent a refund's money back, fired in the transaction that
 * marks the refund SUCCEEDED: the mail context writes the customer's mail into its outbox. An
 * observer that fails rolls the refund's success back, so observers must not fail on their own
 * account.
 *
 * @param reference the refunded top-up's reference
 * @param amount what was refunded
 * @param topUpId the refunded top-up
 */
public record RefundProcessed(String tenantId, String accountId, String refundId, String reference, Money amount,
                              String topUpId) { }

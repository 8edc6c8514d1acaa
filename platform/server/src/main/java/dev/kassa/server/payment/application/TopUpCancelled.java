package dev.kassa.server.payment.application;

import dev.kassa.server.shared.Money;

/**
 * A top-up was just cancelled because its payment failed (declined, or the payment page expired),
 * fired in the transaction that cancels it: the mail context writes the customer's mail into its
 * outbox. A top-up the customer or tenant cancels on request is not announced: they know. An
 * observer that fails rolls the cancel back, so observers must not fail on their own account.
 *
 * @param amount what the customer meant to pay, in the payment currency
 * @param reasonCode the gateway's stable code (such as {@code insufficient_funds}), or null
 * @param reason the gateway's words, shown when a theme has none for the code
 * @param invoiceId the invoice the top-up was to pay, or null
 */
public record TopUpCancelled(String tenantId, String accountId, String topUpId, String reference, Money amount,
                             String reasonCode, String reason, String invoiceId) {
    /** A top-up bound to no invoice. */
    public TopUpCancelled(String tenantId, String accountId, String topUpId, String reference, Money amount,
                          String reasonCode, String reason) {
        this(tenantId, accountId, topUpId, reference, amount, reasonCode, reason, null);
    }
}

package dev.kassa.server.payment.application;

import dev.kassa.server.shared.Money;

/**
 * A gateway took back a payment that had been credited (a chargeback, a PayPal reversal), fired in
 * the transaction that debits the balance: the webhook context writes {@code payment.reversed} into
 * its outbox. An observer that fails rolls the debit back, so observers must not fail on their own
 * account.
 *
 * @param reference the top-up's reference
 * @param amount what the gateway took back, in the currency of the payment
 * @param debited what left the balance for it, in the account's currency
 * @param balanceAfter the balance right after, which may be below zero
 * @param transactionId the ledger transaction ({@code REVERSAL})
 */
public record PaymentReversed(String tenantId, String accountId, String topUpId, String attemptId, String reference,
                              Money amount, Money debited, Money balanceAfter, String reasonCode, String reason,
                              String transactionId) { }

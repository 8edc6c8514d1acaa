package dev.kassa.server.payment.application;

/**
 * A saved method the customer added on its own (through the gateway's page in setup mode) was just
 * confirmed by the gateway, fired in the transaction that confirms it: the mail context writes the
 * customer's mail into its outbox. Not fired for a card kept while paying: that customer gets the
 * top-up's mail. An observer that fails rolls the confirmation back, so observers must not fail
 * on their own account.
 *
 * @param brand such as {@code visa}, or null
 * @param last4 the card number's last four digits, or null
 */
public record SavedMethodConfirmed(String tenantId, String accountId, String savedMethodId, String brand,
                                   String last4) { }

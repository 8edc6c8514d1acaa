package dev.kassa.api.payment;

/**
 * Who pays: the customer account and the payer chosen for this payment.
 *
 * @param accountId the platform's account id (stable; fine to put in gateway metadata)
 * @param accountReference the account's short reference that customers quote
 * @param name the payer's (or the account's) name
 * @param email the account's email address
 * @param country the payer's ISO 3166-1 alpha-2 country
 * @param locale the customer's language tag, such as {@code "fr"}; null when the customer has not chosen
 *     one (a hosted page then picks its own, as Stripe's does from the browser)
 * @param gatewayReference the customer's id at this method's gateway, if an earlier result
 *     returned one ({@link PaymentResult#customerReference()}); null the first time
 */
public record Customer(String accountId, String accountReference, String name, String email, String country,
                       String locale, String gatewayReference) {
    public Customer withGatewayReference(String reference) {
        return new Customer(accountId, accountReference, name, email, country, locale, reference);
    }
}

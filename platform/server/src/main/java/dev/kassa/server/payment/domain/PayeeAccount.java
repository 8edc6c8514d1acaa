package dev.kassa.server.payment.domain;

/**
 * The bank account a refund by bank transfer goes to: a normalised IBAN (checked), the bank's BIC
 * when known (SEPA needs none) and the account holder's name.
 */
public record PayeeAccount(String iban, String bic, String name) {
}

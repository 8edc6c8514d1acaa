package dev.kassa.api.payment;

/**
 * What is wrong with one credential a tenant entered.
 *
 * @param field the credential's name
 * @param code a stable machine-readable code such as {@code "iban.invalid"}
 * @param message a short English sentence for the tenant admin, without the value itself
 */
public record CredentialProblem(String field, String code, String message) { }

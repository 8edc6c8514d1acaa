package dev.kassa.server.signin.application;

import java.util.Locale;
import java.util.Optional;

/** The customer accounts that sign in: what sign-in needs of the account context. */
public interface Customers {
    /** A customer account as sign-in sees it. */
    record Customer(String tenantId, String accountId, String email, String name, Locale locale) { }

    /** The tenant's account, or 404 {@code not_found} (also for another tenant's). */
    Customer require(String tenantId, String accountId);

    /** The tenant's account with this e-mail, compared without case. */
    Optional<Customer> byEmail(String tenantId, String email);

    /** Opens an account (for the demo customer). */
    Customer open(String tenantId, String email, String name, String country);

    /** Adds a payer to an account (for the demo customer); {@code company} with a VAT ID, else a person. */
    void addPayer(String tenantId, String accountId, boolean company, String name, String country, String vatId);
}

package dev.kassa.server.account.application;

import java.util.Optional;

/**
 * Who asks VIES on a tenant's behalf: the tenant's own VAT ID, with its prefix, when it has one; VIES
 * then gives each check a consultation number, the proof that the VAT ID was valid that day.
 * Implemented by the billing context, which keeps the tenant's VAT ID.
 */
public interface VatIdRequester {
    Optional<String> vatIdOf(String tenantId);
}

package dev.kassa.server.web;

import java.util.Optional;

/**
 * How the kernel learns whose API key a request carries, without depending on the tenant context:
 * the tenant context implements it.
 */
public interface TenantKeys {
    /** The id of the tenant a live key belongs to; empty for an unknown or revoked key. */
    Optional<String> authenticate(String presentedKey);
}

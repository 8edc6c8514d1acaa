package dev.kassa.server.clientarea.domain;

import java.util.Optional;

/** Tenants' brandings. Every method joins the caller's transaction. */
public interface BrandingRepository {
    Optional<BrandingSetting> find(String tenantId);

    void add(BrandingSetting branding);
}
